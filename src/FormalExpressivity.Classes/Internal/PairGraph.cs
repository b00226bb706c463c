using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Graphs;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Core.Limits;

namespace FormalExpressivity.Classes.Internal;

/// <summary>
/// The graph on unordered pairs {p, q} (p ≠ q) of states with edges {p,q} → {p·a, q·a} when the
/// images differ. A pair is admissible when <c>group[p] = group[q] ≥ 0</c>; only admissible pairs
/// are vertices. With one group this is the pair graph of the definiteness test (Perles, Rabin &amp;
/// Shamir 1963); with the live states it is the strictly-local test; with the strongly connected
/// components it is the locally-R-trivial test (theory.md §5). Analysed by an iterative DFS.
/// </summary>
internal sealed class PairGraph
{
    private PairGraph(int cycleP, int cycleQ, int longestPath, int vertexCount)
    {
        CycleP = cycleP;
        CycleQ = cycleQ;
        LongestPath = longestPath;
        VertexCount = vertexCount;
    }

    /// <summary>The default largest number of unordered pairs analysed (budget <c>max-pair-states</c>; n ≈ 10 000 states).</summary>
    public const long MaxPairs = FormalExpressivity.Core.Limits.Budgets.DefaultMaxPairStates;

    /// <summary>A pair on a cycle (−1 when the graph is acyclic).</summary>
    public int CycleP { get; }

    /// <summary>The other state of the pair on a cycle (−1 when acyclic).</summary>
    public int CycleQ { get; }

    /// <summary>The number of edges of a longest path when acyclic (−1 when there is no vertex; undefined on cycles).</summary>
    public int LongestPath { get; }

    /// <summary>Number of admissible pairs.</summary>
    public int VertexCount { get; }

    /// <summary>True when the graph has a cycle.</summary>
    public bool HasCycle => CycleP >= 0;

    /// <summary>Iterative DFS over the admissible pairs; pairs are numbered triangularly, q(q−1)/2 + p for p &lt; q.</summary>
    /// <param name="dfa">The DFA.</param>
    /// <param name="group">The group of each state (−1: not admissible).</param>
    /// <param name="maxPairs">Budget <c>max-pair-states</c>.</param>
    /// <param name="reach">
    /// When given (<see cref="Reachability"/>), a pair is admissible only if one state reaches the other
    /// (the generalized-definite test); comparability is preserved along any cycle of the pair graph.
    /// </param>
    public static PairGraph Analyze(Dfa dfa, int[] group, long maxPairs = MaxPairs, ulong[]? reach = null)
    {
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var table = dfa.Table.ToArray();
        long pairCount = (long)n * (n - 1) / 2;
        int words = (n + 63) >> 6;
        bool Admissible(int p, int q) => group[p] >= 0 && group[p] == group[q] && (reach is null || Reaches(reach, words, p, q) || Reaches(reach, words, q, p));
        // mark: 0 unvisited; −1 − (longest path found so far) while on the DFS stack; 1 + longest path once finished.
        if (pairCount > maxPairs)
            throw new BudgetExceededException("max-pair-states", maxPairs, $"the pair graph of a {n}-state DFA");
        MemoryBudget.Current.Require(Math.Max(1, pairCount), 4, $"the pair graph of a {n}-state DFA");
        var mark = new int[Math.Max(1, pairCount)];
        int initial = (int)Math.Clamp(pairCount, 1, 4096);
        var stackP = new int[initial];
        var stackQ = new int[initial];
        var stackEdge = new byte[initial];
        int longest = -1, vertices = 0;
        for (int q0 = 1; q0 < n; q0++)
        {
            int g = group[q0];
            if (g < 0) continue;
            for (int p0 = 0; p0 < q0; p0++)
            {
                if (group[p0] != g || !Admissible(p0, q0)) continue;
                vertices++;
                long root = (long)q0 * (q0 - 1) / 2 + p0;
                if (mark[root] != 0) continue;
                int sp = 0;
                stackP[0] = p0;
                stackQ[0] = q0;
                stackEdge[0] = 0;
                mark[root] = -1;
                while (sp >= 0)
                {
                    int p = stackP[sp], q = stackQ[sp];
                    int e = stackEdge[sp];
                    long v = (long)q * (q - 1) / 2 + p;
                    if (e < k)
                    {
                        stackEdge[sp] = (byte)(e + 1);
                        int p2 = table[p * k + e], q2 = table[q * k + e];
                        if (p2 == q2) continue;
                        if (p2 > q2) (p2, q2) = (q2, p2);
                        if (!Admissible(p2, q2)) continue;
                        long w = (long)q2 * (q2 - 1) / 2 + p2;
                        int mw = mark[w];
                        if (mw < 0) return new PairGraph(p2, q2, -1, vertices);
                        if (mw == 0)
                        {
                            mark[w] = -1;
                            sp++;
                            if (sp == stackP.Length)
                            {
                                Array.Resize(ref stackP, sp * 2);
                                Array.Resize(ref stackQ, sp * 2);
                                Array.Resize(ref stackEdge, sp * 2);
                            }
                            stackP[sp] = p2;
                            stackQ[sp] = q2;
                            stackEdge[sp] = 0;
                        }
                        else
                        {
                            // Finished successor: its longest path is mw − 1, so this pair has at least mw.
                            if (-1 - mark[v] < mw) mark[v] = -1 - mw;
                        }
                        continue;
                    }
                    // Finished: convert the pending length to the finished encoding.
                    int len = -1 - mark[v];
                    mark[v] = len + 1;
                    if (len > longest) longest = len;
                    sp--;
                    if (sp >= 0)
                    {
                        long parent = (long)stackQ[sp] * (stackQ[sp] - 1) / 2 + stackP[sp];
                        int cand = len + 1;
                        if (cand > -1 - mark[parent]) mark[parent] = -1 - cand;
                    }
                }
            }
        }
        return new PairGraph(-1, -1, longest, vertices);
    }

