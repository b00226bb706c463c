using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Collections;

namespace FormalExpressivity.Automata;

/// <summary>
/// An immutable nondeterministic finite automaton with ε-transitions over a declared <see cref="Alphabet"/>.
/// Edges are stored compactly per source state (CSR layout): the edges of state q are
/// <c>Labels[EdgeStart[q] .. EdgeStart[q+1])</c> with matching <c>Targets</c>; label <see cref="Epsilon"/> marks ε.
/// Built with <see cref="AutomatonBuilder"/>.
/// </summary>
public sealed class Nfa
{
    /// <summary>The label of an ε-edge.</summary>
    public const int Epsilon = -1;

    private readonly int[] _edgeStart;
    private readonly int[] _labels;
    private readonly int[] _targets;
    private readonly int[] _starts;
    private readonly BitSet _accepting;

    internal Nfa(Alphabet alphabet, int[] starts, int[] edgeStart, int[] labels, int[] targets, BitSet accepting)
    {
        Alphabet = alphabet;
        _starts = starts;
        _edgeStart = edgeStart;
        _labels = labels;
        _targets = targets;
        _accepting = accepting;
    }

    /// <summary>The declared alphabet Σ.</summary>
    public Alphabet Alphabet { get; }

    /// <summary>The number of states.</summary>
    public int StateCount => _accepting.Capacity;

    /// <summary>The number of edges (ε-edges included).</summary>
    public int EdgeCount => _labels.Length;

    /// <summary>The initial states, increasing.</summary>
    public ReadOnlySpan<int> StartStates => _starts;

    /// <summary>True when <paramref name="state"/> is accepting.</summary>
    /// <param name="state">A state.</param>
    public bool IsAccepting(int state) => _accepting[state];

    /// <summary>A copy of the accepting states.</summary>
    public BitSet AcceptingStates() => _accepting.Clone();

    /// <summary>The labels of the edges leaving <paramref name="state"/> (<see cref="Epsilon"/> for ε).</summary>
    /// <param name="state">Source state.</param>
    public ReadOnlySpan<int> Labels(int state) => _labels.AsSpan(_edgeStart[state], _edgeStart[state + 1] - _edgeStart[state]);

    /// <summary>The targets of the edges leaving <paramref name="state"/>, parallel to <see cref="Labels"/>.</summary>
    /// <param name="state">Source state.</param>
    public ReadOnlySpan<int> Targets(int state) => _targets.AsSpan(_edgeStart[state], _edgeStart[state + 1] - _edgeStart[state]);

    /// <summary>True when the automaton has at least one ε-edge.</summary>
    public bool HasEpsilon => Array.IndexOf(_labels, Epsilon) >= 0;

    /// <summary>Adds to <paramref name="set"/> every state reachable from its members by ε-edges.</summary>
    /// <param name="set">A set of states, closed in place.</param>
    public void EpsilonClose(BitSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var stack = new Stack<int>(set.Elements());
        while (stack.Count > 0)
        {
            int q = stack.Pop();
            var labels = Labels(q);
            var targets = Targets(q);
            for (int i = 0; i < labels.Length; i++)
                if (labels[i] == Epsilon && !set[targets[i]])
                {
                    set.Add(targets[i]);
                    stack.Push(targets[i]);
                }
        }
    }

    /// <summary>Membership by simulating the set of active states (the slow, obvious oracle).</summary>
    /// <param name="word">Symbol indices.</param>
    public bool Accepts(ReadOnlySpan<int> word)
    {
        var current = new BitSet(StateCount);
        foreach (var s in _starts) current.Add(s);
        EpsilonClose(current);
        foreach (var a in word)
        {
            var next = new BitSet(StateCount);
            foreach (var q in current.Elements())
            {
                var labels = Labels(q);
                var targets = Targets(q);
                for (int i = 0; i < labels.Length; i++) if (labels[i] == a) next.Add(targets[i]);
            }
            EpsilonClose(next);
            current = next;
        }
        foreach (var q in current.Elements()) if (_accepting[q]) return true;
        return false;
    }

    /// <summary>Membership.</summary>
    /// <param name="word">The word.</param>
    public bool Accepts(Word word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Accepts(word.Symbols);
    }

    /// <summary>Views a DFA as an NFA with the same states and edges.</summary>
    /// <param name="dfa">The DFA.</param>
    public static Nfa FromDfa(Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var edgeStart = new int[n + 1];
        var labels = new int[n * k];
        var targets = new int[n * k];
        for (int q = 0; q < n; q++)
        {
            edgeStart[q] = q * k;
            for (int a = 0; a < k; a++)
            {
                labels[q * k + a] = a;
                targets[q * k + a] = dfa.Next(q, a);
            }
        }
        edgeStart[n] = n * k;
        return new Nfa(dfa.Alphabet, [dfa.Start], edgeStart, labels, targets, dfa.AcceptingStates());
    }

    /// <inheritdoc />
    public override string ToString() => $"NFA({StateCount} states, {EdgeCount} edges, Σ = {Alphabet})";
}
