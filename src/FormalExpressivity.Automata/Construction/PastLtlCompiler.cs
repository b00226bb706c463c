using System.Runtime.CompilerServices;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Collections;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Temporal;
using FormalExpressivity.Core.Limits;

namespace FormalExpressivity.Automata.Construction;

/// <summary>
/// Past LTL → DFA directly (theory.md §2, project construction). After reading w_1 … w_i the state
/// holds, for every temporal subformula, what is needed to know its value at position i+1:
/// <list type="bullet">
/// <item>P φ: ⋁_{m≤i} φ(m); H φ: ⋀_{m≤i} φ(m); Y φ: φ(i) (false for i = 0);</item>
/// <item>φ S ψ: ψ(i) ∨ (φ(i) ∧ (φ S ψ)(i)), false for i = 0 (the usual carry recurrence);</item>
/// <item>Y[&lt;=k] φ: the distance d = i − (last m ≤ i with φ(m)), capped at k (k = none in the window), as a
/// ⌈log₂(k+1)⌉-bit counter; Y[&lt;=k] φ holds at i+1 iff d &lt; k. (A set, not the positions, is all an
/// existential window needs: k+1 values instead of 2^k.)</item>
/// <item>the counting window Y[&lt;=k,&gt;=c] φ: the last k values φ(i), …, φ(i−k+1) as a shift register.</item>
/// </list>
/// A transition on symbol a computes every subformula at position i+1 bottom-up and shifts the
/// state; acceptance evaluates the same with the end marker (atoms false) and reads the root at N+1.
/// The reachable states are enumerated breadth-first (value vectors interned in a <see cref="PackedStateTable"/>,
/// no allocation per state or step), which numbers them canonically; Hopcroft runs only when
/// <see cref="UnaryFingerprints"/> cannot prove the table minimal (e.g. <c>Y^k a</c>, whose 2^k shift-register
/// states are told apart by the words a^j, j &lt; k, is written once and never refined).
/// </summary>
public static class PastLtlCompiler
{
    /// <summary>The default state budget.</summary>
    public const int DefaultMaxStates = FormalExpressivity.Core.Limits.Budgets.DefaultMaxStates;

    /// <summary>Compiles a past-only formula (no X, F, G, U) to its canonical minimal DFA over <paramref name="alphabet"/>.</summary>
    /// <param name="formula">A past-only formula.</param>
    /// <param name="alphabet">Σ; every atom must be one of its symbols.</param>
    /// <param name="maxStates">Budget <c>max-states</c> on the unminimized state count.</param>
    /// <param name="proveMinimal">True (default): skip Hopcroft when <see cref="UnaryFingerprints"/> proves the
    /// enumerated table minimal; false: always minimize (the twin the tests compare with).</param>
    /// <exception cref="InputException">An atom is not a symbol of Σ.</exception>
    /// <exception cref="ArgumentException">The formula uses a future operator.</exception>
    /// <exception cref="BudgetExceededException">More than <paramref name="maxStates"/> states.</exception>
    public static Dfa ToDfa(LtlFormula formula, Alphabet alphabet, int maxStates = DefaultMaxStates, bool proveMinimal = true)
    {
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(alphabet);
        if (!formula.IsPastOnly) throw new ArgumentException($"the formula uses future operators: {formula}", nameof(formula));
        var machine = new Machine(formula, alphabet);
        var (table, acc) = Explore(machine, alphabet.Count, maxStates);
        // The states were numbered breadth-first from the initial one with symbols in declared order:
        // the canonical numbering, every state reachable. Distinct unary fingerprints then prove the
        // table minimal (UnaryFingerprints); otherwise Hopcroft decides.
        var dfa = Dfa.CreateUnchecked(alphabet, 0, table, acc);
        System.Diagnostics.Debug.Assert(dfa.IsCanonical());
        return proveMinimal && UnaryFingerprints.ProveDistinguishable(table, alphabet.Count, q => acc[q]) ? dfa.AsKnownMinimal() : dfa.Minimize();
    }

    /// <summary>Breadth-first enumeration of the reachable value vectors: the transition table and the accepting states.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int[] Table, BitSet Accepting) Explore(Machine machine, int k, int maxStates)
    {
        int words = machine.Words;
        // Value vectors interned in one flat pool (no allocation per state or per step).
        var states = new PackedStateTable(words, maxStates, "past-LTL construction");
        var table = new int[Math.Max(1024, 1024 * k)];
        var next = new ulong[words];
        states.Intern(machine.InitialState());
        for (int i = 0; i < states.Count; i++)
        {
            if ((i + 1) * k > table.Length) Array.Resize(ref table, (int)Math.Min(Array.MaxLength, table.Length * 2L));
            machine.Enter(states[i]);
            for (int a = 0; a < k; a++)
            {
                machine.Step(states[i], a, next);
                table[i * k + a] = states.Intern(next);
            }
        }
        int n = states.Count;
        var acc = new BitSet(n);
        for (int i = 0; i < n; i++) if (machine.AcceptsAtEnd(states[i])) acc.Add(i);
        Array.Resize(ref table, n * k);
        return (table, acc);
    }

