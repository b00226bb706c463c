using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Algebra;

namespace FormalExpressivity.Classes.Deciders;

/// <summary>DA = FO²[&lt;] = LTL[P,F] (unambiguous polynomials).</summary>
/// <remarks>
/// Schützenberger (1976), Thérien &amp; Wilke (1998): L ∈ DA = FO²[&lt;] = LTL[P,F] iff (xy)^ω x (xy)^ω = (xy)^ω, equivalently S aperiodic and every regular J-class consists of idempotents. In: Σ*aΣ*bΣ* over {a,b,c}. Out: (ab)* over {a,b}.
/// </remarks>
public static class DADecider
{
    /// <summary>Decides DA on the syntactic semigroup of the minimal DFA (budget <c>max-semigroup</c>).</summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    /// <param name="options">Budgets.</param>
    public static ClassVerdict Decide(Dfa minimalDfa, DeciderOptions? options = null) => Decide(new DecisionContext(minimalDfa, options));

    /// <summary>Decides DA with a shared context.</summary>
    /// <param name="context">The language's decision context.</param>
    public static ClassVerdict Decide(DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Every identity below fails on a non-aperiodic w with all variables := w (DA ⊆ SF).
        var violation = context.ViolationFromNonAperiodic(Identities.DA, "x", "y") ?? SemigroupChecks.FindDAViolation(context.Semigroup, (long)context.Options.MaxSemigroup * 1000);
        if (violation is not null) return new ClassVerdict(LanguageClass.DA, false, null, violation);
        return new ClassVerdict(LanguageClass.DA, true, null,
            new ClassMembership("aperiodic and every regular J-class consists of idempotents (Schützenberger 1976)", $"{context.Semigroup.Count} elements, {context.Semigroup.Idempotents.Count} idempotents"));
    }
}
