using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;

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

    public static PairGraph Analyze(Dfa dfa, int[] group)
    {
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var table = dfa.Table.ToArray();
        // color: 0 white, 1 gray, 2 black; node id = p*n + q with p < q.
        var color = new byte[(long)n * n];
        var len = new int[(long)n * n];
        var stackNode = new int[Math.Max(1, n * (n - 1) / 2 + 1)];
        var stackEdge = new int[stackNode.Length];
        int longest = -1, vertices = 0;
        for (int p0 = 0; p0 < n; p0++)
        {
            if (group[p0] < 0) continue;
            for (int q0 = p0 + 1; q0 < n; q0++)
            {
                if (group[q0] != group[p0]) continue;
                vertices++;
                int root = p0 * n + q0;
                if (color[root] != 0) continue;
                int sp = 0;
                stackNode[0] = root;
                stackEdge[0] = 0;
                color[root] = 1;
                while (sp >= 0)
                {
                    int v = stackNode[sp];
                    int e = stackEdge[sp];
                    if (e < k)
                    {
                        stackEdge[sp] = e + 1;
                        int p = v / n, q = v % n;
                        int p2 = table[p * k + e], q2 = table[q * k + e];
                        if (p2 == q2) continue;
                        if (p2 > q2) (p2, q2) = (q2, p2);
                        if (group[p2] < 0 || group[p2] != group[q2]) continue;
                        int w = p2 * n + q2;
                        if (color[w] == 1) return new PairGraph(p2, q2, -1, vertices);
                        if (color[w] == 0)
                        {
                            color[w] = 1;
                            sp++;
                            stackNode[sp] = w;
                            stackEdge[sp] = 0;
                        }
                        else if (len[w] + 1 > len[v]) len[v] = len[w] + 1;
                        continue;
                    }
                    color[v] = 2;
                    if (len[v] > longest) longest = len[v];
                    sp--;
                    if (sp >= 0)
                    {
                        int parent = stackNode[sp];
                        if (len[v] + 1 > len[parent]) len[parent] = len[v] + 1;
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
    public static Word CycleWord(Dfa dfa, int[] group, int p, int q)
    {
        int n = dfa.StateCount, k = dfa.SymbolCount;
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
