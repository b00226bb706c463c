using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Algebra;

namespace FormalExpressivity.Classes.Deciders;

/// <summary>Locally testable languages LT_k (membership by prefix, suffix of length k − 1 and the set of k-factors).</summary>
/// <remarks>
/// Brzozowski &amp; Simon (1973), McNaughton (1974): L is locally testable iff its syntactic semigroup is
/// locally idempotent and commutative — eSe is a semilattice for every idempotent e (semigroup, not
/// monoid). The least k is found from the definition (see <see cref="TestabilityParameters"/>), null when
/// the budget runs out. In: Σ*abΣ* over {a,b,c} (k = 2). Out: Σ*aΣ*bΣ* over {a,b,c} (the order of a and
/// b is not visible in bounded factors; the violation names the elements).
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
        return Member(context, "Brzozowski–Simon 1973, McNaughton 1974: locally idempotent and commutative",
            $"eSe a semilattice for all {context.Semigroup.Idempotents.Count} idempotents");
    }

    /// <summary>The membership verdict with the least k, for a language already known to be locally testable.</summary>
    /// <param name="context">The language's decision context.</param>
    /// <param name="criterion">Why it is locally testable.</param>
    /// <param name="reason">What was checked, for people.</param>
    internal static ClassVerdict Member(DecisionContext context, string criterion, string reason)
    {
        // Upper bounds that are theorems: SL_k ⊆ LT_k, definite of degree d ⊆ LT_{d+1}, reverse definite of degree d ⊆ LT_{d+1}.
        int? upper = null;
        foreach (var bound in new[]
        {
            context.Verdict(LanguageClass.SL) is { Decided: true, Member: true, Parameter: int sl } ? sl : (int?)null,
            context.Verdict(LanguageClass.D) is { Decided: true, Member: true, Parameter: int d } ? Math.Max(1, d + 1) : null,
            context.Verdict(LanguageClass.K) is { Decided: true, Member: true, Parameter: int rd } ? Math.Max(1, rd + 1) : null,
        })
            if (bound is int b && (upper is null || b < upper)) upper = b;
        int maxK = upper is int u ? u - 1 : context.Dfa.StateCount * context.Dfa.StateCount + 1;
        int? k = TestabilityParameters.LeastLocallyTestableK(context.Dfa, maxK, context.Options.MaxParameterStates, out bool exhausted);
        if (k is null && !exhausted && upper is not null) k = upper;
        var detail = k is null
            ? $"{reason}; least k not found within max-parameter-states = {context.Options.MaxParameterStates}"
            : $"{reason}; {k}-testable and not {k - 1}-testable";
        return new ClassVerdict(LanguageClass.LT, true, k, new ClassMembership(criterion, detail));
    }
}
