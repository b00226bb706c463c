using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Tests.Synthesis;

/// <summary>
/// The brute-force twin of the smallest-formula enumeration: every formula tree of a grammar up to a size
/// bound, without deduplication, evaluated straight from theory.md §2 on every position of every word up to a
/// length bound (no automata). Its trees are indexed by their values at N+1, so the trees agreeing with a
/// language on all short words are a superset of those defining it. With <c>nonStrict</c>, P and H are the
/// non-strict P⁼ and H⁼ (positions 1 … n, n itself included), built as φ ∨ P φ and φ ∧ H φ of 2|φ| + 2 nodes.
/// </summary>
internal sealed class FormulaTwin
{
    private readonly Alphabet _alphabet;
    private readonly int _bits;
    private readonly int[] _word, _position, _length;   // per bit: word index, position p (1 … n+1), n
    private readonly int[] _firstBit;                   // per word: the bit of position 1
    private readonly List<int[]> _words = [];
    private readonly List<(ulong[] Values, int Size, Func<LtlFormula> Build)> _trees = [];
    private readonly Dictionary<string, List<int>> _byEnd = [];

    public FormulaTwin(Alphabet alphabet, int maxLength, int maxSize, bool past, int window, bool counts, bool since, bool nonStrict = false)
    {
        _alphabet = alphabet;
        for (int n = 0; n <= maxLength; n++)
        {
            int total = (int)Math.Pow(alphabet.Count, n);
            for (int t = 0; t < total; t++)
            {
                var w = new int[n];
                for (int i = 0, x = t; i < n; i++, x /= alphabet.Count) w[i] = x % alphabet.Count;
                _words.Add(w);
            }
        }
        var word = new List<int>(); var pos = new List<int>(); var len = new List<int>();
        _firstBit = new int[_words.Count];
        for (int wi = 0; wi < _words.Count; wi++)
        {
            _firstBit[wi] = word.Count;
            for (int p = 1; p <= _words[wi].Length + 1; p++) { word.Add(wi); pos.Add(p); len.Add(_words[wi].Length); }
        }
        (_word, _position, _length, _bits) = ([.. word], [.. pos], [.. len], word.Count);

        var bySize = new List<List<int>> { new() };
        var level1 = new List<int>();
        Add(level1, Eval(_ => true), 1, () => Ltl.True);
        Add(level1, Eval(_ => false), 1, () => Ltl.False);
        for (int a = 0; a < alphabet.Count; a++)
        {
            int sym = a;
            string name = alphabet[a];
            Add(level1, Eval(b => _position[b] <= _length[b] && _words[_word[b]][_position[b] - 1] == sym), 1, () => Ltl.Atom(name));
        }
        bySize.Add(level1);
        // Unary operators with the size of their tree from the operand's: 1 + s, or 2 + 2s for P⁼ and H⁼.
        var unary = new List<(Func<ulong[], ulong[]> Apply, Func<LtlFormula, LtlFormula> Build, int Weight)> { (x => Eval(b => !Get(x, b)), Ltl.Not, 1) };
        if (window > 0)
        {
            int k = window;
            for (int c = 1; c <= (counts ? k : 1); c++)
            {
                int cc = c;
                unary.Add((x => Eval(b => Enumerable.Range(Math.Max(1, _position[b] - k), _position[b] - Math.Max(1, _position[b] - k)).Count(m => Get(x, Bit(b, m))) >= cc),
                    f => Ltl.WindowCount(k, cc, f), 1));
            }
        }
        if (past && nonStrict)
        {
            unary.Add((x => Eval(b => Enumerable.Range(1, _position[b]).Any(m => Get(x, Bit(b, m)))), f => Ltl.Or(f, Ltl.Past(f)), 2));
            unary.Add((x => Eval(b => Enumerable.Range(1, _position[b]).All(m => Get(x, Bit(b, m)))), f => Ltl.And(f, Ltl.Historically(f)), 2));
        }
        else if (past)
        {
            unary.Add((x => Eval(b => Enumerable.Range(1, _position[b] - 1).Any(m => Get(x, Bit(b, m)))), Ltl.Past, 1));
            unary.Add((x => Eval(b => Enumerable.Range(1, _position[b] - 1).All(m => Get(x, Bit(b, m)))), Ltl.Historically, 1));
        }
        var binary = new List<(Func<ulong[], ulong[], ulong[]> Apply, Func<LtlFormula, LtlFormula, LtlFormula> Build)>
        {
            ((x, y) => Eval(b => Get(x, b) && Get(y, b)), Ltl.And),
            ((x, y) => Eval(b => Get(x, b) || Get(y, b)), Ltl.Or),
        };
        if (since)
        {
            // φ S ψ at n: some 1 ≤ m < n with ψ(m) and φ(j) for every m < j < n.
            binary.Add(((x, y) => Eval(b => Enumerable.Range(1, _position[b] - 1).Any(m => Get(y, Bit(b, m)) && Enumerable.Range(m + 1, _position[b] - m - 1).All(j => Get(x, Bit(b, j))))), Ltl.Since));
        }
        for (int s = 2; s <= maxSize; s++)
        {
            var level = new List<int>();
            foreach (var (apply, build, weight) in unary)
            {
                int operand = (s - weight) / weight;
                if (operand < 1 || weight * operand + weight != s) continue;
                foreach (int c in bySize[operand])
                {
                    var child = _trees[c];
                    Add(level, apply(child.Values), s, () => build(child.Build()));
                }
            }
            foreach (var (apply, build) in binary)
                for (int s1 = 1; s1 <= s - 2; s1++)
                    foreach (int l in bySize[s1])
                        foreach (int r in bySize[s - 1 - s1])
                        {
                            var (left, right) = (_trees[l], _trees[r]);
                            Add(level, apply(left.Values, right.Values), s, () => build(left.Build(), right.Build()));
                        }
            bySize.Add(level);
        }
    }

    /// <summary>The number of trees enumerated.</summary>
    public int Count => _trees.Count;

    /// <summary>The trees whose values at N+1 agree with <paramref name="dfa"/> on every short word, smallest first.</summary>
    public IEnumerable<(int Size, Func<LtlFormula> Build)> Agreeing(Dfa dfa)
    {
        var end = new ulong[(_words.Count + 63) / 64];
        for (int w = 0; w < _words.Count; w++) if (dfa.Accepts(_words[w])) end[w >> 6] |= 1UL << (w & 63);
        return _byEnd.TryGetValue(string.Join(',', end), out var list) ? list.Select(i => (_trees[i].Size, _trees[i].Build)) : [];
    }

    private void Add(List<int> level, ulong[] values, int size, Func<LtlFormula> build)
    {
        int id = _trees.Count;
        _trees.Add((values, size, build));
        level.Add(id);
        var end = new ulong[(_words.Count + 63) / 64];
        for (int w = 0; w < _words.Count; w++) if (Get(values, Bit(_firstBit[w], _words[w].Length + 1))) end[w >> 6] |= 1UL << (w & 63);
        string key = string.Join(',', end);
        if (!_byEnd.TryGetValue(key, out var list)) _byEnd[key] = list = [];
        list.Add(id);
    }

    // The bit of position m in the word of bit b.
    private int Bit(int b, int m) => _firstBit[_word[b]] + m - 1;

    private ulong[] Eval(Func<int, bool> holds)
    {
        var v = new ulong[(_bits + 63) / 64];
        for (int b = 0; b < _bits; b++) if (holds(b)) v[b >> 6] |= 1UL << (b & 63);
        return v;
    }

    private static bool Get(ulong[] v, int b) => (v[b >> 6] >> (b & 63) & 1) != 0;
}
