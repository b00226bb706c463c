using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Conditions;

/// <summary>A pair of distinct states mapped onto itself by a non-empty word: p·z = p and q·z = q.</summary>
/// <param name="P">p.</param>
/// <param name="Q">q ≠ p.</param>
/// <param name="Z">The word z (fixing both).</param>
public sealed record PairCycle(int P, int Q, Word Z);

/// <summary>
/// Definite languages (Perles, Rabin &amp; Shamir 1963): membership depends on the last d symbols only.
/// DFA test (theory.md §4): the graph on unordered pairs {p ≠ q}, with edges {p,q} → {p·a, q·a} when
/// the images differ, is acyclic; the longest path (in edges) + 1 is the degree. In: Σ*ab (degree 2).
/// Out: aΣ*.
/// </summary>
public static class Definiteness
{
    /// <summary>The definiteness degree, or null when the DFA is not definite.</summary>
    /// <param name="minimal">A minimal DFA.</param>
    public static int? Degree(Dfa minimal)
    {
        ArgumentNullException.ThrowIfNull(minimal);
        int n = minimal.StateCount;
        if (n == 1) return 0;
        int pairs = n * (n - 1) / 2;
        var indeg = new int[pairs];
        var succ = Successors(minimal);
        for (int i = 0; i < pairs; i++) foreach (var j in succ[i]) indeg[j]++;
        var longest = new int[pairs];
        var queue = new Queue<int>();
        for (int i = 0; i < pairs; i++) if (indeg[i] == 0) queue.Enqueue(i);
        int seen = 0, best = 0;
        while (queue.Count > 0)
        {
            int i = queue.Dequeue();
            seen++;
            best = Math.Max(best, longest[i]);
            foreach (var j in succ[i])
            {
                longest[j] = Math.Max(longest[j], longest[i] + 1);
                if (--indeg[j] == 0) queue.Enqueue(j);
            }
        }
        return seen == pairs ? best + 1 : null;
    }

    /// <summary>
    /// The largest DFA (states) for which <see cref="FindCycle"/> runs Kahn's algorithm on explicit pair lists;
    /// beyond it the lists would take gigabytes, and the pair-graph DFS of the definiteness decider finds the cycle.
    /// </summary>
    public const int MaxStatesForPairLists = 2000;

    /// <summary>
    /// For a non-definite DFA: a pair of states fixed by a non-empty word (a cycle of the pair graph, squared
    /// when it swaps p and q); null when definite. Up to <see cref="MaxStatesForPairLists"/> states by Kahn's
    /// algorithm on the pair graph, beyond by the iterative DFS of <see cref="Deciders.DefiniteDecider"/>.
    /// </summary>
    /// <param name="minimal">A minimal DFA.</param>
    public static PairCycle? FindCycle(Dfa minimal)
    {
        ArgumentNullException.ThrowIfNull(minimal);
        int n = minimal.StateCount;
        if (n == 1) return null;
        if (n > MaxStatesForPairLists)
        {
            var group = new int[n];
            var g = Internal.PairGraph.Analyze(minimal, group);
            return g.HasCycle ? new PairCycle(g.CycleP, g.CycleQ, Internal.PairGraph.CycleWord(minimal, group, g.CycleP, g.CycleQ)) : null;
        }
        var succ = Successors(minimal);
        int pairs = n * (n - 1) / 2;
        // Kahn: pairs left with positive in-degree lie on a cycle or behind one; each has a leftover
        // predecessor, so walking predecessors from any of them must repeat a pair, which is on a cycle.
        var indeg = new int[pairs];
        var pred = new List<int>[pairs];
        for (int i = 0; i < pairs; i++) pred[i] = [];
        for (int i = 0; i < pairs; i++) foreach (var j in succ[i]) { indeg[j]++; pred[j].Add(i); }
        var queue0 = new Queue<int>();
        for (int i = 0; i < pairs; i++) if (indeg[i] == 0) queue0.Enqueue(i);
        while (queue0.Count > 0) foreach (var j in succ[queue0.Dequeue()]) if (--indeg[j] == 0) queue0.Enqueue(j);
        int leftover = Array.FindIndex(indeg, d => d > 0);
        if (leftover < 0) return null;
        var visited = new HashSet<int>();
        int walk = leftover;
        while (visited.Add(walk)) walk = pred[walk].First(i => indeg[i] > 0);
        foreach (int start in new[] { walk })
        {
            var parent = new Dictionary<int, (int From, int Symbol)>();
            var queue = new Queue<int>();
            var (p0, q0) = Unpair(start, n);
            foreach (var (j, a) in Edges(minimal, p0, q0))
            {
                if (parent.ContainsKey(j)) continue;
                parent[j] = (-1, a);
                queue.Enqueue(j);
            }
            while (queue.Count > 0 && !parent.ContainsKey(start))
            {
                int i = queue.Dequeue();
                var (p, q) = Unpair(i, n);
                foreach (var (j, a) in Edges(minimal, p, q))
                {
                    if (parent.ContainsKey(j)) continue;
                    parent[j] = (i, a);
                    queue.Enqueue(j);
                }
            }
            if (!parent.ContainsKey(start)) continue;
            var symbols = new List<int>();
            for (int cur = start; ; cur = parent[cur].From)
            {
                symbols.Add(parent[cur].Symbol);
                if (parent[cur].From < 0) break;
            }
            symbols.Reverse();
            var z = Word.Of(symbols.ToArray());
            if (minimal.Run(p0, z.Symbols) != p0) z = z.Concat(z);
            return new PairCycle(p0, q0, z);
        }
        return null;
    }

    private static int Pair(int p, int q, int n)
    {
        if (p > q) (p, q) = (q, p);
        return p * n - p * (p + 1) / 2 + (q - p - 1);
    }

    private static (int, int) Unpair(int index, int n)
    {
        // row p starts at p·n − p(p+1)/2; binary search for the last row start ≤ index
        int lo = 0, hi = n - 2;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if ((long)mid * n - (long)mid * (mid + 1) / 2 <= index) lo = mid; else hi = mid - 1;
        }
        int start = lo * n - lo * (lo + 1) / 2;
        return (lo, lo + 1 + (index - start));
    }

    private static IEnumerable<(int Pair, int Symbol)> Edges(Dfa dfa, int p, int q)
    {
        int n = dfa.StateCount;
        for (int a = 0; a < dfa.SymbolCount; a++)
        {
            int x = dfa.Next(p, a), y = dfa.Next(q, a);
            if (x != y) yield return (Pair(x, y, n), a);
        }
    }

    private static List<int>[] Successors(Dfa dfa)
    {
        int n = dfa.StateCount, pairs = n * (n - 1) / 2;
        var succ = new List<int>[pairs];
        int i = 0;
        for (int p = 0; p < n; p++)
            for (int q = p + 1; q < n; q++)
                succ[i++] = Edges(dfa, p, q).Select(e => e.Pair).ToList();
        return succ;
    }
}