    /// <summary>
    /// The per-formula evaluation machine, compiled once into flat arrays (operator, children, state slot,
    /// window, count, atom symbol per subformula in topological order), so that a step reads no formula
    /// object and allocates nothing: the values live in one reused buffer.
    /// </summary>
    private sealed class Machine
    {
        private readonly LtlKind[] _kind;
        private readonly int[] _left;       // first child, −1 when none
        private readonly int[] _right;      // second child, −1 when none
        private readonly int[] _slot;       // first state bit of a temporal subformula, −1 otherwise
        private readonly int[] _window;     // k of a window operator
        private readonly int[] _count;      // c of a counting window
        private readonly int[] _atomSymbol; // symbol index of an atom
        private readonly int[] _temporal;   // the temporal subformulas, in topological order
        private readonly int[] _fixedNodes, _liveNodes;     // subformulas whose value does not / does depend on the symbol read
        private readonly int[] _fixedUpdates, _liveUpdates; // temporal subformulas whose next bits do not / do depend on it
        private readonly ulong[] _base;                     // the symbol-independent part of the next state
        private readonly bool[] _values;
        private readonly int _root;

        public Machine(LtlFormula formula, Alphabet alphabet)
        {
            var subs = formula.Subformulas().ToArray();
            var position = new Dictionary<int, int>();
            for (int i = 0; i < subs.Length; i++) position[subs[i].Id] = i;
            int size = subs.Length;
            _kind = new LtlKind[size];
            _left = new int[size];
            _right = new int[size];
            _slot = new int[size];
            _window = new int[size];
            _count = new int[size];
            _atomSymbol = new int[size];
            var temporal = new List<int>();
            int bits = 0;
            for (int i = 0; i < size; i++)
            {
                var f = subs[i];
                _kind[i] = f.Kind;
                _left[i] = f.Children.Count > 0 ? position[f.Children[0].Id] : -1;
                _right[i] = f.Children.Count > 1 ? position[f.Children[1].Id] : -1;
                _slot[i] = -1;
                _atomSymbol[i] = -1;
                if (f.Kind == LtlKind.Atom)
                {
                    if (!alphabet.TryGetIndex(f.Atom!, out _atomSymbol[i]))
                        throw new InputException("LTL100", $"atom '{f.Atom}' is not a symbol of the alphabet {alphabet}");
                }
                else if (f.IsTemporal)
                {
                    if (!f.IsPastOnly) throw new InvalidOperationException($"future operator {f.Kind} in a past formula");
                    _window[i] = f.Window;
                    _count[i] = f.Count;
                    _slot[i] = bits;
                    temporal.Add(i);
                    bits += f.Kind switch
                    {
                        LtlKind.WindowYesterday => CounterWidth(f.Window),
                        LtlKind.WindowCount => f.Window,
                        _ => 1,
                    };
                }
            }
            _temporal = temporal.ToArray();
            Words = Math.Max(1, (bits + 63) >> 6);
            // A subformula is live when its value at the next position depends on the symbol read there:
            // an atom, or a Boolean combination with a live child (a temporal operator's value comes from
            // the state). A temporal subformula's next bits are live when a child is.
            var live = new bool[size];
            for (int i = 0; i < size; i++)
                live[i] = _kind[i] == LtlKind.Atom || (_slot[i] < 0 && ((_left[i] >= 0 && live[_left[i]]) || (_right[i] >= 0 && live[_right[i]])));
            bool LiveUpdate(int i) => (_left[i] >= 0 && live[_left[i]]) || (_right[i] >= 0 && live[_right[i]]);
            _fixedNodes = Enumerable.Range(0, size).Where(i => !live[i]).ToArray();
            _liveNodes = Enumerable.Range(0, size).Where(i => live[i]).ToArray();
            _fixedUpdates = _temporal.Where(i => !LiveUpdate(i)).ToArray();
            _liveUpdates = _temporal.Where(LiveUpdate).ToArray();
            _base = new ulong[Words];
            _values = new bool[size];
            _root = size - 1;
        }

        public int Words { get; }

        public ulong[] InitialState()
        {
            var s = new ulong[Words];
            foreach (int i in _temporal)
            {
                if (_kind[i] == LtlKind.Historically) Set(s, _slot[i]); // H holds vacuously at position 1
                if (_kind[i] == LtlKind.WindowYesterday) SetCounter(s, _slot[i], _window[i], _window[i]); // no φ yet: distance k
            }
            return s;
        }

