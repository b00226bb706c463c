using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Conditions;
using FormalExpressivity.Classes.Internal;

namespace FormalExpressivity.Classes.Deciders;

/// <summary>Strictly local languages SL_k (membership = every k-factor of ⋊w⋉ is allowed).</summary>
/// <remarks>
/// Rogers &amp; Pullum (2011, after McNaughton &amp; Papert 1971): L is SL_k iff it is closed under suffix
/// substitution for factors x of length k − 1 (u1xv1, u2xv2 ∈ L ⇒ u1xv2 ∈ L). For the minimal DFA this says
/// that every word x of length k − 1 leads all states into at most one live (co-reachable) state, i.e.
/// the pair graph on distinct live states has no path of k − 1 edges: SL iff that graph is acyclic, and
/// the least k is its longest path + 2 (1 with at most one live state). O(n²·|Σ|).
/// In: (ab)* (SL_2). Out: Σ*abΣ* over {a,b} (b fixes the live states 0 and 2).
/// </remarks>
public static class StrictlyLocalDecider
{
    /// <summary>Decides SL with the least k.</summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    /// <param name="options">Witness padding.</param>
    public static ClassVerdict Decide(Dfa minimalDfa, DeciderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(minimalDfa);
        options ??= DeciderOptions.Default;
        var dfa = minimalDfa;
        var live = DfaPaths.Live(dfa);
        var group = live.Select(l => l ? 0 : -1).ToArray();
        var g = PairGraph.Analyze(dfa, group, options.MaxPairStates);
        if (!g.HasCycle)
        {
            int k = g.LongestPath + 2;
            return new ClassVerdict(LanguageClass.SL, true, k,
                new ClassMembership("suffix-substitution closure: live pair graph acyclic (Rogers–Pullum 2011)",
                    $"{live.Count(l => l)} live states, longest path {Math.Max(g.LongestPath, 0)} edges, k = {k}"));
        }
        int p = g.CycleP, q = g.CycleQ;
        var u = PairGraph.CycleWord(dfa, group, p, q);
        var z = DfaPaths.Separating(dfa, p, q)!;
        if (!dfa.IsAccepting(dfa.Run(q, z.Symbols))) (p, q) = (q, p);
        var accessP = DfaPaths.AccessWord(dfa, p)!;
        var accessQ = DfaPaths.AccessWord(dfa, q)!;
        var v1 = ShortestToAccepting(dfa, p);
        var x = u.Repeat(Math.Max(1, options.WitnessPadding));
        return new ClassVerdict(LanguageClass.SL, false, null, new SuffixSubstitutionViolation(accessP, x, v1, accessQ, z));
    }

    /// <summary>
    /// The shortlex-least word leading <paramref name="from"/> to an accepting state: the least of
    /// <see cref="DfaPaths.Between"/>(from, f) over accepting f, found as the first accepting state of one breadth-first
    /// search in symbol order (it reaches states in the shortlex order of their least words).
    /// </summary>
    private static FormalExpressivity.Core.Alphabets.Word ShortestToAccepting(Dfa dfa, int from) =>
        dfa.IsAccepting(from) ? FormalExpressivity.Core.Alphabets.Word.Empty
            : DfaPaths.FirstReached(dfa, from, dfa.IsAccepting) ?? throw new InvalidOperationException("the state is not live");
}
