using FormalExpressivity.Core.Collections;
using QuikGraph.Algorithms.Search;

namespace FormalExpressivity.Automata.Graphs;

/// <summary>
/// Reachability in transition graphs. Forward reachability runs QuikGraph's breadth-first search
/// on the table views; backward reachability (states that can reach a target set, "co-reachable")
/// walks an inverse adjacency built once.
/// </summary>
public static class Reachability
{
    /// <summary>The states reachable from the start state of <paramref name="dfa"/> (δ*(start, Σ*)).</summary>
    /// <param name="dfa">The DFA.</param>
    public static BitSet Reachable(Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        return Search(new DfaGraph(dfa), dfa.StateCount, [dfa.Start]);
    }

    /// <summary>The states reachable from <paramref name="from"/> in <paramref name="dfa"/>.</summary>
    /// <param name="dfa">The DFA.</param>
    /// <param name="from">The source state.</param>
    public static BitSet ReachableFrom(Dfa dfa, int from)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        if ((uint)from >= (uint)dfa.StateCount) throw new ArgumentOutOfRangeException(nameof(from), $"{from} is not a state");
        return Search(new DfaGraph(dfa), dfa.StateCount, [from]);
    }

    /// <summary>The states reachable from some start state of <paramref name="nfa"/> (ε-edges included).</summary>
    /// <param name="nfa">The NFA.</param>
    public static BitSet Reachable(Nfa nfa)
    {
        ArgumentNullException.ThrowIfNull(nfa);
        return Search(new NfaGraph(nfa), nfa.StateCount, nfa.StartStates.ToArray());
    }

    /// <summary>The states of <paramref name="dfa"/> from which some state of <paramref name="targets"/> is reachable.</summary>
    /// <param name="dfa">The DFA.</param>
    /// <param name="targets">The target set (capacity = state count).</param>
    public static BitSet CoReachable(Dfa dfa, BitSet targets)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        ArgumentNullException.ThrowIfNull(targets);
        int n = dfa.StateCount, k = dfa.SymbolCount;
        if (targets.Capacity != n) throw new ArgumentException($"the target set has capacity {targets.Capacity}, expected {n}", nameof(targets));
        var table = dfa.Table;
        var start = new int[n + 1];
        foreach (int r in table) start[r + 1]++;
        for (int q = 0; q < n; q++) start[q + 1] += start[q];
        var fill = start.AsSpan(0, n).ToArray();
        var preds = new int[table.Length];
        for (int i = 0; i < table.Length; i++) preds[fill[table[i]]++] = i / k;
        var result = targets.Clone();
        var stack = new Stack<int>(targets.Elements());
        while (stack.Count > 0)
        {
            int r = stack.Pop();
            for (int e = start[r]; e < start[r + 1]; e++)
            {
                int p = preds[e];
                if (result[p]) continue;
                result.Add(p);
                stack.Push(p);
            }
        }
        return result;
    }

    private static BitSet Search(QuikGraph.IVertexListGraph<int, TransitionEdge> graph, int n, int[] roots)
    {
        var result = new BitSet(n);
        if (roots.Length == 0) return result;
        // One search per root (QuikGraph's search re-initializes its colours each run); the union is the answer.
        foreach (int root in roots)
        {
            if (result[root]) continue;
            var bfs = new BreadthFirstSearchAlgorithm<int, TransitionEdge>(graph);
            bfs.DiscoverVertex += q => result.Add(q);
            bfs.Compute(root);
        }
        return result;
    }
}
