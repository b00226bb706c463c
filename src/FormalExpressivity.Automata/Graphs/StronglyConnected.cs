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
public sealed record SccDecomposition(IReadOnlyList<int> ComponentOf, int ComponentCount, IReadOnlyList<int> TopologicalOrder, IReadOnlyList<int> Sizes, IReadOnlyList<bool> HasCycle)
{
    /// <summary>The states of component <paramref name="component"/>, increasing.</summary>
    /// <param name="component">A component id.</param>
    public IEnumerable<int> States(int component)
    {
        for (int q = 0; q < ComponentOf.Count; q++)
            if (ComponentOf[q] == component) yield return q;
    }
}

/// <summary>
/// Strongly connected components: the one flat Tarjan algorithm (<see cref="Tarjan"/>, used by the class deciders
/// and the semigroup's Green relations) for DFAs, QuikGraph's on an <see cref="NfaGraph"/> view for NFAs; then renumbered
/// deterministically: Kahn's topological sort of the condensation, ties broken by the least state
/// of the component. The numbering therefore depends only on the table, not on the algorithm's internals.
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
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var raw = Tarjan(dfa.Table, n, k, out int count);
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

    /// <summary>
    /// Tarjan's algorithm (Tarjan 1972), iterative with flat arrays: the component of every vertex of a graph
    /// given as a flat successor table <c>succ[v * k + i]</c> (a negative entry is no edge), vertices and
    /// edges visited in index order. Components are numbered in completion order, so an edge from component
    /// c to another component d has d &lt; c (sinks first). O(n·k) time; no recursion, so no stack limit.
    /// </summary>
    /// <param name="succ">The successor table, n·k entries.</param>
    /// <param name="n">The number of vertices.</param>
    /// <param name="k">The out-degree bound (table width).</param>
    /// <param name="count">Receives the number of components.</param>
    public static int[] Tarjan(ReadOnlySpan<int> succ, int n, int k, out int count)
    {
        var index = new int[n];
        var low = new int[n];
        var comp = new int[n];
        Array.Fill(index, -1);
        var onStack = new bool[n];
        var stack = new int[n];
        int sp = 0;
        var callV = new int[n];
        var callI = new int[n];
        int counter = 0;
        count = 0;
        for (int root = 0; root < n; root++)
        {
            if (index[root] >= 0) continue;
            int depth = 0;
            callV[0] = root;
            callI[0] = 0;
            index[root] = low[root] = counter++;
            stack[sp++] = root;
            onStack[root] = true;
            while (depth >= 0)
            {
                int v = callV[depth];
                int i = callI[depth];
                if (i < k)
                {
                    callI[depth] = i + 1;
                    int w = succ[v * k + i];
                    if (w < 0) continue;
                    if (index[w] < 0)
                    {
                        index[w] = low[w] = counter++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        depth++;
                        callV[depth] = w;
                        callI[depth] = 0;
                    }
                    else if (onStack[w] && index[w] < low[v])
                    {
                        low[v] = index[w];
                    }
                    continue;
                }
                if (low[v] == index[v])
                {
                    int w;
                    do
                    {
                        w = stack[--sp];
                        onStack[w] = false;
                        comp[w] = count;
                    } while (w != v);
                    count++;
                }
                depth--;
                if (depth >= 0)
                {
                    int parent = callV[depth];
                    if (low[v] < low[parent]) low[parent] = low[v];
                }
            }
        }
        return comp;
    }

    /// <summary>The number of vertices of every component of a <see cref="Tarjan"/> result.</summary>
    /// <param name="comp">The component of every vertex.</param>
    /// <param name="count">The number of components.</param>
    public static int[] Sizes(int[] comp, int count)
    {
        ArgumentNullException.ThrowIfNull(comp);
        var sizes = new int[count];
        foreach (var c in comp) sizes[c]++;
        return sizes;
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
        return new SccDecomposition(Array.AsReadOnly(componentOf), count, Array.AsReadOnly(Enumerable.Range(0, count).ToArray()), Array.AsReadOnly(newSizes), Array.AsReadOnly(newCycle));
    }
}
