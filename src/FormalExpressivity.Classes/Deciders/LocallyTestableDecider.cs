using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Algebra;

namespace FormalExpressivity.Classes.Deciders;

/// <summary>Locally testable languages LT_k (membership by prefix, suffix of length k − 1 and the set of k-factors).</summary>
/// <remarks>
/// Brzozowski &amp; Simon (1973), McNaughton (1974): L is locally testable iff its syntactic semigroup is
/// locally idempotent and commutative — eSe is a semilattice for every idempotent e (semigroup, not
/// monoid). The least k is found from the definition (see <see cref="TestabilityParameters"/>), null when
/// the budget runs out. In: Σ*abΣ* over {a,b,c} (k = 2). Out: Σ*aΣ*bΣ* over {a,b} (e = b^ω… the
/// violation names the elements).
/// </remarks>
public static class LocallyTestableDecider
{
    /// <summary>Decides LT with the least k.</summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    /// <param name="options">Budgets.</param>
    public static ClassVerdict Decide(Dfa minimalDfa, DeciderOptions? options = null) => Decide(new DecisionContext(minimalDfa, options));

    /// <summary>Decides LT with a shared context.</summary>
    /// <param name="context">The language's decision context.</param>
    public static ClassVerdict Decide(DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var violation = context.ViolationFromNonAperiodic(Identities.LocallyIdempotent, "e", "x")
            ?? SemigroupChecks.FindLocallyTestableViolation(context.Semigroup);
        if (violation is not null) return new ClassVerdict(LanguageClass.LT, false, null, violation);
        int maxK = context.Dfa.StateCount * context.Dfa.StateCount + 1;
        int? k = TestabilityParameters.LeastLocallyTestableK(context.Dfa, maxK, context.Options.MaxParameterStates);
        var detail = k is null
            ? $"eSe a semilattice for all {context.Semigroup.Idempotents.Count} idempotents; least k not found within max-parameter-states = {context.Options.MaxParameterStates}"
            : $"eSe a semilattice for all {context.Semigroup.Idempotents.Count} idempotents; {k}-testable and not {k - 1}-testable";
        return new ClassVerdict(LanguageClass.LT, true, k, new ClassMembership("Brzozowski–Simon 1973, McNaughton 1974: locally idempotent and commutative", detail));
    }
}