        /// <summary>
        /// Evaluates the symbol-independent subformulas at the next position and the part of the next
        /// state they determine, once per state; <see cref="Step"/> then redoes only what depends on the symbol
        /// (for <c>Y^k a</c>: one atom and one bit instead of 2k+1 subformulas and k bits).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Enter(ReadOnlySpan<ulong> state)
        {
            foreach (int i in _fixedNodes) _values[i] = Value(i, state, -1);
            var b = _base.AsSpan();
            b.Clear();
            foreach (int i in _fixedUpdates) Update(i, state, b);
        }

        /// <summary>Writes the state after reading <paramref name="symbol"/> into <paramref name="next"/> (after <see cref="Enter"/> on <paramref name="state"/>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Step(ReadOnlySpan<ulong> state, int symbol, Span<ulong> next)
        {
            foreach (int i in _liveNodes) _values[i] = Value(i, state, symbol);
            _base.CopyTo(next);
            foreach (int i in _liveUpdates) Update(i, state, next);
        }

        /// <summary>Values of all subformulas at the current position, given the symbol there (−1 for the end marker); the buffer is reused.</summary>
        private bool[] Evaluate(ReadOnlySpan<ulong> state, int symbol)
        {
            for (int i = 0; i < _kind.Length; i++) _values[i] = Value(i, state, symbol);
            return _values;
        }

        /// <summary>The value of subformula <paramref name="i"/> at the next position from its children's values in the buffer.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool Value(int i, ReadOnlySpan<ulong> state, int symbol)
        {
            var v = _values;
            return _kind[i] switch
            {
                LtlKind.True => true,
                LtlKind.False => false,
                LtlKind.Atom => _atomSymbol[i] == symbol,
                LtlKind.Not => !v[_left[i]],
                LtlKind.And => v[_left[i]] && v[_right[i]],
                LtlKind.Or => v[_left[i]] || v[_right[i]],
                LtlKind.Implies => !v[_left[i]] || v[_right[i]],
                LtlKind.Iff => v[_left[i]] == v[_right[i]],
                LtlKind.Past or LtlKind.Historically or LtlKind.Yesterday or LtlKind.Since => Get(state, _slot[i]),
                LtlKind.WindowYesterday => GetCounter(state, _slot[i], _window[i]) < _window[i],
                LtlKind.WindowCount => CountRegister(state, _slot[i], _window[i]) >= _count[i],
                _ => throw new InvalidOperationException($"future operator {_kind[i]} in a past formula"),
            };
        }

        /// <summary>Sets the bits of temporal subformula <paramref name="i"/> in the (cleared) next state.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Update(int i, ReadOnlySpan<ulong> state, Span<ulong> next)
        {
            var v = _values;
            int slot = _slot[i];
            switch (_kind[i])
            {
                case LtlKind.Past: if (v[i] || v[_left[i]]) Set(next, slot); break;
                case LtlKind.Historically: if (v[i] && v[_left[i]]) Set(next, slot); break;
                case LtlKind.Yesterday: if (v[_left[i]]) Set(next, slot); break;
                case LtlKind.Since: if (v[_right[i]] || (v[_left[i]] && v[i])) Set(next, slot); break;
                case LtlKind.WindowYesterday:
                    int k = _window[i];
                    SetCounter(next, slot, k, v[_left[i]] ? 0 : Math.Min(GetCounter(state, slot, k) + 1, k));
                    break;
                case LtlKind.WindowCount:
                    // bit slot+j of the new register = φ at (current − j): shift older values up by one
                    for (int j = _window[i] - 1; j >= 1; j--) if (Get(state, slot + j - 1)) Set(next, slot + j);
                    if (v[_left[i]]) Set(next, slot);
                    break;
            }
        }

        public bool AcceptsAtEnd(ReadOnlySpan<ulong> state) => Evaluate(state, -1)[_root];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool Get(ReadOnlySpan<ulong> s, int bit) => (s[bit >> 6] >> (bit & 63) & 1UL) != 0;

        // The buffers are cleared before a state is written, so setting is all a step needs.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Set(Span<ulong> s, int bit) => s[bit >> 6] |= 1UL << (bit & 63);

        private static int CounterWidth(int k) => System.Numerics.BitOperations.Log2((uint)k) + 1;

        private static int GetCounter(ReadOnlySpan<ulong> s, int slot, int k)
        {
            int value = 0, width = CounterWidth(k);
            for (int j = 0; j < width; j++) if (Get(s, slot + j)) value |= 1 << j;
            return value;
        }

        private static void SetCounter(Span<ulong> s, int slot, int k, int value)
        {
            int width = CounterWidth(k);
            for (int j = 0; j < width; j++) if ((value >> j & 1) != 0) Set(s, slot + j);
        }

        private static int CountRegister(ReadOnlySpan<ulong> s, int slot, int width)
        {
            int c = 0;
            for (int j = 0; j < width; j++) if (Get(s, slot + j)) c++;
            return c;
        }
    }
}
