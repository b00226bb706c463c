using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Algebra;

namespace FormalExpressivity.Classes.Deciders;

/// <summary>Generalized definite languages LI.</summary>
/// <remarks>
/// Ginzburg (1966), Steinby (1969): L is generalized definite (membership of long words depends on a bounded prefix and suffix) iff S is locally trivial, e^ω s e^ω = e^ω. In: aΣ*b over {a,b}. Out: Σ*aΣ* over {a,b}.
/// </remarks>
public static class GeneralizedDefiniteDecider
{
    /// <summary>Decides LI on the syntactic semigroup of the minimal DFA (budget <c>max-semigroup</c>).</summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    /// <param name="options">Budgets.</param>
    public static ClassVerdict Decide(Dfa minimalDfa, DeciderOptions? options = null) => Decide(new DecisionContext(minimalDfa, options));

    /// <summary>Decides LI with a shared context.</summary>
    /// <param name="context">The language's decision context.</param>
    public static ClassVerdict Decide(DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Every identity below fails on a non-aperiodic w with all variables := w (LI ⊆ SF).
        var violation = context.ViolationFromNonAperiodic(Identities.GeneralizedDefinite, "e", "s") ?? SemigroupChecks.FindGeneralizedDefiniteViolation(context.Semigroup);
        if (violation is not null) return new ClassVerdict(LanguageClass.LI, false, null, violation);
        return new ClassVerdict(LanguageClass.LI, true, null,
            new ClassMembership("GeneralizedDefiniteDecider0", $"{context.Semigroup.Count} elements, {context.Semigroup.Idempotents.Count} idempotents"));
    }
}
