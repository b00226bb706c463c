using QuikGraph;

namespace FormalExpressivity.Automata.Graphs;

/// <summary>
/// One transition q --a--> r of an automaton, as a QuikGraph edge. A struct: graph views over
/// the transition tables create edges on the fly and never copy the table.
/// </summary>
/// <param name="Source">The source state q.</param>
/// <param name="Symbol">The symbol index a, or <see cref="Nfa.Epsilon"/> for an ε-edge.</param>
/// <param name="Target">The target state r.</param>
public readonly record struct TransitionEdge(int Source, int Symbol, int Target) : IEdge<int>;
