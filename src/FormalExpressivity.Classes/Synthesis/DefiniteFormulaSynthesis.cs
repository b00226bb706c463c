using FormalExpressivity.Automata;
using FormalExpressivity.Core.Collections;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Synthesis;

/// <summary>
/// LTL[Y] from a definite DFA (Perles, Rabin &amp; Shamir 1963; theory.md §4). Reading the word
/// backwards from N+1, keep A_s = {p : p·s ∈ F} for the suffix s read so far (A_ε = F,
/// A_{as} = a⁻¹A_s). At a position whose suffix is s: if A_s holds every state the word is accepted,
/// if none it is rejected; otherwise either the prefix is empty (¬Y⊤; accept iff start ∈ A_s) or
/// Y(⋁_a (a ∧ Φ(A_{as}))). Definite of degree d ⇔ every A_s with |s| ≥ d is trivial, so the formula
/// has Y-depth ≤ d: a decision tree over the last d symbols with ¬Y⊤ anchors for short words,
/// shared by hash-consing. Example: Σ*ab gives Y(b ∧ Y a).
/// </summary>
public static class DefiniteFormulaSynthesis
{
    /// <summary>The LTL[Y] formula, or null when some A_s is still non-trivial after <paramref name="maxDepth"/> symbols (not definite of degree ≤ maxDepth).</summary>
    /// <param name="dfa">A minimal DFA (every state reachable).</param>
    /// <param name="maxDepth">The largest Y-depth tried (a definite minimal DFA with n states has degree ≤ n(n−1)/2 + 1).</param>
    public static LtlFormula? Synthesize(Dfa dfa, int maxDepth)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        var memo = new Dictionary<string, LtlFormula?>(StringComparer.Ordinal);
        return Build(dfa, dfa.AcceptingStates(), 0, maxDepth, memo);
    }

    private static LtlFormula? Build(Dfa dfa, BitSet a, int depth, int maxDepth, Dictionary<string, LtlFormula?> memo)
    {
        int n = dfa.StateCount;
        if (a.Count == n) return Ltl.True;
        if (a.Count == 0) return Ltl.False;
        if (depth >= maxDepth) return null;
        string key = depth + ":" + string.Join(',', a.Elements());
        if (memo.TryGetValue(key, out var cached)) return cached;
        var groups = new Dictionary<string, (BitSet Set, List<int> Symbols)>(StringComparer.Ordinal);
        for (int s = 0; s < dfa.SymbolCount; s++)
        {
            var pre = new BitSet(n);
            for (int p = 0; p < n; p++) if (a[dfa.Next(p, s)]) pre.Add(p);
            string gk = string.Join(',', pre.Elements());
            if (!groups.TryGetValue(gk, out var g)) groups[gk] = g = (pre, []);
            g.Symbols.Add(s);
        }
        var branches = new List<LtlFormula>();
        foreach (var (set, symbols) in groups.Values)
        {
            var sub = Build(dfa, set, depth + 1, maxDepth, memo);
            if (sub is null)
            {
                memo[key] = null;
                return null;
            }
            branches.Add(Ltl.And(Letters.AnyOf(dfa.Alphabet, symbols), sub));
        }
        var body = Ltl.Yesterday(Ltl.Or(branches));
        var result = a[dfa.Start] ? Ltl.Or(Ltl.Not(Ltl.Yesterday(Ltl.True)), body) : body;
        memo[key] = result;
        return result;
    }
}
