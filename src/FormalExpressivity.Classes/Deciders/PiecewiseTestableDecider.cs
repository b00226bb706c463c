using FormalExpressivity.Automata;

namespace FormalExpressivity.Classes.Deciders;

/// <summary>Piecewise testable languages PT_k (Boolean combinations of Σ*a1Σ*…Σ*ajΣ*, j ≤ k).</summary>
/// <remarks>
/// Simon (1975): L is piecewise testable iff its syntactic monoid is J-trivial (so PT and J are one
/// class; both are reported). The least k is found by checking that membership is a function of the
/// set of subwords of length ≤ k, for k = 0, 1, … up to the depth bound of Klíma &amp; Polák (2013)
/// (k ≤ the number of states); it is <c>null</c> when the budget <c>max-parameter-states</c> runs out.
/// In: Σ*aΣ*bΣ* over {a,b,c} (k = 2). Out: Σ*ab over {a,b}.
/// </remarks>
public static class PiecewiseTestableDecider
{
    /// <summary>Decides PT with the least k.</summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    /// <param name="options">Budgets.</param>
    public static ClassVerdict Decide(Dfa minimalDfa, DeciderOptions? options = null) => Decide(new DecisionContext(minimalDfa, options));

    /// <summary>Decides PT with a shared context.</summary>
    /// <param name="context">The language's decision context.</param>
    public static ClassVerdict Decide(DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var j = JTrivialDecider.Decide(context, LanguageClass.PT);
        if (!j.Member) return j;
        return Member(context, $"J-trivial monoid ({context.Semigroup.Count} elements)");
    }

    /// <summary>The membership verdict with the least k, for a language whose monoid is known to be J-trivial.</summary>
    /// <param name="context">The language's decision context.</param>
    /// <param name="reason">Why the monoid is J-trivial, for people.</param>
    internal static ClassVerdict Member(DecisionContext context, string reason)
    {
        int? k = TestabilityParameters.LeastPiecewiseK(context.Dfa, context.Dfa.StateCount, context.Options.MaxParameterStates);
        int bound = k is null ? TestabilityParameters.PiecewiseLowerBound(context.Dfa).Bound : 0;
        var detail = k is null
            ? $"{reason}; least k not found within max-parameter-states = {context.Options.MaxParameterStates}{(bound > 1 ? $" (it is at least {bound}: a block a^{bound - 1} and a^{bound} at one state agree on the subwords of length ≤ {bound - 1} but not on membership)" : "")}"
            : $"{reason}; membership is a function of the subwords of length ≤ {k}, not of those of length ≤ {k - 1}";
        return new ClassVerdict(LanguageClass.PT, true, k, new ClassMembership("Simon 1975: J-trivial syntactic monoid", detail));
    }
}
