using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Algebra;

namespace FormalExpressivity.Classes.Deciders;

/// <summary>Languages with an L-trivial syntactic monoid.</summary>
/// <remarks>
/// Eilenberg (1976): L-trivial languages are the left–right mirror of R-trivial ones (right-deterministic polynomials); criterion: every L-class of S is a singleton, equivalently y (xy)^ω = (xy)^ω. In: Σ*a over {a,b} (Σ*a is definite, hence L-trivial). Out: aΣ* over {a,b}.
/// </remarks>
public static class LTrivialDecider
{
    /// <summary>Decides L on the syntactic semigroup of the minimal DFA (budget <c>max-semigroup</c>).</summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    /// <param name="options">Budgets.</param>
    public static ClassVerdict Decide(Dfa minimalDfa, DeciderOptions? options = null) => Decide(new DecisionContext(minimalDfa, options));

    /// <summary>Decides L with a shared context.</summary>
    /// <param name="context">The language's decision context.</param>
    public static ClassVerdict Decide(DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Every identity below fails on a non-aperiodic w with all variables := w (L ⊆ SF).
        var violation = context.ViolationFromNonAperiodic(Identities.LTrivial, "x", "y") ?? SemigroupChecks.FindLViolation(context.Semigroup);
        if (violation is not null) return new ClassVerdict(LanguageClass.L, false, null, violation);
        return new ClassVerdict(LanguageClass.L, true, null,
            new ClassMembership("every L-class of S a singleton (Green's relations)", $"{context.Semigroup.Count} elements, {context.Semigroup.Idempotents.Count} idempotents"));
    }
}
