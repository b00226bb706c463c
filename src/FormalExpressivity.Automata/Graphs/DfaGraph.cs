using System.Diagnostics.CodeAnalysis;
using QuikGraph;

namespace FormalExpressivity.Automata.Graphs;

/// <summary>
/// A read-only QuikGraph view of a <see cref="Dfa"/>: vertices are the states 0 … n − 1, and
/// state q has exactly |Σ| out-edges, one per symbol in declared order (parallel edges appear when
/// two symbols lead to the same state). Edges are computed from the transition table on demand;
/// nothing is copied, so the view costs O(1) memory.
/// </summary>
public sealed class DfaGraph : IVertexAndEdgeListGraph<int, TransitionEdge>
{
    /// <summary>Wraps <paramref name="dfa"/>.</summary>
    /// <param name="dfa">The automaton whose transition graph is viewed.</param>
    public DfaGraph(Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        Dfa = dfa;
    }

    /// <summary>The viewed automaton.</summary>
    public Dfa Dfa { get; }

    /// <summary>Always true: transitions are directed.</summary>
    public bool IsDirected => true;

    /// <summary>Always true: two symbols may lead from q to the same state.</summary>
    public bool AllowParallelEdges => true;

    /// <summary>False: a DFA has at least one state.</summary>
    public bool IsVerticesEmpty => false;

    /// <summary>The number of states.</summary>
    public int VertexCount => Dfa.StateCount;

    /// <summary>The states 0 … n − 1 in increasing order.</summary>
    public IEnumerable<int> Vertices => Enumerable.Range(0, Dfa.StateCount);

    /// <summary>True only when |Σ| = 0, which an <see cref="Core.Alphabets.Alphabet"/> forbids.</summary>
    public bool IsEdgesEmpty => Dfa.SymbolCount == 0;

    /// <summary>n · |Σ|: the table has one entry per state and symbol.</summary>
    public int EdgeCount => Dfa.StateCount * Dfa.SymbolCount;

    /// <summary>All transitions, by source state, then symbol.</summary>
    public IEnumerable<TransitionEdge> Edges
    {
        get
        {
            for (int q = 0; q < Dfa.StateCount; q++)
                for (int a = 0; a < Dfa.SymbolCount; a++)
                    yield return new TransitionEdge(q, a, Dfa.Next(q, a));
        }
    }

    /// <summary>True when <paramref name="vertex"/> is a state number.</summary>
    /// <param name="vertex">A candidate state number.</param>
    public bool ContainsVertex(int vertex) => (uint)vertex < (uint)Dfa.StateCount;

    /// <summary>True when the edge's symbol is in Σ and δ(source, symbol) = target.</summary>
    /// <param name="edge">A candidate transition.</param>
    public bool ContainsEdge(TransitionEdge edge) =>
        ContainsVertex(edge.Source) && (uint)edge.Symbol < (uint)Dfa.SymbolCount && Dfa.Next(edge.Source, edge.Symbol) == edge.Target;

    /// <summary>True when some symbol leads from <paramref name="source"/> to <paramref name="target"/>.</summary>
    /// <param name="source">Source state.</param>
    /// <param name="target">Target state.</param>
    public bool ContainsEdge(int source, int target) => TryGetEdge(source, target, out _);

    /// <summary>The first transition (in symbol order) from <paramref name="source"/> to <paramref name="target"/>.</summary>
    /// <param name="source">Source state.</param>
    /// <param name="target">Target state.</param>
    /// <param name="edge">The transition, when one exists.</param>
    public bool TryGetEdge(int source, int target, out TransitionEdge edge)
    {
        edge = default;
        if (!ContainsVertex(source)) return false;
        for (int a = 0; a < Dfa.SymbolCount; a++)
            if (Dfa.Next(source, a) == target)
            {
                edge = new TransitionEdge(source, a, target);
                return true;
            }
        return false;
    }

    /// <summary>All transitions from <paramref name="source"/> to <paramref name="target"/>, in symbol order.</summary>
    /// <param name="source">Source state.</param>
    /// <param name="target">Target state.</param>
    /// <param name="edges">The transitions (possibly none) when <paramref name="source"/> is a state.</param>
    public bool TryGetEdges(int source, int target, [NotNullWhen(true)] out IEnumerable<TransitionEdge>? edges)
    {
        edges = null;
        if (!ContainsVertex(source)) return false;
        edges = OutEdges(source).Where(e => e.Target == target);
        return true;
    }

    /// <summary>False: a complete DFA has |Σ| ≥ 1 out-edges at every state.</summary>
    /// <param name="vertex">A state.</param>
    public bool IsOutEdgesEmpty(int vertex) => Dfa.SymbolCount == 0;

    /// <summary>|Σ|.</summary>
    /// <param name="vertex">A state.</param>
    public int OutDegree(int vertex) => Dfa.SymbolCount;

    /// <summary>The |Σ| transitions leaving <paramref name="vertex"/>, in declared symbol order.</summary>
    /// <param name="vertex">A state.</param>
    public IEnumerable<TransitionEdge> OutEdges(int vertex)
    {
        if (!ContainsVertex(vertex)) throw new ArgumentOutOfRangeException(nameof(vertex), $"{vertex} is not a state");
        return Iterate(vertex);

        IEnumerable<TransitionEdge> Iterate(int q)
        {
            for (int a = 0; a < Dfa.SymbolCount; a++) yield return new TransitionEdge(q, a, Dfa.Next(q, a));
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

    /// <summary>The transition of <paramref name="vertex"/> on symbol <paramref name="index"/>.</summary>
    /// <param name="vertex">A state.</param>
    /// <param name="index">A symbol index (the i-th out-edge is the edge on symbol i).</param>
    public TransitionEdge OutEdge(int vertex, int index) => new(vertex, index, Dfa.Next(vertex, index));
}
