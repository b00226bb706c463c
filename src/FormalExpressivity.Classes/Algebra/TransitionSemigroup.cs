using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Classes.Algebra;

/// <summary>
/// The transition semigroup S of a complete DFA: the transformations q ↦ q·w of its states induced
/// by the non-empty words w, enumerated Froidure–Pin style (Froidure &amp; Pin 1997): breadth first from
/// the letters, extending each element by every letter in declared order, so every element carries its
/// shortlex-least representative word and the right Cayley graph comes for free. For the minimal DFA S
/// is the syntactic semigroup and S ∪ {1} the syntactic monoid. Composition: (x·y)(q) = y(x(q)).
/// </summary>
public sealed class TransitionSemigroup
{
    /// <summary>The default element budget <c>max-semigroup</c>.</summary>
    public const int DefaultMaxElements = FormalExpressivity.Core.Limits.Budgets.DefaultMaxSemigroup;

    private readonly List<int[]> _elements;
    private readonly List<Word> _reps;
    private readonly int[] _right;
    private readonly Dictionary<int[], int> _index;
    private readonly int[] _generator;
    private int[]? _left;
    private int[]? _omega;
    private List<int>? _idempotents;
    private GreenRelations? _green;

    private TransitionSemigroup(Dfa dfa, List<int[]> elements, List<Word> reps, int[] right, Dictionary<int[], int> index, int[] generator)
    {
        Dfa = dfa;
        _elements = elements;
        _reps = reps;
        _right = right;
        _index = index;
        _generator = generator;
    }

    /// <summary>The DFA whose transformations these are.</summary>
    public Dfa Dfa { get; }

    /// <summary>|S|, the number of elements (non-empty words' transformations).</summary>
    public int Count => _elements.Count;

