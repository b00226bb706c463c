using System.Numerics;
using System.Runtime.InteropServices;
using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Core.Limits;

namespace FormalExpressivity.Classes.Algebra;

/// <summary>
/// The transition semigroup S of a complete DFA: the transformations q ↦ q·w of its states induced by the
/// non-empty words w, enumerated as Froidure &amp; Pin (1997) do: breadth first from the letters, extending
/// each element by every letter in declared order, so element indices follow the shortlex order of their
/// least representatives and the right Cayley graph comes for free. For the minimal DFA S is the
/// syntactic semigroup and S ∪ {1} the syntactic monoid. Composition: (x·y)(q) = y(x(q)).
/// </summary>
/// <remarks>
/// Storage is flat: all transformations live in one <c>int[]</c> (element i at <c>[i·n, (i+1)·n)</c>), hashed
/// by an open-addressing table of element indices (no per-element object, no allocation per product). Each
/// element keeps the Froidure–Pin word data — prefix and last letter, first letter and suffix, length — so
/// representatives are rebuilt on demand, products x·y walk y's letters through the right Cayley graph, and
/// the left Cayley graph follows from a·(p·b) = (a·p)·b without hashing. Memory per element:
/// 4n (transformation) + 4·2|Σ| (Cayley graphs) + 24 (word data and hash) + 8 (table slots) bytes,
/// see <see cref="BytesPerElement"/>.
/// </remarks>
public sealed class TransitionSemigroup
{
    /// <summary>
    /// The default memory the enumeration may hold (budget <c>max-semigroup-mib</c>, 512 MiB): whatever
    /// <c>max-semigroup</c> says, at most <c>maxBytes / BytesPerElement</c> elements are enumerated, so a large
    /// DFA stops on its budget instead of exhausting the machine (at 32 states that is about 3 million
    /// elements, at 5 000 states about 26 000).
    /// </summary>
    public const long MaxBytes = (long)FormalExpressivity.Core.Limits.Budgets.DefaultMaxSemigroupMib << 20;

    /// <summary>The default element budget <c>max-semigroup</c>.</summary>
    public const int DefaultMaxElements = FormalExpressivity.Core.Limits.Budgets.DefaultMaxSemigroup;

    private readonly int _n;
    private readonly int _k;
    private int[] _data;
    private int[] _hash;
    private int[] _prefix;
    private int[] _last;
    private int[] _first;
    private int[] _suffix;
    private int[] _length;
    private int[] _right;
    private int[] _slots;
    private int _count;
    private long _maxBytes = MaxBytes;
    private readonly int[] _generator;
    private int[]? _left;
    private int _identity = -2;
    private bool[]? _idempotent;
    private int[]? _omega;
    private List<int>? _idempotents;
    private GreenRelations? _green;

    private TransitionSemigroup(Dfa dfa, int capacity)
    {
        Dfa = dfa;
        _n = dfa.StateCount;
        _k = dfa.SymbolCount;
        capacity = Math.Max(capacity, 4);
        _data = new int[(capacity + 1) * _n];
        _hash = new int[capacity];
        _prefix = new int[capacity];
        _last = new int[capacity];
        _first = new int[capacity];
        _suffix = new int[capacity];
        _length = new int[capacity];
        _right = new int[capacity * _k];
        _slots = new int[SlotCount(capacity)];
        _generator = new int[_k];
    }

    /// <summary>The DFA whose transformations these are.</summary>
    public Dfa Dfa { get; }

    /// <summary>|S|, the number of elements (non-empty words' transformations).</summary>
    public int Count => _count;

    /// <summary>
    /// Bytes held per element: the transformation (4 bytes per state), both Cayley graphs (4 bytes per
    /// letter each), prefix, last letter, first letter, suffix, length and hash (24 bytes), and two hash slots.
    /// </summary>
    public int BytesPerElement => 4 * _n + 8 * _k + 24 + 8;

