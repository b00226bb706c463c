using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Graphs;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;

using FormalExpressivity.Classes.Conditions;

namespace FormalExpressivity.Classes.Tests.Architectures;

/// <summary>
/// The literal 4-fold-product search for the LR forbidden configuration of theory.md §5 (p ≠ q, r
/// reachable from p, r' from q, non-empty u with p·u = p, q·u = q, r·u = q, r'·u = p): the slow twin of
/// <see cref="FormalExpressivity.Classes.Deciders.LocallyRTrivialDecider.FindConfiguration"/>, which needs only the pair graph. All four states of a configuration lie in one strongly connected
/// component (q = r·u is reachable from p via r, and symmetrically), so the search runs per SCC C:
/// for each ordered pair p ≠ q in C, a backward breadth-first search in C⁴ from (p, q, q, p) by
/// non-empty words, restricted to transitions inside C. Cost O(|C|⁶·|Σ|) per component.
/// In: (ab)*. Out: (a(ab)*b)*.
/// </summary>
internal static class ForbiddenConfiguration
{
    /// <summary>A forbidden configuration, or null when L is locally R-trivial.</summary>
    /// <param name="minimal">A minimal DFA.</param>
    /// <param name="maxProductStates">The largest |C|⁴ searched for one component (a test's bound, not a CLI budget).</param>
    public static LrConfiguration? Find(Dfa minimal, long maxProductStates = 5_000_000)
    {
        ArgumentNullException.ThrowIfNull(minimal);
        var comp = StronglyConnected.Tarjan(minimal.Table, minimal.StateCount, minimal.SymbolCount, out int count);
        int k = minimal.SymbolCount;
        for (int c = 0; c < count; c++)
        {
            var members = Enumerable.Range(0, minimal.StateCount).Where(q => comp[q] == c).ToArray();
            int m = members.Length;
            if (m < 2) continue;
            long size = (long)m * m * m * m;
            if (size > maxProductStates) throw new BudgetExceededException("lr-product-bound", maxProductStates, $"LR configuration search in a component of {m} states");
            var local = new Dictionary<int, int>();
            for (int i = 0; i < m; i++) local[members[i]] = i;
            // predecessors inside C: pred[a][j] = local states i with members[i]·a = members[j]
            var pred = new List<int>[k][];
            for (int a = 0; a < k; a++)
            {
                pred[a] = new List<int>[m];
                for (int j = 0; j < m; j++) pred[a][j] = [];
                for (int i = 0; i < m; i++)
                    if (local.TryGetValue(minimal.Next(members[i], a), out int j)) pred[a][j].Add(i);
            }
            for (int p = 0; p < m; p++)
                for (int q = 0; q < m; q++)
                {
                    if (p == q) continue;
                    var found = Search(minimal, members, pred, m, k, p, q);
                    if (found is not null) return found;
                }
        }
        return null;
    }

    private static LrConfiguration? Search(Dfa dfa, int[] members, List<int>[][] pred, int m, int k, int p, int q)
    {
        int Enc(int a, int b, int c, int d) => ((a * m + b) * m + c) * m + d;
        int target = Enc(p, q, q, p);
        var next = new Dictionary<int, (int To, int Symbol)>();
        var queue = new Queue<int>();
        void Expand(int node)
        {
            int d = node % m, c = node / m % m, b = node / m / m % m, a = node / m / m / m;
            for (int s = 0; s < k; s++)
                foreach (var a2 in pred[s][a])
                    foreach (var b2 in pred[s][b])
                        foreach (var c2 in pred[s][c])
                            foreach (var d2 in pred[s][d])
                            {
                                int prev = Enc(a2, b2, c2, d2);
                                if (next.ContainsKey(prev)) continue;
                                next[prev] = (node, s);
                                queue.Enqueue(prev);
                            }
        }
        Expand(target);
        while (queue.Count > 0)
        {
            int node = queue.Dequeue();
            int d = node % m, c = node / m % m, b = node / m / m % m, a = node / m / m / m;
            if (a == p && b == q)
            {
                var u = new List<int>();
                int cur = node;
                do
                {
                    var (to, s) = next[cur];
                    u.Add(s);
                    cur = to;
                } while (cur != target);
                int r = members[c], r2 = members[d];
                var x = DfaPaths.Between(dfa, members[p], r)!;
                var y = DfaPaths.Between(dfa, members[q], r2)!;
                return new LrConfiguration(members[p], members[q], r, r2, Word.Of(u.ToArray()), x, y);
            }
            Expand(node);
        }
        return null;
    }
}
