using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Graphs;
using FormalExpressivity.Classes.Conditions;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Synthesis;

/// <summary>
/// LTL[P,Y] from a locally R-trivial DFA (project construction, generalizing LC25's state-by-state
/// construction from single states to strongly connected components). The law it rests on: L ∈ LR
/// iff in every SCC C no two distinct states are fixed by a common non-empty word whose paths stay in
/// C (such a pair p, q gives the forbidden configuration of theory.md §5 with r = q, r' = p; without
/// one, the graph of unequal state pairs under C-internal transitions is acyclic, so after d_C steps
/// inside C the state is a function of the last d_C symbols).
/// <para>
/// Then, for each SCC in topological order: "the run is in C at m" is entered_C ∧ ¬P(entered_C ∧
/// leave_C) (C is entered at most once and left at most once), and "the state before m is p ∈ C,
/// given the run has stayed in C since entering" is a backward decision tree over the last symbols
/// with Y: at each step either C was entered exactly at the previous position (Y enter_{C,c}), or the
/// run is at position 1 (¬Y⊤, for the start component), or go one symbol further back. Example:
/// (ab)* gives <c>!P ((!Y true | Y b) &amp; b | Y a &amp; a) &amp; (!Y true | Y b)</c>: no bad window ever
/// occurred, and the last window is good; Σ*abΣ* over {a,b,c} gives <c>P (b &amp; Y a &amp; !P (Y a &amp; b))</c>.
/// </para>
/// </summary>
public static class LocalPastFormulaSynthesis
{
    /// <summary>The LTL[P,Y] formula, or null when some SCC has two states fixed by a common word (not LR).</summary>
    /// <param name="dfa">A minimal DFA.</param>
    public static LtlFormula? Synthesize(Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var comp = StronglyConnected.Tarjan(dfa.Table, dfa.StateCount, dfa.SymbolCount, out int count);
        var phi = new LtlFormula?[n];
        // Tarjan numbers components sinks first: edges go from higher to lower numbers.
        for (int c = count - 1; c >= 0; c--)
        {
            var members = Enumerable.Range(0, n).Where(q => comp[q] == c).ToArray();
            var local = new int[n];
            Array.Fill(local, -1);
            for (int i = 0; i < members.Length; i++) local[members[i]] = i;
            var enterAt = new LtlFormula[members.Length];
            for (int i = 0; i < members.Length; i++)
            {
                var parts = new List<LtlFormula>();
                for (int p = 0; p < n; p++)
                {
                    if (comp[p] == c || phi[p] is null) continue;
                    var into = Enumerable.Range(0, k).Where(a => dfa.Next(p, a) == members[i]).ToArray();
                    if (into.Length > 0) parts.Add(Ltl.And(phi[p]!, Letters.AnyOf(dfa.Alphabet, into)));
                }
                enterAt[i] = Ltl.Or(parts);
            }
            bool startIn = comp[dfa.Start] == c;
            var enterC = Ltl.Or(enterAt);
            if (!startIn && enterC.Kind == LtlKind.False) continue; // unreachable component
            var tree = new Tree(dfa, members, local, enterAt, enterC, startIn ? local[dfa.Start] : -1);
            var here = new LtlFormula[members.Length];
            var identity = Enumerable.Range(0, members.Length).ToArray();
            for (int i = 0; i < members.Length; i++)
            {
                var f = tree.Node(identity, i, 0);
                if (f is null) return null;
                here[i] = f;
            }
            var leaves = new List<LtlFormula>();
            for (int i = 0; i < members.Length; i++)
            {
                var outLetters = Enumerable.Range(0, k).Where(a => local[dfa.Next(members[i], a)] < 0).ToArray();
                if (outLetters.Length > 0) leaves.Add(Ltl.And(here[i], Letters.AnyOf(dfa.Alphabet, outLetters)));
            }
            var entered = startIn ? Ltl.True : Ltl.Past(enterC);
            var inC = Ltl.And(entered, Ltl.Not(Ltl.Past(Ltl.And(entered, Ltl.Or(leaves)))));
            for (int i = 0; i < members.Length; i++) phi[members[i]] = Ltl.And(inC, here[i]);
        }
        var pos = Ltl.Or(Enumerable.Range(0, n).Where(q => phi[q] is not null && dfa.IsAccepting(q)).Select(q => phi[q]!));
        var neg = Ltl.Not(Ltl.Or(Enumerable.Range(0, n).Where(q => phi[q] is not null && !dfa.IsAccepting(q)).Select(q => phi[q]!)));
        return neg.Size < pos.Size ? neg : pos;
    }

    /// <summary>The backward decision trees of one component; f maps c ∈ C to c·s when the path of s from c stays in C, else −1.</summary>
    private sealed class Tree(Dfa dfa, int[] members, int[] local, LtlFormula[] enterAt, LtlFormula enterC, int start)
    {
        private readonly Dictionary<string, LtlFormula?> _memo = new(StringComparer.Ordinal);
        private readonly int _maxDepth = members.Length * members.Length + 2;

        public LtlFormula? Node(int[] f, int p, int depth)
        {
            bool any = false, onlyP = true, hasP = false;
            foreach (int x in f)
            {
                if (x < 0) continue;
                any = true;
                if (x == p) hasP = true; else onlyP = false;
            }
            if (!any || !hasP) return Ltl.False;
            if (onlyP) return Ltl.True;
            if (depth > _maxDepth) return null;
            string key = p + ":" + string.Join(',', f);
            if (_memo.TryGetValue(key, out var cached)) return cached;
            var parts = new List<LtlFormula>();
            for (int c0 = 0; c0 < f.Length; c0++)
                if (f[c0] == p) parts.Add(Ltl.Yesterday(enterAt[c0]));
            if (start >= 0 && f[start] == p) parts.Add(Ltl.Not(Ltl.Yesterday(Ltl.True)));
            var branches = new List<LtlFormula>();
            var groups = new Dictionary<string, (int[] G, List<int> Symbols)>(StringComparer.Ordinal);
            for (int a = 0; a < dfa.SymbolCount; a++)
            {
                var g = new int[f.Length];
                for (int c = 0; c < f.Length; c++)
                {
                    int next = local[dfa.Next(members[c], a)];
                    g[c] = next < 0 ? -1 : f[next];
                }
                string gk = string.Join(',', g);
                if (!groups.TryGetValue(gk, out var entry)) groups[gk] = entry = (g, []);
                entry.Symbols.Add(a);
            }
            foreach (var (g, symbols) in groups.Values)
            {
                var sub = Node(g, p, depth + 1);
                if (sub is null)
                {
                    _memo[key] = null;
                    return null;
                }
                branches.Add(Ltl.And(Letters.AnyOf(dfa.Alphabet, symbols), sub));
            }
            parts.Add(Ltl.And(Ltl.Not(Ltl.Yesterday(enterC)), Ltl.Yesterday(Ltl.Or(branches))));
            var result = Ltl.Or(parts);
            _memo[key] = result;
            return result;
        }
    }
}