    /// <summary>Enumerates S. Throws <see cref="BudgetExceededException"/> (budget <c>max-semigroup</c>) when S has more than <paramref name="maxElements"/> elements.</summary>
    /// <param name="dfa">A complete DFA (for the syntactic semigroup: the minimal one).</param>
    /// <param name="maxElements">The element budget.</param>
    public static TransitionSemigroup Create(Dfa dfa, int maxElements = DefaultMaxElements)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        var s = Enumerate(dfa, maxElements, null, out _);
        return s!;
    }

    /// <summary>
    /// Enumerates S in shortlex order of representatives until an element satisfies
    /// <paramref name="predicate"/>; returns its representative, or <c>null</c> when no element does.
    /// Subject to the same budget as <see cref="Create"/>.
    /// </summary>
    /// <param name="dfa">A complete DFA.</param>
    /// <param name="maxElements">The element budget.</param>
    /// <param name="predicate">Tested on every transformation (result[q] = q·w) as it is found.</param>
    public static Word? FindElement(Dfa dfa, int maxElements, Func<int[], bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        ArgumentNullException.ThrowIfNull(predicate);
        Enumerate(dfa, maxElements, predicate, out var found);
        return found;
    }

    private static TransitionSemigroup? Enumerate(Dfa dfa, int maxElements, Func<int[], bool>? stop, out Word? found)
    {
        found = null;
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var table = dfa.Table.ToArray();
        var elements = new List<int[]>();
        var reps = new List<Word>();
        var right = new List<int>();
        var index = new Dictionary<int[], int>(TransformationComparer.Instance);
        var generator = new int[k];
        int Add(int[] t, Word w)
        {
            if (index.TryGetValue(t, out int i)) return i;
            if (elements.Count >= maxElements)
                throw new BudgetExceededException("max-semigroup", maxElements, $"the transition semigroup of a {n}-state DFA");
            i = elements.Count;
            index[t] = i;
            elements.Add(t);
            reps.Add(w);
            return i;
        }
        for (int a = 0; a < k; a++)
        {
            var t = new int[n];
            for (int q = 0; q < n; q++) t[q] = table[q * k + a];
            int before = elements.Count;
            generator[a] = Add(t, Word.Of(a));
            if (elements.Count > before && stop is not null && stop(t)) { found = reps[generator[a]]; return null; }
        }
        for (int i = 0; i < elements.Count; i++)
        {
            var x = elements[i];
            for (int a = 0; a < k; a++)
            {
                var t = new int[n];
                for (int q = 0; q < n; q++) t[q] = table[x[q] * k + a];
                int before = elements.Count;
                int j = Add(t, reps[i].Append(a));
                right.Add(j);
                if (elements.Count > before && stop is not null && stop(t)) { found = reps[j]; return null; }
            }
        }
        return new TransitionSemigroup(dfa, elements, reps, right.ToArray(), index, generator);
    }

    /// <summary>The transformation of element <paramref name="i"/>: result[q] = q·w.</summary>
    /// <param name="i">Element index.</param>
    public ReadOnlySpan<int> Element(int i) => _elements[i];

    /// <summary>The shortlex-least non-empty word whose transformation is element <paramref name="i"/>.</summary>
    /// <param name="i">Element index (indices follow the shortlex order of representatives).</param>
    public Word Representative(int i) => _reps[i];

    /// <summary>The element of letter <paramref name="symbol"/>.</summary>
    /// <param name="symbol">Symbol index.</param>
    public int Generator(int symbol) => _generator[symbol];

    /// <summary>Right Cayley graph: the element i·a.</summary>
    /// <param name="i">Element index.</param>
    /// <param name="symbol">Symbol index.</param>
    public int RightMultiplyBySymbol(int i, int symbol) => _right[i * Dfa.SymbolCount + symbol];

    /// <summary>Left Cayley graph: the element a·i.</summary>
    /// <param name="i">Element index.</param>
    /// <param name="symbol">Symbol index.</param>
    public int LeftMultiplyBySymbol(int i, int symbol) => LeftTable()[i * Dfa.SymbolCount + symbol];

    /// <summary>The right Cayley graph as a flat table <c>[i*|Σ| + a] = i·a</c>.</summary>
    public ReadOnlySpan<int> RightCayley => _right;

    /// <summary>The left Cayley graph as a flat table <c>[i*|Σ| + a] = a·i</c>.</summary>
    public ReadOnlySpan<int> LeftCayley => LeftTable();

    private int[] LeftTable()
    {
        if (_left is not null) return _left;
        int n = Dfa.StateCount, k = Dfa.SymbolCount;
        var left = new int[Count * k];
        var t = new int[n];
        for (int i = 0; i < Count; i++)
        {
            var x = _elements[i];
            for (int a = 0; a < k; a++)
            {
                for (int q = 0; q < n; q++) t[q] = x[Dfa.Next(q, a)];
                left[i * k + a] = _index[t];
            }
        }
        return _left = left;
    }

    /// <summary>The product x·y (first x, then y), following y's representative through the right Cayley graph.</summary>
    /// <param name="x">Element index.</param>
    /// <param name="y">Element index.</param>
    public int Multiply(int x, int y)
    {
        int k = Dfa.SymbolCount;
        foreach (var a in _reps[y].Symbols) x = _right[x * k + a];
        return x;
    }

    /// <summary>The element of a non-empty word.</summary>
    /// <param name="word">A non-empty word.</param>
    public int ElementOf(Word word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length == 0) throw new ArgumentException("the empty word is not in the semigroup S (it is the identity of the monoid)", nameof(word));
        int x = _generator[word[0]];
        for (int i = 1; i < word.Length; i++) x = _right[x * Dfa.SymbolCount + word[i]];
        return x;
    }

    /// <summary>The index of a transformation, or −1 when it is not in S.</summary>
    /// <param name="transformation">result[q] = q·w for all states q.</param>
    public int IndexOf(int[] transformation) => _index.TryGetValue(transformation, out int i) ? i : -1;

    /// <summary>The index of the identity transformation if it lies in S, else −1 (the monoid M = S ∪ {1} then adds it).</summary>
    public int IdentityIndex => IndexOf(Enumerable.Range(0, Dfa.StateCount).ToArray());

    /// <summary>Size of the monoid M = S ∪ {1}.</summary>
    public int MonoidCount => IdentityIndex >= 0 ? Count : Count + 1;

    /// <summary>True when x·x = x.</summary>
    /// <param name="x">Element index.</param>
    public bool IsIdempotent(int x) => Multiply(x, x) == x;

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
        var set = new SortedSet<int>();
        for (int s = 0; s < Count; s++) set.Add(Multiply(Multiply(e, s), e));
        return set.ToList();
    }

    /// <summary>Green's relations R, L, J (= D, finite semigroup) and H, from strongly connected components of the Cayley graphs.</summary>
    public GreenRelations Green => _green ??= GreenRelations.Compute(this);

    private sealed class TransformationComparer : IEqualityComparer<int[]>
    {
        public static readonly TransformationComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var h = new HashCode();
            h.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(obj.AsSpan()));
            return h.ToHashCode();
        }
    }
}
