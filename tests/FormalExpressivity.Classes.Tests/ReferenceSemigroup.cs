using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Tests;

/// <summary>
/// The slow, obvious transition semigroup (the implementation before issue 16, kept as the twin of the flat
/// Froidure–Pin <see cref="Algebra.TransitionSemigroup"/>): one <c>int[]</c> per element, a dictionary keyed by
/// arrays, words stored per element, both Cayley graphs by composing and looking up, Green's relations by
/// comparing the ideals x·S¹, S¹·x and S¹·x·S¹ as sets (quadratic: small semigroups only), and the class
/// identities of theory.md §4 checked literally over all elements (products by composing transformations).
/// </summary>
public sealed class ReferenceSemigroup
{
    private readonly Dictionary<string, int> _index = [];

    /// <summary>Enumerates S breadth first from the letters (null when it has more than <paramref name="max"/> elements).</summary>
    public static ReferenceSemigroup? Create(Dfa dfa, int max)
    {
        var s = new ReferenceSemigroup(dfa);
        int n = dfa.StateCount, k = dfa.SymbolCount;
        for (int a = 0; a < k; a++)
        {
            var t = new int[n];
            for (int q = 0; q < n; q++) t[q] = dfa.Next(q, a);
            s.Add(t, Word.Of(a));
        }
        for (int i = 0; i < s.Elements.Count; i++)
        {
            if (s.Elements.Count > max) return null;
            for (int a = 0; a < k; a++)
            {
                var t = new int[n];
                for (int q = 0; q < n; q++) t[q] = dfa.Next(s.Elements[i][q], a);
                s.Right.Add(s.Add(t, s.Words[i].Append(a)));
            }
        }
        if (s.Elements.Count > max) return null;
        for (int i = 0; i < s.Elements.Count; i++)
            for (int a = 0; a < k; a++)
            {
                var t = new int[n];
                for (int q = 0; q < n; q++) t[q] = s.Elements[i][dfa.Next(q, a)];
                s.Left.Add(s.Index(t));
            }
        return s;
    }

    private ReferenceSemigroup(Dfa dfa) => Dfa = dfa;

    public Dfa Dfa { get; }

    public List<int[]> Elements { get; } = [];

    public List<Word> Words { get; } = [];

    public List<int> Right { get; } = [];

    public List<int> Left { get; } = [];

    public int Count => Elements.Count;

    private static string Key(int[] t) => string.Join(',', t);

    private int Add(int[] t, Word w)
    {
        if (_index.TryGetValue(Key(t), out int i)) return i;
        _index[Key(t)] = Elements.Count;
        Elements.Add(t);
        Words.Add(w);
        return Elements.Count - 1;
    }

    public int Index(int[] t) => _index[Key(t)];

    public int Mul(int x, int y)
    {
        var t = new int[Dfa.StateCount];
        for (int q = 0; q < t.Length; q++) t[q] = Elements[y][Elements[x][q]];
        return Index(t);
    }

    public bool Idempotent(int x) => Mul(x, x) == x;

    public int Omega(int x)
    {
        int p = x;
        while (!Idempotent(p)) p = Mul(p, x);
        return p;
    }

    /// <summary>The ideal x·S¹ (right = true), S¹·x, or S¹·x·S¹ (both), as a set.</summary>
    public HashSet<int> Ideal(int x, bool left, bool right)
    {
        var set = new HashSet<int> { x };
        foreach (var s in Enumerable.Range(0, Count))
        {
            if (right) set.Add(Mul(x, s));
            if (left) set.Add(Mul(s, x));
            if (left && right)
                foreach (var t in Enumerable.Range(0, Count)) set.Add(Mul(Mul(s, x), t));
        }
        return set;
    }

    /// <summary>Green's classes as a partition: each class a sorted list, the list sorted.</summary>
    public List<string> Partition(bool left, bool right)
    {
        var ideals = Enumerable.Range(0, Count).Select(x => Ideal(x, left, right)).ToList();
        return Enumerable.Range(0, Count)
            .GroupBy(x => string.Join(',', ideals[x].Order()))
            .Select(g => string.Join(',', g.Order())).Order(StringComparer.Ordinal).ToList();
    }

    private IEnumerable<int> All => Enumerable.Range(0, Count);

    private IEnumerable<int> Idempotents => All.Where(Idempotent);

    private bool Aperiodic => All.All(x => Mul(Omega(x), x) == Omega(x));

    private bool RTrivial => All.All(x => All.All(y => { int e = Omega(Mul(x, y)); return Mul(e, x) == e; }));

    private bool LTrivial => All.All(x => All.All(y => { int e = Omega(Mul(x, y)); return Mul(y, e) == e; }));

    /// <summary>eSe as a set.</summary>
    private List<int> Local(int e) => All.Select(s => Mul(Mul(e, s), e)).Distinct().ToList();

    /// <summary>The literal membership of every class with a semigroup characterization (theory.md §4); null: too large for the cubic checks.</summary>
    public bool? Member(LanguageClass c) => c switch
    {
        LanguageClass.SF => Aperiodic,
        LanguageClass.R => RTrivial,
        LanguageClass.L => LTrivial,
        LanguageClass.J or LanguageClass.PT => RTrivial && LTrivial,
        LanguageClass.DA => All.All(x => All.All(y => { int e = Omega(Mul(x, y)); return Mul(Mul(e, x), e) == e; })),
        LanguageClass.D => Idempotents.All(e => All.All(s => Mul(s, e) == e)),
        LanguageClass.K => Idempotents.All(e => All.All(s => Mul(e, s) == e)),
        LanguageClass.LI => Idempotents.All(e => All.All(s => Mul(Mul(e, s), e) == e)),
        LanguageClass.LR => Idempotents.All(e =>
        {
            var local = Local(e);
            return local.All(x => local.All(y => { int f = Omega(Mul(x, y)); return Mul(f, x) == f; }));
        }),
        LanguageClass.LT => Idempotents.All(e =>
        {
            var local = Local(e);
            return local.All(Idempotent) && local.All(x => local.All(y => Mul(x, y) == Mul(y, x)));
        }),
        LanguageClass.LTT => Count > 40 ? null : Aperiodic && Idempotents.All(e => Idempotents.All(f =>
            All.All(x => All.All(y => All.All(z =>
                Mul(Mul(Mul(Mul(Mul(Mul(e, x), f), y), e), z), f) == Mul(Mul(Mul(Mul(Mul(Mul(e, z), f), y), e), x), f)))))),
        LanguageClass.REG => true,
        _ => null,
    };
}
