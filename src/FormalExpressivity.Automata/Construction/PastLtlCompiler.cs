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
/// The reachable states are enumerated breadth-first (value vectors interned in a <see cref="PackedStateTable"/>)
/// and the result minimized (canonical).
/// </summary>
public static class PastLtlCompiler
{
    /// <summary>The default state budget.</summary>
    public const int DefaultMaxStates = FormalExpressivity.Core.Limits.Budgets.DefaultMaxStates;

    /// <summary>Compiles a past-only formula (no X, F, G, U) to its canonical minimal DFA over <paramref name="alphabet"/>.</summary>
    /// <param name="formula">A past-only formula.</param>
    /// <param name="alphabet">Σ; every atom must be one of its symbols.</param>
    /// <param name="maxStates">Budget <c>max-states</c> on the unminimized state count.</param>
    /// <exception cref="InputException">An atom is not a symbol of Σ.</exception>
    /// <exception cref="ArgumentException">The formula uses a future operator.</exception>
    /// <exception cref="BudgetExceededException">More than <paramref name="maxStates"/> states.</exception>
    public static Dfa ToDfa(LtlFormula formula, Alphabet alphabet, int maxStates = DefaultMaxStates)
    {
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(alphabet);
        if (!formula.IsPastOnly) throw new ArgumentException($"the formula uses future operators: {formula}", nameof(formula));
        var machine = new Machine(formula, alphabet);
        int k = alphabet.Count, words = machine.Words;
        // Value vectors interned in one flat pool (no allocation per state or per step).
        var states = new PackedStateTable(words, maxStates, "past-LTL construction");
        var table = new int[Math.Max(1024, 1024 * k)];
        var next = new ulong[words];
        states.Intern(machine.InitialState());
        for (int i = 0; i < states.Count; i++)
        {
            for (int a = 0; a < k; a++)
            {
                machine.Step(states[i], a, next);
                int id = states.Intern(next);
                if (i * k + a >= table.Length) Array.Resize(ref table, table.Length * 2);
                table[i * k + a] = id;
            }
        }
        int n = states.Count;
        var acc = new BitSet(n);
        for (int i = 0; i < n; i++) if (machine.AcceptsAtEnd(states[i])) acc.Add(i);
        Array.Resize(ref table, n * k);
        return Dfa.CreateUnchecked(alphabet, 0, table, acc).Minimize();
    }

    /// <summary>The per-formula evaluation machine: subformulas in topological order and the bit slot of each temporal one.</summary>
    private sealed class Machine
    {
        private readonly LtlFormula[] _subs;
        private readonly int[][] _children;
        private readonly int[] _slot;      // first state bit of a temporal subformula, −1 otherwise
        private readonly int[] _atomSymbol; // symbol index of an atom
        private readonly int _root;

        public Machine(LtlFormula formula, Alphabet alphabet)
        {
            _subs = formula.Subformulas().ToArray();
            var position = new Dictionary<int, int>();
            for (int i = 0; i < _subs.Length; i++) position[_subs[i].Id] = i;
            _children = _subs.Select(f => f.Children.Select(c => position[c.Id]).ToArray()).ToArray();
            _slot = new int[_subs.Length];
            _atomSymbol = new int[_subs.Length];
            int bits = 0;
            for (int i = 0; i < _subs.Length; i++)
            {
                var f = _subs[i];
                _slot[i] = -1;
                if (f.Kind == LtlKind.Atom)
                {
                    if (!alphabet.TryGetIndex(f.Atom!, out _atomSymbol[i]))
                        throw new InputException("LTL100", $"atom '{f.Atom}' is not a symbol of the alphabet {alphabet}");
                }
                else if (f.IsTemporal)
                {
                    _slot[i] = bits;
                    bits += f.Kind switch
                    {
                        LtlKind.WindowYesterday => CounterWidth(f.Window),
                        LtlKind.WindowCount => f.Window,
                        _ => 1,
                    };
                }
            }
            Words = Math.Max(1, (bits + 63) >> 6);
            _values = new bool[_subs.Length];
            _root = _subs.Length - 1;
        }

