using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Collections;

namespace FormalExpressivity.Automata;

/// <summary>
/// An immutable, <b>complete</b> deterministic finite automaton over a declared <see cref="Alphabet"/>.
/// States are dense integers 0 … <see cref="StateCount"/> − 1; the transition function δ is one flat
/// table indexed <c>state * |Σ| + symbol</c>; accepting states are a <see cref="BitSet"/>.
/// Build one with <see cref="AutomatonBuilder"/> or <see cref="Create"/>; every operation returns a new DFA.
/// </summary>
public sealed partial class Dfa
{
    private readonly int[] _delta;
    private readonly BitSet _accepting;

    private Dfa(Alphabet alphabet, int start, int[] delta, BitSet accepting)
    {
        Alphabet = alphabet;
        Start = start;
        _delta = delta;
        _accepting = accepting;
    }

    /// <summary>The declared alphabet Σ.</summary>
    public Alphabet Alphabet { get; }

    /// <summary>|Σ|, the row width of the transition table.</summary>
    public int SymbolCount => Alphabet.Count;

    /// <summary>The number of states.</summary>
    public int StateCount => _accepting.Capacity;

    /// <summary>The start state.</summary>
    public int Start { get; }

    /// <summary>The flat transition table: <c>Table[q * SymbolCount + a] = δ(q, a)</c>.</summary>
    public ReadOnlySpan<int> Table => _delta;

    /// <summary>The number of accepting states.</summary>
    public int AcceptingCount => _accepting.Count;

    /// <summary>δ(q, a).</summary>
    /// <param name="state">Source state q.</param>
    /// <param name="symbol">Symbol index a.</param>
    public int Next(int state, int symbol) => _delta[state * SymbolCount + symbol];

    /// <summary>True when <paramref name="state"/> is accepting.</summary>
    /// <param name="state">A state.</param>
    public bool IsAccepting(int state) => _accepting[state];

    /// <summary>A copy of the set of accepting states.</summary>
    public BitSet AcceptingStates() => _accepting.Clone();

    /// <summary>δ*(q, w): the state reached from <paramref name="state"/> by reading <paramref name="word"/>.</summary>
    /// <param name="state">Source state.</param>
    /// <param name="word">Symbol indices.</param>
    public int Run(int state, ReadOnlySpan<int> word)
    {
        int k = SymbolCount;
        var d = _delta;
        foreach (var a in word) state = d[state * k + a];
        return state;
    }

    /// <summary>The state reached from the start state by <paramref name="word"/>.</summary>
    /// <param name="word">Symbol indices.</param>
    public int Run(ReadOnlySpan<int> word) => Run(Start, word);

    /// <summary>Membership: w ∈ L.</summary>
    /// <param name="word">Symbol indices.</param>
    public bool Accepts(ReadOnlySpan<int> word) => _accepting[Run(Start, word)];

    /// <summary>Membership: w ∈ L.</summary>
    /// <param name="word">The word.</param>
    public bool Accepts(Word word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Accepts(word.Symbols);
    }

    /// <summary>
    /// Creates a DFA from a complete table. The table is copied and validated: its length must be
    /// <c>stateCount * |Σ|</c> and every entry a state.
    /// </summary>
    /// <param name="alphabet">Σ.</param>
    /// <param name="start">Start state.</param>
    /// <param name="table">δ as a flat table, <c>table[q * |Σ| + a]</c>.</param>
    /// <param name="accepting">Accepting states; its capacity is the state count.</param>
    /// <exception cref="ArgumentException">The table is malformed.</exception>
    public static Dfa Create(Alphabet alphabet, int start, ReadOnlySpan<int> table, BitSet accepting)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        ArgumentNullException.ThrowIfNull(accepting);
        int n = accepting.Capacity;
        if (n == 0) throw new ArgumentException("a DFA needs at least one state", nameof(accepting));
        if (table.Length != n * alphabet.Count)
            throw new ArgumentException($"the table has {table.Length} entries, expected {n} states × {alphabet.Count} symbols", nameof(table));
        if ((uint)start >= (uint)n) throw new ArgumentException($"start state {start} is not a state (0..{n - 1})", nameof(start));
        for (int i = 0; i < table.Length; i++)
            if ((uint)table[i] >= (uint)n)
                throw new ArgumentException($"transition from state {i / alphabet.Count} on '{alphabet[i % alphabet.Count]}' goes to {table[i]}, not a state (0..{n - 1})", nameof(table));
        return new Dfa(alphabet, start, table.ToArray(), accepting.Clone());
    }

    /// <summary>
    /// True when this DFA is known to be the canonical minimal DFA of its language (it came out of
    /// minimization, or a construction proved it minimal and canonically numbered); then
    /// <see cref="Operations.Minimization.Minimize"/> returns it as is instead of refining it again.
    /// </summary>
    internal bool IsKnownMinimal { get; private init; }

    /// <summary>This DFA marked as canonical and minimal (only for tables proved to be so).</summary>
    internal Dfa AsKnownMinimal() => IsKnownMinimal ? this : new(Alphabet, Start, _delta, _accepting) { IsKnownMinimal = true };

    /// <summary>Wraps arrays the caller hands over and never touches again (no copy, no validation).</summary>
    internal static Dfa CreateUnchecked(Alphabet alphabet, int start, int[] table, BitSet accepting) =>
        new(alphabet, start, table, accepting);

    /// <summary>Σ* or ∅ over <paramref name="alphabet"/> as a one-state DFA.</summary>
    /// <param name="alphabet">Σ.</param>
    /// <param name="accepting">True for Σ*, false for ∅.</param>
    public static Dfa Trivial(Alphabet alphabet, bool accepting)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        var acc = new BitSet(1);
        if (accepting) acc.Add(0);
        return new Dfa(alphabet, 0, new int[alphabet.Count], acc);
    }

    /// <summary>The same language over a larger alphabet: symbols are matched by name, and the new symbols lead to a fresh rejecting sink.</summary>
    /// <param name="larger">Any alphabet containing every symbol of Σ; symbols are matched by name.</param>
    public Dfa WithAlphabet(Alphabet larger)
    {
        ArgumentNullException.ThrowIfNull(larger);
        if (larger.Equals(Alphabet)) return this;
        int n = StateCount, k = larger.Count, sink = n;
        var map = new int[k];
        foreach (var name in Alphabet.Symbols)
            if (!larger.TryGetIndex(name, out _)) throw new ArgumentException($"symbol '{name}' is missing from {larger}", nameof(larger));
        for (int b = 0; b < k; b++) map[b] = Alphabet.IndexOf(larger[b]);
        var t = new int[(n + 1) * k];
        for (int q = 0; q <= n; q++)
            for (int b = 0; b < k; b++)
                t[q * k + b] = q == n || map[b] < 0 ? sink : Next(q, map[b]);
        var acc = new BitSet(n + 1);
        foreach (var q in _accepting.Elements()) acc.Add(q);
        return new Dfa(larger, Start, t, acc);
    }

    /// <inheritdoc />
    public override string ToString() => $"DFA({StateCount} states, {AcceptingCount} accepting, Σ = {Alphabet})";
}
