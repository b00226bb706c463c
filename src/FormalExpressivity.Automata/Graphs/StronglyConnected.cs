using QuikGraph.Algorithms.ConnectedComponents;

namespace FormalExpressivity.Automata.Graphs;

/// <summary>
/// The strongly connected components of a transition graph, numbered in a topological order of the
/// condensation: if a transition leads from component c to a different component d then c &lt; d.
/// Component 0 contains the start state of a DFA whose states are all reachable.
/// </summary>
/// <param name="ComponentOf">The component of every state.</param>
/// <param name="ComponentCount">The number of components.</param>
/// <param name="TopologicalOrder">Component ids, sources first (with this numbering: 0, 1, …, count − 1).</param>
/// <param name="Sizes">The number of states of every component.</param>
/// <param name="HasCycle">For every component: true when it contains a cycle (more than one state, or a self-loop).</param>
public sealed record SccDecomposition(int[] ComponentOf, int ComponentCount, int[] TopologicalOrder, int[] Sizes, bool[] HasCycle)
{
    /// <summary>The states of component <paramref name="component"/>, increasing.</summary>
    /// <param name="component">A component id.</param>
    public IEnumerable<int> States(int component)
    {
        for (int q = 0; q < ComponentOf.Length; q++)
            if (ComponentOf[q] == component) yield return q;
    }
}

/// <summary>
/// Strongly connected components of automata, computed by QuikGraph's Tarjan algorithm
/// (Tarjan 1972) on a <see cref="DfaGraph"/>/<see cref="NfaGraph"/> view of the table, then renumbered
/// deterministically: Kahn's topological sort of the condensation, ties broken by the least state
/// of the component. The numbering therefore depends only on the table, not on QuikGraph internals.
/// Smallest example: a*b over {a, b} (states 0 -a→ 0, 0 -b→ 1, 1 -·→ 2, 2 -·→ 2) has components
/// {0}, {1}, {2} in that order; {0} and {2} have cycles, {1} does not.
/// </summary>
public static class StronglyConnected
{
    /// <summary>The SCCs of the transition graph of <paramref name="dfa"/>.</summary>
    /// <param name="dfa">Any DFA (unreachable states are included).</param>
    public static SccDecomposition Components(Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        var graph = new DfaGraph(dfa);
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var raw = RawComponents(graph, n, out int count);
        return Renumber(n, count, raw, q => Successors(dfa, q, k));

        static IEnumerable<int> Successors(Dfa d, int q, int k)
        {
            for (int a = 0; a < k; a++) yield return d.Next(q, a);
        }
    }

    /// <summary>The SCCs of the transition graph of <paramref name="nfa"/> (ε-edges count as edges).</summary>
    /// <param name="nfa">Any NFA.</param>
    public static SccDecomposition Components(Nfa nfa)
    {
        ArgumentNullException.ThrowIfNull(nfa);
        int n = nfa.StateCount;
        if (n == 0) return new SccDecomposition([], 0, [], [], []);
        var raw = RawComponents(new NfaGraph(nfa), n, out int count);
        return Renumber(n, count, raw, q => nfa.Targets(q).ToArray());
    }

    private static int[] RawComponents(QuikGraph.IVertexListGraph<int, TransitionEdge> graph, int n, out int count)
    {
        var algorithm = new StronglyConnectedComponentsAlgorithm<int, TransitionEdge>(graph, new Dictionary<int, int>(n));
        algorithm.Compute();
        count = algorithm.ComponentCount;
        var raw = new int[n];
        foreach (var (state, component) in algorithm.Components) raw[state] = component;
        return raw;
    }

    private static SccDecomposition Renumber(int n, int count, int[] raw, Func<int, IEnumerable<int>> successors)
    {
        var least = new int[count];
        Array.Fill(least, int.MaxValue);
        for (int q = 0; q < n; q++) least[raw[q]] = Math.Min(least[raw[q]], q);

        // Condensation edges (with duplicates) and in-degrees; self-loops mark cycles.
        var hasCycle = new bool[count];
        var sizes = new int[count];
        var edges = new List<(int From, int To)>();
        for (int q = 0; q < n; q++)
        {
            int c = raw[q];
            sizes[c]++;
            foreach (int r in successors(q))
            {
                int d = raw[r];
                if (d == c) { if (r == q) hasCycle[c] = true; }
                else edges.Add((c, d));
            }
        }
        for (int c = 0; c < count; c++) if (sizes[c] > 1) hasCycle[c] = true;
        edges.Sort();
        var outStart = new int[count + 1];
        var indegree = new int[count];
        var targets = new List<int>();
        int prevFrom = -1, prevTo = -1;
        foreach (var (from, to) in edges)
        {
            if (from == prevFrom && to == prevTo) continue;
            prevFrom = from; prevTo = to;
            outStart[from + 1]++;
            indegree[to]++;
            targets.Add(to);
        }
        for (int c = 0; c < count; c++) outStart[c + 1] += outStart[c];

        // Kahn's algorithm, least state first among ready components.
        var ready = new PriorityQueue<int, int>();
        for (int c = 0; c < count; c++) if (indegree[c] == 0) ready.Enqueue(c, least[c]);
        var newId = new int[count];
        int next = 0;
        while (ready.TryDequeue(out int c, out _))
        {
            newId[c] = next++;
            for (int e = outStart[c]; e < outStart[c + 1]; e++)
                if (--indegree[targets[e]] == 0) ready.Enqueue(targets[e], least[targets[e]]);
        }
        if (next != count) throw new InvalidOperationException("the condensation of a graph is acyclic; the SCC algorithm returned a cyclic one");

        var componentOf = new int[n];
        for (int q = 0; q < n; q++) componentOf[q] = newId[raw[q]];
        var newSizes = new int[count];
        var newCycle = new bool[count];
        for (int c = 0; c < count; c++)
        {
            newSizes[newId[c]] = sizes[c];
            newCycle[newId[c]] = hasCycle[c];
        }
        return new SccDecomposition(componentOf, count, Enumerable.Range(0, count).ToArray(), newSizes, newCycle);
    }
}