        public int Words { get; }

        public ulong[] InitialState()
        {
            var s = new ulong[Words];
            for (int i = 0; i < _subs.Length; i++)
            {
                if (_subs[i].Kind == LtlKind.Historically) Set(s, _slot[i], true); // H holds vacuously at position 1
                if (_subs[i].Kind == LtlKind.WindowYesterday) SetCounter(s, _slot[i], _subs[i].Window, _subs[i].Window); // no φ yet: distance k
            }
            return s;
        }

        private readonly bool[] _values;

        /// <summary>Values of all subformulas at the current position, given the symbol there (−1 for the end marker); the buffer is reused.</summary>
        private bool[] Evaluate(ReadOnlySpan<ulong> state, int symbol)
        {
            var v = _values;
            for (int i = 0; i < _subs.Length; i++)
            {
                var f = _subs[i];
                var c = _children[i];
                v[i] = f.Kind switch
                {
                    LtlKind.True => true,
                    LtlKind.False => false,
                    LtlKind.Atom => _atomSymbol[i] == symbol,
                    LtlKind.Not => !v[c[0]],
                    LtlKind.And => v[c[0]] && v[c[1]],
                    LtlKind.Or => v[c[0]] || v[c[1]],
                    LtlKind.Implies => !v[c[0]] || v[c[1]],
                    LtlKind.Iff => v[c[0]] == v[c[1]],
                    LtlKind.Past or LtlKind.Historically or LtlKind.Yesterday or LtlKind.Since => Get(state, _slot[i]),
                    LtlKind.WindowYesterday => GetCounter(state, _slot[i], f.Window) < f.Window,
                    LtlKind.WindowCount => CountRegister(state, _slot[i], f.Window) >= f.Count,
                    _ => throw new InvalidOperationException($"future operator {f.Kind} in a past formula"),
                };
            }
            return v;
        }

        /// <summary>Writes the state after reading <paramref name="symbol"/> into <paramref name="next"/>.</summary>
        public void Step(ReadOnlySpan<ulong> state, int symbol, Span<ulong> next)
        {
            var v = Evaluate(state, symbol);
            next.Clear();
            for (int i = 0; i < _subs.Length; i++)
            {
                var f = _subs[i];
                var c = _children[i];
                int slot = _slot[i];
                switch (f.Kind)
                {
                    case LtlKind.Past: Set(next, slot, v[i] || v[c[0]]); break;
                    case LtlKind.Historically: Set(next, slot, v[i] && v[c[0]]); break;
                    case LtlKind.Yesterday: Set(next, slot, v[c[0]]); break;
                    case LtlKind.Since: Set(next, slot, v[c[1]] || (v[c[0]] && v[i])); break;
                    case LtlKind.WindowYesterday:
                        SetCounter(next, slot, f.Window, v[c[0]] ? 0 : Math.Min(GetCounter(state, slot, f.Window) + 1, f.Window));
                        break;
                    case LtlKind.WindowCount:
                        // bit slot+j of the new register = φ at (current − j): shift older values up by one
                        for (int j = f.Window - 1; j >= 1; j--) Set(next, slot + j, Get(state, slot + j - 1));
                        Set(next, slot, v[c[0]]);
                        break;
                }
            }
        }

        public bool AcceptsAtEnd(ReadOnlySpan<ulong> state) => Evaluate(state, -1)[_root];

        private static bool Get(ReadOnlySpan<ulong> s, int bit) => (s[bit >> 6] >> (bit & 63) & 1UL) != 0;

        private static void Set(Span<ulong> s, int bit, bool value)
        {
            if (value) s[bit >> 6] |= 1UL << (bit & 63);
            else s[bit >> 6] &= ~(1UL << (bit & 63));
        }

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
            for (int j = 0; j < width; j++) Set(s, slot + j, (value >> j & 1) != 0);
        }

        private static int CountRegister(ReadOnlySpan<ulong> s, int slot, int width)
        {
            int c = 0;
            for (int j = 0; j < width; j++) if (Get(s, slot + j)) c++;
            return c;
        }
    }
}
