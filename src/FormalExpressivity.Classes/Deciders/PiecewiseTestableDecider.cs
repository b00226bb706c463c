using FormalExpressivity.Automata;

namespace FormalExpressivity.Classes.Deciders;

/// <summary>Piecewise testable languages PT_k (Boolean combinations of Σ*a1Σ*…Σ*ajΣ*, j ≤ k).</summary>
/// <remarks>
/// Simon (1975): L is piecewise testable iff its syntactic monoid is J-trivial (so PT and J are one
/// class; both are reported). The least k lies between the letter-block bound and the depth of the minimal
/// DFA (Klíma &amp; Polák 2013: L is d-piecewise testable for the depth d); when they differ, the k between
/// are tested upward on the classes of Simon's congruence (<see cref="TestabilityParameters.PiecewiseK"/>).
/// The parameter is <c>null</c> when the budget <c>max-parameter-states</c> stops that search; the verdict's
/// <see cref="ClassVerdict.Bounds"/> then holds both bounds, and the evidence gives them with the flag.
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
        var k = TestabilityParameters.PiecewiseK(context.Dfa, context.Options.MaxParameterStates);
        string detail;
        if (k.Least)
            detail = $"{reason}; membership is a function of the subwords of length ≤ {k.Lower}, not of those of length ≤ {k.Lower - 1}";
        else
        {
            string below = k.Lower > 0 ? $"k ≥ {k.Lower} (every k ≤ {k.Lower - 1} refuted{(k.Block.Bound == k.Lower ? $": a block a^{k.Lower - 1} and a^{k.Lower} at one state agree on the subwords of length ≤ {k.Lower - 1} but not on membership" : "")})" : "k ≥ 0";
            detail = $"{reason}; least k not proved: {below} and k ≤ {k.Upper} (the depth of the minimal DFA, Klíma–Polák 2013); the test at k = {k.Lower} stopped at {k.Stop!.Budget} = {k.Stop.Limit} (raise {k.Stop.Flag})";
        }
        return new ClassVerdict(LanguageClass.PT, true, k.Least ? k.Lower : null, new ClassMembership("Simon 1975: J-trivial syntactic monoid", detail))
        {
            Bounds = k.Least ? null : new ParameterBounds(k.Lower, k.Upper),
        };
    }
}
