using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Classes.Conditions;

/// <summary>
/// The LR forbidden configuration of theory.md §5: states p ≠ q, r reachable from p by x, r'
/// reachable from q by y, and a non-empty u with p·u = p, q·u = q, r·u = q, r'·u = p.
/// </summary>
/// <param name="P">p.</param>
/// <param name="Q">q.</param>
/// <param name="R">r.</param>
/// <param name="RPrime">r'.</param>
/// <param name="X">p·x = r.</param>
/// <param name="Y">q·y = r'.</param>
/// <param name="U">The non-empty word u.</param>
public sealed record LrConfiguration(int P, int Q, int R, int RPrime, Word X, Word Y, Word U);

/// <summary>
/// Locally R-trivial (LR = R∗D = LTL[P,Y], hybrid(1)): L ∉ LR iff its minimal DFA has the forbidden
/// configuration (theory.md §5). All four states of a configuration lie in one strongly connected
/// component (q = r·u is reachable from p via r, and symmetrically), so the search runs per SCC C:
/// for each ordered pair p ≠ q in C, a backward breadth-first search in C⁴ from (p, q, q, p) by
/// non-empty words, restricted to transitions inside C. Cost O(|C|⁶·|Σ|) per component.
/// In: (ab)*. Out: (a(ab)*b)*.
/// </summary>
public static class ForbiddenConfiguration
{
    /// <summary>A forbidden configuration, or null when L is locally R-trivial.</summary>
    /// <param name="minimal">A minimal DFA.</param>
    /// <param name="maxProductStates">Budget <c>max-lr-product</c> on |C|⁴ for one component.</param>
    public static LrConfiguration? Find(Dfa minimal, long maxProductStates = 5_000_000)
    {
        ArgumentNullException.ThrowIfNull(minimal);
        var comp = DfaPaths.Components(minimal, out int count);
        int k = minimal.SymbolCount;
        for (int c = 0; c < count; c++)
        {
            var members = Enumerable.Range(0, minimal.StateCount).Where(q => comp[q] == c).ToArray();
            int m = members.Length;
            if (m < 2) continue;
            long size = (long)m * m * m * m;
            if (size > maxProductStates) throw new BudgetExceededException("max-lr-product", maxProductStates, $"LR configuration search in a component of {m} states");
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

    /// <summary>
    /// The fast test (project lemma): a forbidden configuration exists iff some SCC C holds two
    /// distinct states p, q fixed by a common non-empty word whose paths stay in C; then (p, q, r = q,
    /// r' = p, u) is a configuration. Found as a cycle in the graph of unordered pairs of C under
    /// transitions that keep both states in C and distinct. O(Σ_C |C|²·|Σ|) pairs and edges.
    /// </summary>
    /// <param name="minimal">A minimal DFA.</param>
    public static LrConfiguration? FindFast(Dfa minimal)
    {
        ArgumentNullException.ThrowIfNull(minimal);
        var comp = DfaPaths.Components(minimal, out _);
        int n = minimal.StateCount, k = minimal.SymbolCount;
        IEnumerable<((int, int) Pair, int Symbol)> Edges((int P, int Q) pair)
        {
            for (int a = 0; a < k; a++)
            {
                int x = minimal.Next(pair.P, a), y = minimal.Next(pair.Q, a);
                if (x == y || comp[x] != comp[pair.P] || comp[y] != comp[pair.P]) continue;
                yield return (x < y ? (x, y) : (y, x), a);
            }
        }
        // Kahn's algorithm on all in-component pairs; what remains lies on or behind a cycle.
        var pairs = new List<(int, int)>();
        for (int p = 0; p < n; p++)
            for (int q = p + 1; q < n; q++)
                if (comp[p] == comp[q]) pairs.Add((p, q));
        var indeg = pairs.ToDictionary(x => x, _ => 0);
        foreach (var pr in pairs) foreach (var (to, _) in Edges(pr)) indeg[to]++;
        var queue = new Queue<(int, int)>(pairs.Where(x => indeg[x] == 0));
        while (queue.Count > 0)
            foreach (var (to, _) in Edges(queue.Dequeue()))
                if (--indeg[to] == 0) queue.Enqueue(to);
        foreach (var start in pairs.Where(x => indeg[x] > 0))
        {
            // breadth-first search for a non-empty path back to start
            var parent = new Dictionary<(int, int), ((int, int) From, int Symbol)>();
            var bfs = new Queue<(int, int)>();
            bfs.Enqueue(start);
            bool found = false;
            while (bfs.Count > 0 && !found)
            {
                var cur = bfs.Dequeue();
                foreach (var (to, a) in Edges(cur))
                {
                    if (parent.ContainsKey(to)) continue;
                    parent[to] = (cur, a);
                    if (to == start) { found = true; break; }
                    bfs.Enqueue(to);
                }
            }
            if (!found) continue;
            var symbols = new List<int>();
            var node = start;
            do
            {
                var (from, a) = parent[node];
                symbols.Add(a);
                node = from;
            } while (node != start);
            symbols.Reverse();
            var u = Word.Of(symbols.ToArray());
            var (p0, q0) = start;
            if (minimal.Run(p0, u.Symbols) != p0) u = u.Concat(u);
            var x = DfaPaths.Between(minimal, p0, q0)!;
            var y = DfaPaths.Between(minimal, q0, p0)!;
            return new LrConfiguration(p0, q0, q0, p0, x, y, u);
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
                return new LrConfiguration(members[p], members[q], r, r2, x, y, Word.Of(u.ToArray()));
            }
            Expand(node);
        }
        return null;
    }
}
