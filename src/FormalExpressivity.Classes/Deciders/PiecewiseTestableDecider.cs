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
        int? k = TestabilityParameters.LeastPiecewiseK(context.Dfa, context.Dfa.StateCount, context.Options.MaxParameterStates);
        var detail = k is null
            ? $"J-trivial monoid ({context.Semigroup.Count} elements); least k not found within max-parameter-states = {context.Options.MaxParameterStates}"
            : $"J-trivial monoid ({context.Semigroup.Count} elements); membership is a function of the subwords of length ≤ {k}, not of those of length ≤ {k - 1}";
        return new ClassVerdict(LanguageClass.PT, true, k, new ClassMembership("Simon 1975: J-trivial syntactic monoid", detail));
    }
}