    /// <summary>
    /// A shortest non-empty word u with {p,q}·u = {p,q} through admissible pairs, made order-preserving
    /// (p·u = p, q·u = q) by doubling when u swaps the two states.
    /// </summary>
    public static Word CycleWord(Dfa dfa, int[] group, int p, int q, ulong[]? reach = null)
    {
        int n = dfa.StateCount, k = dfa.SymbolCount;
        int words = (n + 63) >> 6;
        int target = Math.Min(p, q) * n + Math.Max(p, q);
        var parent = new Dictionary<int, (int Parent, int Symbol)>();
        var queue = new Queue<int>();
        queue.Enqueue(target);
        int found = -1;
        var firstStep = true;
        while (queue.Count > 0 && found < 0)
        {
            int v = queue.Dequeue();
            int x = v / n, y = v % n;
            for (int a = 0; a < k && found < 0; a++)
            {
                int x2 = dfa.Next(x, a), y2 = dfa.Next(y, a);
                if (x2 == y2) continue;
                if (x2 > y2) (x2, y2) = (y2, x2);
                if (group[x2] < 0 || group[x2] != group[y2]) continue;
                if (reach is not null && !Reaches(reach, words, x2, y2) && !Reaches(reach, words, y2, x2)) continue;
                int w = x2 * n + y2;
                if (w == target)
                {
                    parent[-1] = (v, a);
                    found = -1;
                    return Finish(dfa, parent, target, p, q, firstStep && v == target);
                }
                if (parent.ContainsKey(w)) continue;
                parent[w] = (v, a);
                queue.Enqueue(w);
            }
            firstStep = false;
        }
        throw new InvalidOperationException("the pair is not on a cycle");
    }

    /// <summary>
    /// Reachability rows: bit q of row p (words of 64 bits, <c>(n+63)/64</c> per row) is set when q is reachable
    /// from p. Built per strongly connected component in Tarjan's order (sinks first), O(n·|Σ|·n/64).
    /// </summary>
    public static ulong[] Reachability(Dfa dfa, long maxPairs = MaxPairs)
    {
        int n = dfa.StateCount, k = dfa.SymbolCount;
        if ((long)n * (n - 1) / 2 > maxPairs)
            throw new BudgetExceededException("max-pair-states", maxPairs, $"the reachability relation of a {n}-state DFA");
        int words = (n + 63) >> 6;
        var comp = StronglyConnected.Tarjan(dfa.Table, n, k, out int count);
        var members = new List<int>[count];
        for (int c = 0; c < count; c++) members[c] = [];
        for (int q = 0; q < n; q++) members[comp[q]].Add(q);
        var rows = new ulong[(long)count * words];
        for (int c = 0; c < count; c++)
        {
            var row = rows.AsSpan(c * words, words);
            foreach (var q in members[c])
            {
                row[q >> 6] |= 1UL << (q & 63);
                for (int a = 0; a < k; a++)
                {
                    int d = comp[dfa.Next(q, a)];
                    if (d == c) continue;
                    // Components are numbered sinks first, so d < c is complete.
                    var other = rows.AsSpan(d * words, words);
                    for (int i = 0; i < words; i++) row[i] |= other[i];
                }
            }
        }
        var reach = new ulong[(long)n * words];
        for (int q = 0; q < n; q++) rows.AsSpan(comp[q] * words, words).CopyTo(reach.AsSpan(q * words, words));
        return reach;
    }

    private static bool Reaches(ulong[] reach, int words, int p, int q) => (reach[p * words + (q >> 6)] >> (q & 63) & 1) != 0;

    private static Word Finish(Dfa dfa, Dictionary<int, (int Parent, int Symbol)> parent, int target, int p, int q, bool selfLoop)
    {
        var symbols = new List<int>();
        var (v, a) = parent[-1];
        symbols.Add(a);
        if (!selfLoop)
            while (v != target)
            {
                var (pv, pa) = parent[v];
                symbols.Add(pa);
                v = pv;
            }
        symbols.Reverse();
        var u = Word.Of(symbols.ToArray());
        return dfa.Run(p, u.Symbols) == p ? u : u.Concat(u);
    }
}