    /// <summary>Enumerates S. Throws <see cref="BudgetExceededException"/> (budget <c>max-semigroup</c>) when S has more than <paramref name="maxElements"/> elements.</summary>
    /// <param name="dfa">A complete DFA (for the syntactic semigroup: the minimal one).</param>
    /// <param name="maxElements">The element budget.</param>
    /// <param name="maxBytes">The memory budget (<c>max-semigroup-mib</c> in bytes); a larger S stops with that budget.</param>
    public static TransitionSemigroup Create(Dfa dfa, int maxElements = DefaultMaxElements, long maxBytes = MaxBytes)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        var s = new TransitionSemigroup(dfa, Math.Min(maxElements, 1024)) { _maxBytes = maxBytes };
        s.Enumerate(maxElements, stopAtNonAperiodic: false);
        return s;
    }

    /// <summary>
    /// Enumerates S in shortlex order of representatives until an element x with x^ω x ≠ x^ω appears
    /// (a cycle of length ≥ 2 in its functional graph); returns that element's representative, or
    /// <c>null</c> when S is aperiodic. Same budget as <see cref="Create"/>.
    /// </summary>
    /// <param name="dfa">A complete DFA.</param>
    /// <param name="maxElements">The element budget.</param>
    /// <param name="elementsSeen">The elements enumerated (all of S when aperiodic).</param>
    /// <param name="maxBytes">The memory budget (<c>max-semigroup-mib</c> in bytes).</param>
    public static Word? FindNonAperiodic(Dfa dfa, int maxElements, out int elementsSeen, long maxBytes = MaxBytes)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        var s = new TransitionSemigroup(dfa, Math.Min(maxElements, 1024)) { _maxBytes = maxBytes };
        int found = s.Enumerate(maxElements, stopAtNonAperiodic: true);
        elementsSeen = found >= 0 ? found + 1 : s.Count;
        return found >= 0 ? s.Representative(found) : null;
    }

    /// <summary>Froidure–Pin breadth-first enumeration; returns the first non-aperiodic element when asked to stop there, else −1.</summary>
    private int Enumerate(int maxElements, bool stopAtNonAperiodic)
    {
        var table = Dfa.Table;
        int n = _n, k = _k;
        var scratch = stopAtNonAperiodic ? new int[2 * n] : [];
        for (int a = 0; a < k; a++)
        {
            var t = Candidate();
            for (int q = 0; q < n; q++) t[q] = table[q * k + a];
            int before = _count;
            _generator[a] = Commit(-1, a, maxElements);
            if (_count > before && stopAtNonAperiodic && !PeriodOne(Element(_generator[a]), scratch)) return _generator[a];
        }
        for (int i = 0; i < _count; i++)
        {
            for (int a = 0; a < k; a++)
            {
                var t = Candidate();
                var x = Element(i);
                for (int q = 0; q < n; q++) t[q] = table[x[q] * k + a];
                int before = _count;
                int j = Commit(i, a, maxElements);
                _right[i * k + a] = j;
                if (_count > before && stopAtNonAperiodic && !PeriodOne(Element(j), scratch)) return j;
            }
        }
        return -1;
    }

    /// <summary>The scratch slot after the last element, where a candidate transformation is written before lookup.</summary>
    private Span<int> Candidate() => _data.AsSpan(_count * _n, _n);

    /// <summary>Looks the candidate up; adds it (with prefix element <paramref name="prefix"/> and last letter <paramref name="a"/>) when new.</summary>
    private int Commit(int prefix, int a, int maxElements)
    {
        var t = Candidate();
        int h = Hash(t);
        int mask = _slots.Length - 1;
        int slot = h & mask;
        while (true)
        {
            int e = _slots[slot] - 1;
            if (e < 0) break;
            if (_hash[e] == h && Element(e).SequenceEqual(t)) return e;
            slot = (slot + 1) & mask;
        }
        if (_count >= maxElements)
            throw new BudgetExceededException("max-semigroup", maxElements, $"the transition semigroup of a {_n}-state DFA");
        if ((long)(_count + 1) * BytesPerElement > _maxBytes)
            throw new BudgetExceededException("max-semigroup-mib", _maxBytes >> 20,
                $"the transition semigroup of a {_n}-state DFA ({BytesPerElement} bytes per element, {_count} elements held)");
        int i = _count;
        if (i + 1 >= _hash.Length) Grow();
        _hash[i] = h;
        _prefix[i] = prefix;
        _last[i] = a;
        _length[i] = prefix < 0 ? 1 : _length[prefix] + 1;
        _first[i] = prefix < 0 ? a : _first[prefix];
        // suffix(p·a) = suffix(p)·a; the suffix of a letter is the empty word (−1). suffix(p) < p is complete.
        _suffix[i] = prefix < 0 ? -1 : _suffix[prefix] < 0 ? _generator[a] : _right[_suffix[prefix] * _k + a];
        _count++;
        if (2 * _count > _slots.Length) Rehash();
        else _slots[FreeSlot(h)] = i + 1;
        return i;
    }

    private int FreeSlot(int h)
    {
        int mask = _slots.Length - 1;
        int slot = h & mask;
        while (_slots[slot] != 0) slot = (slot + 1) & mask;
        return slot;
    }

    private void Grow()
    {
        int capacity = _hash.Length * 2;
        // The element table doubles: n states, five ints of bookkeeping and k right products per element.
        MemoryBudget.Current.Require(capacity, 4L * (_n + _k + 8), $"the transition semigroup of a {_n}-state DFA ({_count} elements so far)");
        Array.Resize(ref _data, (capacity + 1) * _n);
        Array.Resize(ref _hash, capacity);
        Array.Resize(ref _prefix, capacity);
        Array.Resize(ref _last, capacity);
        Array.Resize(ref _first, capacity);
        Array.Resize(ref _suffix, capacity);
        Array.Resize(ref _length, capacity);
        Array.Resize(ref _right, capacity * _k);
    }

    private void Rehash()
    {
        _slots = new int[_slots.Length * 2];
        for (int e = 0; e < _count; e++) _slots[FreeSlot(_hash[e])] = e + 1;
    }

    private static int SlotCount(int capacity) => (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, 2 * capacity));

    private static int Hash(ReadOnlySpan<int> t)
    {
        var h = new HashCode();
        h.AddBytes(MemoryMarshal.AsBytes(t));
        return h.ToHashCode() & int.MaxValue;
    }

    /// <summary>True when every cycle of the functional graph of t has length 1 (t^ω t = t^ω).</summary>
    private static bool PeriodOne(ReadOnlySpan<int> t, int[] scratch)
    {
        int n = t.Length;
        // scratch[0..n): 0 unvisited, 1 on the current walk, 2 done. A walk that meets its own trail closed a cycle.
        var mark = scratch.AsSpan(0, n);
        mark.Clear();
        for (int q = 0; q < n; q++)
        {
            if (mark[q] != 0) continue;
            int p = q;
            while (mark[p] == 0) { mark[p] = 1; p = t[p]; }
            if (mark[p] == 1 && t[p] != p) return false;
            for (int r = q; mark[r] == 1; r = t[r]) mark[r] = 2;
        }
        return true;
    }

    /// <summary>The transformation of element <paramref name="i"/>: result[q] = q·w.</summary>
    /// <param name="i">Element index.</param>
    public ReadOnlySpan<int> Element(int i) => _data.AsSpan(i * _n, _n);

    /// <summary>The shortlex-least non-empty word whose transformation is element <paramref name="i"/>.</summary>
    /// <param name="i">Element index (indices follow the shortlex order of representatives).</param>
    public Word Representative(int i)
    {
        var symbols = new int[_length[i]];
        for (int p = i, at = symbols.Length - 1; p >= 0; p = _prefix[p], at--) symbols[at] = _last[p];
        return Word.Of(symbols);
    }

    /// <summary>The length of the representative of element <paramref name="i"/>.</summary>
    /// <param name="i">Element index.</param>
    public int RepresentativeLength(int i) => _length[i];

    /// <summary>The element of letter <paramref name="symbol"/>.</summary>
    /// <param name="symbol">Symbol index.</param>
    public int Generator(int symbol) => _generator[symbol];

    /// <summary>Right Cayley graph: the element i·a.</summary>
    /// <param name="i">Element index.</param>
    /// <param name="symbol">Symbol index.</param>
    public int RightMultiplyBySymbol(int i, int symbol) => _right[i * _k + symbol];

    /// <summary>Left Cayley graph: the element a·i.</summary>
    /// <param name="i">Element index.</param>
    /// <param name="symbol">Symbol index.</param>
    public int LeftMultiplyBySymbol(int i, int symbol) => LeftTable()[i * _k + symbol];

    /// <summary>The right Cayley graph as a flat table <c>[i*|Σ| + a] = i·a</c>.</summary>
    public ReadOnlySpan<int> RightCayley => _right.AsSpan(0, _count * _k);

    /// <summary>The left Cayley graph as a flat table <c>[i*|Σ| + a] = a·i</c>.</summary>
    public ReadOnlySpan<int> LeftCayley => LeftTable();

    /// <summary>a·(p·b) = (a·p)·b: each row from its prefix's row (Froidure–Pin), letters from the right graph.</summary>
    private int[] LeftTable()
    {
        if (_left is not null) return _left;
        int k = _k;
        var left = new int[_count * k];
        for (int i = 0; i < _count; i++)
        {
            int p = _prefix[i], b = _last[i];
            for (int a = 0; a < k; a++)
                left[i * k + a] = p < 0 ? _right[_generator[a] * k + b] : _right[left[p * k + a] * k + b];
        }
        return _left = left;
    }

    /// <summary>The product x·y (first x, then y), following y's letters (first letter, then suffix) through the right Cayley graph.</summary>
    /// <param name="x">Element index.</param>
    /// <param name="y">Element index.</param>
    public int Multiply(int x, int y)
    {
        int k = _k;
        for (; y >= 0; y = _suffix[y]) x = _right[x * k + _first[y]];
        return x;
    }

    /// <summary>The element of a non-empty word.</summary>
    /// <param name="word">A non-empty word.</param>
    public int ElementOf(Word word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length == 0) throw new ArgumentException("the empty word is not in the semigroup S (it is the identity of the monoid)", nameof(word));
        int x = _generator[word[0]];
        for (int i = 1; i < word.Length; i++) x = _right[x * _k + word[i]];
        return x;
    }

    /// <summary>The index of a transformation, or −1 when it is not in S.</summary>
    /// <param name="transformation">result[q] = q·w for all states q.</param>
    public int IndexOf(ReadOnlySpan<int> transformation)
    {
        if (transformation.Length != _n) return -1;
        int h = Hash(transformation);
        int mask = _slots.Length - 1;
        for (int slot = h & mask; ; slot = (slot + 1) & mask)
        {
            int e = _slots[slot] - 1;
            if (e < 0) return -1;
            if (_hash[e] == h && Element(e).SequenceEqual(transformation)) return e;
        }
    }

    /// <summary>The index of a transformation, or −1 when it is not in S.</summary>
    /// <param name="transformation">result[q] = q·w for all states q.</param>
    public int IndexOf(int[] transformation) => IndexOf(transformation.AsSpan());

    /// <summary>The index of the identity transformation if it lies in S, else −1 (the monoid M = S ∪ {1} then adds it).</summary>
    public int IdentityIndex
    {
        get
        {
            if (_identity == -2)
            {
                var id = new int[_n];
                for (int q = 0; q < _n; q++) id[q] = q;
                _identity = IndexOf(id);
            }
            return _identity;
        }
    }

    /// <summary>Size of the monoid M = S ∪ {1}.</summary>
    public int MonoidCount => IdentityIndex >= 0 ? Count : Count + 1;

    /// <summary>True when x·x = x (checked on the transformation: x(x(q)) = x(q)).</summary>
    /// <param name="x">Element index.</param>
    public bool IsIdempotent(int x)
    {
        if (_idempotent is null)
        {
            var flags = new bool[_count];
            for (int i = 0; i < _count; i++)
            {
                var t = Element(i);
                bool ok = true;
                for (int q = 0; q < t.Length && ok; q++) ok = t[t[q]] == t[q];
                flags[i] = ok;
            }
            _idempotent = flags;
        }
        return _idempotent[x];
    }

    /// <summary>The idempotents of S in index order.</summary>
    public IReadOnlyList<int> Idempotents => _idempotents ??= Enumerable.Range(0, Count).Where(IsIdempotent).ToList();

    /// <summary>x^ω, the unique idempotent power of x.</summary>
    /// <param name="x">Element index.</param>
    public int Omega(int x)
    {
        if (_omega is null)
        {
            _omega = new int[Count];
            Array.Fill(_omega, -1);
        }
        if (_omega[x] >= 0) return _omega[x];
        int p = x;
        while (!IsIdempotent(p)) p = Multiply(p, x);
        return _omega[x] = p;
    }

    /// <summary>The local semigroup eSe = { e·s·e : s ∈ S } of an idempotent e (a monoid with identity e), sorted.</summary>
    /// <param name="e">An idempotent.</param>
    public IReadOnlyList<int> LocalMonoid(int e)
    {
        if (!IsIdempotent(e)) throw new ArgumentException($"element {e} is not idempotent", nameof(e));
        // eSe = { x : e·x = x = x·e }: x = e·s·e satisfies both, and such an x is e·x·e.
        var result = new List<int>();
        var te = Element(e);
        for (int x = 0; x < Count; x++)
        {
            var tx = Element(x);
            bool ok = true;
            for (int q = 0; q < _n && ok; q++) ok = tx[te[q]] == tx[q] && te[tx[q]] == tx[q];
            if (ok) result.Add(x);
        }
        return result;
    }

    /// <summary>Green's relations R, L, J (= D, finite semigroup) and H, from strongly connected components of the Cayley graphs.</summary>
    public GreenRelations Green => _green ??= GreenRelations.Compute(this);
}
