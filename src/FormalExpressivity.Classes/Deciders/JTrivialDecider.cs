using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Algebra;

namespace FormalExpressivity.Classes.Deciders;

/// <summary>Languages with a J-trivial syntactic monoid (= piecewise testable, Simon 1975).</summary>
/// <remarks>
/// A finite monoid is J-trivial iff it is both R-trivial and L-trivial (Green's relations: J = D = R∘L
/// in a finite monoid), i.e. (xy)^ω x = (xy)^ω = y (xy)^ω. In: Σ*aΣ*bΣ* over {a,b,c}. Out: aΣ* over {a,b}
/// (R-trivial but not L-trivial: a and ab are L-related… the violation names the elements).
/// </remarks>
public static class JTrivialDecider
{
    /// <summary>Decides J.</summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    /// <param name="options">Budgets.</param>
    public static ClassVerdict Decide(Dfa minimalDfa, DeciderOptions? options = null) => Decide(new DecisionContext(minimalDfa, options));

    /// <summary>Decides J with a shared context.</summary>
    /// <param name="context">The language's decision context.</param>
    public static ClassVerdict Decide(DecisionContext context) => Decide(context, LanguageClass.J);

    internal static ClassVerdict Decide(DecisionContext context, LanguageClass asClass)
    {
        ArgumentNullException.ThrowIfNull(context);
        var violation = context.ViolationFromNonAperiodic(Identities.RTrivial, "x", "y")
            ?? SemigroupChecks.FindRViolation(context.Semigroup)
            ?? SemigroupChecks.FindLViolation(context.Semigroup);
        if (violation is not null) return new ClassVerdict(asClass, false, null, violation);
        return new ClassVerdict(asClass, true, null,
            new ClassMembership("J-trivial: every R-class and every L-class of S a singleton", $"{context.Semigroup.Count} elements"));
    }
}
