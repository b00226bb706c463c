using System.Diagnostics.CodeAnalysis;
using QuikGraph;

namespace FormalExpressivity.Automata.Graphs;

/// <summary>
/// A read-only QuikGraph view of an <see cref="Nfa"/>: vertices are its states, edges its
/// transitions in CSR order (ε-edges have symbol <see cref="Nfa.Epsilon"/>). Nothing is copied.
/// </summary>
public sealed class NfaGraph : IVertexAndEdgeListGraph<int, TransitionEdge>
{
    /// <summary>Wraps <paramref name="nfa"/>.</summary>
    /// <param name="nfa">The automaton whose transition graph is viewed.</param>
    public NfaGraph(Nfa nfa)
    {
        ArgumentNullException.ThrowIfNull(nfa);
        Nfa = nfa;
    }

    /// <summary>The viewed automaton.</summary>
    public Nfa Nfa { get; }

    /// <summary>Always true: transitions are directed.</summary>
    public bool IsDirected => true;

    /// <summary>Always true: several labels may join the same two states.</summary>
    public bool AllowParallelEdges => true;

    /// <summary>True when the NFA has no state.</summary>
    public bool IsVerticesEmpty => Nfa.StateCount == 0;

    /// <summary>The number of states.</summary>
    public int VertexCount => Nfa.StateCount;

    /// <summary>The states 0 … n − 1 in increasing order.</summary>
    public IEnumerable<int> Vertices => Enumerable.Range(0, Nfa.StateCount);

    /// <summary>True when the NFA has no edge.</summary>
    public bool IsEdgesEmpty => Nfa.EdgeCount == 0;

    /// <summary>The number of edges, ε-edges included.</summary>
    public int EdgeCount => Nfa.EdgeCount;

    /// <summary>All edges, by source state, then label, then target.</summary>
    public IEnumerable<TransitionEdge> Edges
    {
        get
        {
            for (int q = 0; q < Nfa.StateCount; q++)
                foreach (var e in OutEdges(q)) yield return e;
        }
    }

    /// <summary>True when <paramref name="vertex"/> is a state number.</summary>
    /// <param name="vertex">A candidate state number.</param>
    public bool ContainsVertex(int vertex) => (uint)vertex < (uint)Nfa.StateCount;

    /// <summary>True when the NFA has exactly this edge.</summary>
    /// <param name="edge">A candidate edge.</param>
    public bool ContainsEdge(TransitionEdge edge) => ContainsVertex(edge.Source) && OutEdges(edge.Source).Contains(edge);

    /// <summary>True when some edge leads from <paramref name="source"/> to <paramref name="target"/>.</summary>
    /// <param name="source">Source state.</param>
    /// <param name="target">Target state.</param>
    public bool ContainsEdge(int source, int target) => TryGetEdge(source, target, out _);

    /// <summary>The first edge (in CSR order) from <paramref name="source"/> to <paramref name="target"/>.</summary>
    /// <param name="source">Source state.</param>
    /// <param name="target">Target state.</param>
    /// <param name="edge">The edge, when one exists.</param>
    public bool TryGetEdge(int source, int target, out TransitionEdge edge)
    {
        edge = default;
        if (!ContainsVertex(source)) return false;
        var targets = Nfa.Targets(source);
        int i = targets.IndexOf(target);
        if (i < 0) return false;
        edge = new TransitionEdge(source, Nfa.Labels(source)[i], target);
        return true;
    }

    /// <summary>All edges from <paramref name="source"/> to <paramref name="target"/>.</summary>
    /// <param name="source">Source state.</param>
    /// <param name="target">Target state.</param>
    /// <param name="edges">The edges (possibly none) when <paramref name="source"/> is a state.</param>
    public bool TryGetEdges(int source, int target, [NotNullWhen(true)] out IEnumerable<TransitionEdge>? edges)
    {
        edges = null;
        if (!ContainsVertex(source)) return false;
        edges = OutEdges(source).Where(e => e.Target == target);
        return true;
    }

    /// <summary>True when <paramref name="vertex"/> has no outgoing edge.</summary>
    /// <param name="vertex">A state.</param>
    public bool IsOutEdgesEmpty(int vertex) => Nfa.Labels(vertex).IsEmpty;

    /// <summary>The number of edges leaving <paramref name="vertex"/>.</summary>
    /// <param name="vertex">A state.</param>
    public int OutDegree(int vertex) => Nfa.Labels(vertex).Length;

    /// <summary>The edges leaving <paramref name="vertex"/>, by label then target.</summary>
    /// <param name="vertex">A state.</param>
    public IEnumerable<TransitionEdge> OutEdges(int vertex)
    {
        if (!ContainsVertex(vertex)) throw new ArgumentOutOfRangeException(nameof(vertex), $"{vertex} is not a state");
        return Iterate(vertex);

        IEnumerable<TransitionEdge> Iterate(int q)
        {
            int degree = Nfa.Labels(q).Length;
            for (int i = 0; i < degree; i++) yield return OutEdge(q, i);
        }
    }

    /// <summary>The out-edges of <paramref name="vertex"/> when it is a state.</summary>
    /// <param name="vertex">A candidate state.</param>
    /// <param name="edges">Its out-edges.</param>
    public bool TryGetOutEdges(int vertex, [NotNullWhen(true)] out IEnumerable<TransitionEdge>? edges)
    {
        edges = ContainsVertex(vertex) ? OutEdges(vertex) : null;
        return edges is not null;
    }

    /// <summary>The <paramref name="index"/>-th edge leaving <paramref name="vertex"/>.</summary>
    /// <param name="vertex">A state.</param>
    /// <param name="index">Position among its out-edges.</param>
    public TransitionEdge OutEdge(int vertex, int index) => new(vertex, Nfa.Labels(vertex)[index], Nfa.Targets(vertex)[index]);
}
