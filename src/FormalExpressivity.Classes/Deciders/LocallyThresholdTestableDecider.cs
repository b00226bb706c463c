using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Algebra;

namespace FormalExpressivity.Classes.Deciders;

/// <summary>Locally threshold testable languages LTT = FO[+1].</summary>
/// <remarks>
/// Thérien &amp; Weiss (1985), Beauquier &amp; Pin (1989): L is locally threshold testable iff its syntactic
/// semigroup is aperiodic and satisfies e x f y e z f = e z f y e x f for all idempotents e, f.
/// In: Σ*abΣ* over {a,b,c}. Out: Σ*aΣ*bΣ* over {a,b} (it needs the order of a and b, not counts of factors).
/// </remarks>
public static class LocallyThresholdTestableDecider
{
    /// <summary>Decides LTT.</summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    /// <param name="options">Budgets.</param>
    public static ClassVerdict Decide(Dfa minimalDfa, DeciderOptions? options = null) => Decide(new DecisionContext(minimalDfa, options));

    /// <summary>Decides LTT with a shared context.</summary>
    /// <param name="context">The language's decision context.</param>
    public static ClassVerdict Decide(DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var violation = context.ViolationFromNonAperiodic(Identities.Aperiodic, "x")
            ?? SemigroupChecks.FindTherienWeissViolation(context.Semigroup, (long)context.Options.MaxSemigroup * 1000);
        if (violation is not null) return new ClassVerdict(LanguageClass.LTT, false, null, violation);
        return new ClassVerdict(LanguageClass.LTT, true, null,
            new ClassMembership("Thérien–Weiss 1985: aperiodic and exfyezf = ezfyexf", $"{context.Semigroup.Count} elements, {context.Semigroup.Idempotents.Count} idempotents"));
    }
}
