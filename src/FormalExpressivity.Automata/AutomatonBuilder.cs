using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Collections;

namespace FormalExpressivity.Automata;

/// <summary>
/// The one mutable side of the automaton core: add states and edges, then freeze with
/// <see cref="BuildNfa"/> or <see cref="BuildDfa"/>. A builder can be frozen several times.
/// </summary>
public sealed class AutomatonBuilder
{
    private readonly List<bool> _accepting = [];
    private readonly List<(int From, int Label, int To)> _edges = [];
    private readonly SortedSet<int> _starts = [];

    /// <summary>Creates an empty builder over <paramref name="alphabet"/>.</summary>
    /// <param name="alphabet">Σ.</param>
    public AutomatonBuilder(Alphabet alphabet)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        Alphabet = alphabet;
    }

    /// <summary>Σ.</summary>
    public Alphabet Alphabet { get; }

    /// <summary>The number of states added so far.</summary>
    public int StateCount => _accepting.Count;

    /// <summary>Adds a state and returns its number.</summary>
    /// <param name="accepting">Whether the state is accepting.</param>
    public int AddState(bool accepting = false)
    {
        _accepting.Add(accepting);
        return _accepting.Count - 1;
    }

    /// <summary>Adds <paramref name="count"/> non-accepting states; returns the first number.</summary>
    /// <param name="count">How many.</param>
    public int AddStates(int count)
    {
        int first = _accepting.Count;
        for (int i = 0; i < count; i++) _accepting.Add(false);
        return first;
    }

    /// <summary>Marks a state accepting or not.</summary>
    /// <param name="state">The state.</param>
    /// <param name="accepting">The new flag.</param>
    public AutomatonBuilder SetAccepting(int state, bool accepting = true)
    {
        CheckState(state);
        _accepting[state] = accepting;
        return this;
    }

    /// <summary>Adds an initial state (a DFA has exactly one).</summary>
    /// <param name="state">The state.</param>
    public AutomatonBuilder AddStart(int state)
    {
        CheckState(state);
        _starts.Add(state);
        return this;
    }

    /// <summary>Adds the edge <paramref name="from"/> --<paramref name="symbol"/>--> <paramref name="to"/>.</summary>
    /// <param name="from">Source state.</param>
    /// <param name="symbol">Symbol index.</param>
    /// <param name="to">Target state.</param>
    public AutomatonBuilder AddTransition(int from, int symbol, int to)
    {
        CheckState(from);
        CheckState(to);
        if ((uint)symbol >= (uint)Alphabet.Count) throw new ArgumentOutOfRangeException(nameof(symbol), $"symbol {symbol} is not in {Alphabet}");
        _edges.Add((from, symbol, to));
        return this;
    }

    /// <summary>Adds an edge labelled by the symbol named <paramref name="symbol"/>.</summary>
    /// <param name="from">Source state.</param>
    /// <param name="symbol">Symbol name.</param>
    /// <param name="to">Target state.</param>
    public AutomatonBuilder AddTransition(int from, string symbol, int to)
    {
        if (!Alphabet.TryGetIndex(symbol, out var a)) throw new ArgumentException($"'{symbol}' is not a symbol of {Alphabet}", nameof(symbol));
        return AddTransition(from, a, to);
    }

    /// <summary>Adds an ε-edge.</summary>
    /// <param name="from">Source state.</param>
    /// <param name="to">Target state.</param>
    public AutomatonBuilder AddEpsilon(int from, int to)
    {
        CheckState(from);
        CheckState(to);
        _edges.Add((from, Nfa.Epsilon, to));
        return this;
    }

    /// <summary>Freezes the builder into an NFA (edges sorted by source, label, target; duplicates removed).</summary>
    public Nfa BuildNfa()
    {
        int n = _accepting.Count;
        var edges = _edges.Distinct().OrderBy(e => e.From).ThenBy(e => e.Label).ThenBy(e => e.To).ToArray();
        var edgeStart = new int[n + 1];
        foreach (var e in edges) edgeStart[e.From + 1]++;
        for (int q = 0; q < n; q++) edgeStart[q + 1] += edgeStart[q];
        var labels = edges.Select(e => e.Label).ToArray();
        var targets = edges.Select(e => e.To).ToArray();
        return new Nfa(Alphabet, _starts.ToArray(), edgeStart, labels, targets, Accepting(n));
    }

    /// <summary>
    /// Freezes the builder into a DFA. Requires exactly one start state, no ε-edges and at most one
    /// edge per state and symbol. Missing edges go to a fresh rejecting sink when
    /// <paramref name="completeWithSink"/> is true; otherwise they are an error.
    /// </summary>
    /// <param name="completeWithSink">Whether to complete a partial table with a sink state.</param>
    /// <exception cref="InvalidOperationException">The automaton is not deterministic (or not complete).</exception>
    public Dfa BuildDfa(bool completeWithSink = true)
    {
        if (_starts.Count != 1) throw new InvalidOperationException($"a DFA needs exactly one start state, found {_starts.Count}");
        int n = _accepting.Count, k = Alphabet.Count;
        var table = new int[n * k];
        Array.Fill(table, -1);
        foreach (var (from, label, to) in _edges.Distinct())
        {
            if (label == Nfa.Epsilon) throw new InvalidOperationException($"state {from} has an ε-transition; determinize the NFA instead");
            ref int slot = ref table[from * k + label];
            if (slot >= 0 && slot != to) throw new InvalidOperationException($"state {from} has two transitions on '{Alphabet[label]}' (to {slot} and {to})");
            slot = to;
        }
        bool partial = Array.IndexOf(table, -1) >= 0;
        if (!partial) return Dfa.CreateUnchecked(Alphabet, _starts.Min, table, Accepting(n));
        if (!completeWithSink)
        {
            int i = Array.IndexOf(table, -1);
            throw new InvalidOperationException($"state {i / k} has no transition on '{Alphabet[i % k]}'");
        }
        var full = new int[(n + 1) * k];
        table.CopyTo(full, 0);
        for (int i = 0; i < full.Length; i++) if (i >= n * k || full[i] < 0) full[i] = n;
        return Dfa.CreateUnchecked(Alphabet, _starts.Min, full, Accepting(n + 1));
    }

    private BitSet Accepting(int capacity)
    {
        var acc = new BitSet(capacity);
        for (int q = 0; q < _accepting.Count; q++) if (_accepting[q]) acc.Add(q);
        return acc;
    }

    private void CheckState(int state)
    {
        if ((uint)state >= (uint)_accepting.Count) throw new ArgumentOutOfRangeException(nameof(state), $"state {state} does not exist (0..{_accepting.Count - 1})");
    }
}
