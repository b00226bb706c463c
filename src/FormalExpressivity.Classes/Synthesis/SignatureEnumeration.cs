using System.Runtime.CompilerServices;
using FormalExpressivity.Automata;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Synthesis;

/// <summary>How a <see cref="SignatureEnumeration"/> answered for one language.</summary>
public enum SignatureVerdict
{
    /// <summary>A smallest formula: no formula of a smaller size agrees with L on the short words, and this one is proved equivalent to L.</summary>
    Smallest,

    /// <summary>No formula of size ≤ the maximum defines L (none even agrees with L on the words of length ≤ n).</summary>
    None,

    /// <summary>Formulas of the lower bound's size agree with L on the words of length ≤ n, but the ones tried are not equivalent to L: no formula is smaller than the bound, nothing more is known.</summary>
    Inconclusive,
}

/// <summary>The answer for one language: the proved smallest formula, or none up to the maximum size, or a lower bound only.</summary>
/// <param name="Verdict">The kind of answer.</param>
/// <param name="Formula">The smallest formula (<see cref="SignatureVerdict.Smallest"/>), else null.</param>
/// <param name="LowerBound">No formula of size &lt; this defines L (maximum size + 1 for <see cref="SignatureVerdict.None"/>).</param>
public sealed record SignatureAnswer(SignatureVerdict Verdict, LtlFormula? Formula, int LowerBound);

/// <summary>The answers of one run, in the order of the languages, with the number of ~n-classes first reached at each size (index = size; the last two sizes are streamed, not counted).</summary>
/// <param name="Answers">One per language.</param>
/// <param name="ClassesPerSize">New classes per stored size, of the first pass.</param>
/// <param name="Candidates">Candidate formulas built (all sizes).</param>
public sealed record SignatureRun(IReadOnlyList<SignatureAnswer> Answers, IReadOnlyList<long> ClassesPerSize, long Candidates)
{
    /// <summary>The passes, by increasing n (the later ones for the languages still inconclusive).</summary>
    public IReadOnlyList<SignaturePass> Passes { get; init; } = [];
}

/// <summary>One enumeration of a <see cref="SignatureEnumeration.Run"/>.</summary>
/// <param name="Length">n.</param>
/// <param name="Languages">The languages it matched.</param>
/// <param name="Inconclusive">Those left inconclusive.</param>
/// <param name="ClassesPerSize">New ~n-classes per stored size (index = size).</param>
/// <param name="Candidates">Candidates built.</param>
/// <param name="Bytes">The tables' memory (signatures, trees, hash slots).</param>
public sealed record SignaturePass(int Length, int Languages, int Inconclusive, IReadOnlyList<long> ClassesPerSize, long Candidates, long Bytes);

/// <summary>
/// Smallest formulas by signature congruence (docs/theory.md §"Smallest formulas", *Signatures*), a construction
/// independent of the position machines of <see cref="SmallestFormulaSearch"/>. Every operator of a
/// <see cref="FormulaGrammar"/> is a past operator, so "equal value at every position and at N+1 of every word of
/// length ≤ n" (~n, the <see cref="SignatureLayout"/> bits) is a congruence of the grammar. The enumeration keeps
/// one representative per ~n-class, size by size, exactly as the machine tables keep one per meaning: every class
/// of a formula of size ≤ s is reached at size ≤ s. Hence if no class of size &lt; s has L's end bits on the
/// words of length ≤ n, no formula of size &lt; s defines L (whatever n); at the first size where one has, a
/// candidate proved equivalent to L by <see cref="FormulaProof"/> is a smallest formula, and when none of the
/// candidates tried proves, the answer is only the lower bound (<see cref="SignatureVerdict.Inconclusive"/>).
/// Sizes up to max − 2 are stored; size max − 1 is streamed (each new class is matched, then every unary operator is
/// applied to it for size max), and size max computes only end bits. Σ must be {a, b} (two letters).
/// </summary>
public sealed class SignatureEnumeration
{
    // Formulas tried per language at its first matching size before the answer is inconclusive.
    private const int TriesPerLanguage = 64;
    private const int BlockBits = 16;

    private readonly FormalExpressivity.Core.Alphabets.Alphabet _alphabet;
    private readonly GrammarOperator[] _operators;
    private readonly SignatureLayout _layout;
    private readonly int _width, _half;
    // Representatives: signatures in blocks of 2^16, their tree (operator: −1 − leaf for ⊤, ⊥, atoms) and size.
    private readonly List<ulong[]> _blocks = [];
    private readonly List<uint> _hash = [];
    private readonly List<int> _op = [], _left = [], _right = [];
    private readonly List<byte> _size = [];
    private readonly List<List<int>> _levels = [[]];
    private int[] _slots = new int[1 << 16];
    private int _count;
    // Targets: the end parts of the languages, by their ulong 0 (the words of length ≤ 5), with a 2^16-bit prefilter.
    private readonly ulong[][] _targetEnds;
    private readonly Dictionary<ulong, List<int>> _targetsByLow = [];
    private readonly ulong[] _filter = new ulong[1 << 10];
    private readonly int[] _best;
    // The languages, and their answers once settled (proved or inconclusive at a completed stored size).
    private readonly IReadOnlyList<Dfa> _languages;
    private readonly SignatureAnswer?[] _settled;
    private readonly List<LtlFormula>[] _tries;
    private long _candidates;
    // Budget of Run: the most candidates over all passes (long.MaxValue: none).
    private long _maxCandidates = long.MaxValue;

    private SignatureEnumeration(FormalExpressivity.Core.Alphabets.Alphabet alphabet, IReadOnlyList<Dfa> languages, FormulaGrammar grammar, int length)
    {
        if (alphabet.Count != 2) throw new ArgumentException("the signature enumeration needs a two-letter alphabet", nameof(alphabet));
        _alphabet = alphabet;
        _operators = [.. grammar.Operators()];
        _layout = new SignatureLayout(length);
        (_width, _half) = (_layout.Width, _layout.Half);
        Array.Fill(_slots, -1);
        _targetEnds = new ulong[languages.Count][];
        _best = new int[languages.Count];
        _languages = languages;
        _settled = new SignatureAnswer?[languages.Count];
        _tries = new List<LtlFormula>[languages.Count];
        for (int t = 0; t < languages.Count; t++)
        {
            _targetEnds[t] = EndBits(languages[t]);
            _best[t] = int.MaxValue;
            _tries[t] = [];
            ulong low = _targetEnds[t][0];
            if (!_targetsByLow.TryGetValue(low, out var list)) _targetsByLow[low] = list = [];
            list.Add(t);
            ulong f = Filter(low);
            _filter[f >> 6] |= 1UL << (int)(f & 63);
        }
    }

    /// <summary>
    /// The smallest formula of <paramref name="architecture"/>'s grammar of size ≤ <paramref name="maxSize"/> for each language, from
    /// one enumeration of the ~n-classes for n = <paramref name="length"/>.
    /// </summary>
    /// <param name="languages">Languages over one two-letter alphabet.</param>
    /// <param name="architecture">The row whose <see cref="FormulaGrammar"/> is enumerated.</param>
    /// <param name="maxSize">The largest size (3 … 255).</param>
    /// <param name="length">n, the longest words of the signatures (6 … 16).</param>
    /// <param name="maxLength">
    /// The languages left <see cref="SignatureVerdict.Inconclusive"/> at n are enumerated again at n + 1, …, up to this
    /// length (finer classes: a false match at n — Y[&lt;=4] Y[&lt;=4] a agrees with P Y a on the words of length ≤ 8 —
    /// is told apart from L by a longer word). Defaults to <paramref name="length"/> (one pass).
    /// </param>
    /// <param name="maxCandidates">The most candidate formulas built over all passes.</param>
    /// <exception cref="BudgetExceededException">More than <paramref name="maxCandidates"/> candidates (budget <c>max-formula-work</c>).</exception>
    public static SignatureRun Run(IReadOnlyList<Dfa> languages, Architecture architecture, int maxSize, int length, int? maxLength = null, long maxCandidates = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(languages);
        var grammar = GrammarOf(architecture);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSize, 3);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxSize, 255);
        if (languages.Count == 0) return new SignatureRun([], [], 0);
        if (languages.Any(d => d.SymbolCount != 2 || !d.Alphabet.Equals(languages[0].Alphabet)))
            throw new ArgumentException("the signature enumeration needs languages over one two-letter alphabet", nameof(languages));
        var answers = new SignatureAnswer[languages.Count];
        var open = Enumerable.Range(0, languages.Count).ToList();
        IReadOnlyList<long>? perSize = null;
        long candidates = 0;
        var passes = new List<SignaturePass>();
        for (int n = length; open.Count > 0 && n <= (maxLength ?? length); n++)
        {
            var targets = open.Select(i => languages[i]).ToList();
            var e = new SignatureEnumeration(languages[0].Alphabet, targets, grammar, n) { _maxCandidates = maxCandidates - candidates };
            e.Enumerate(maxSize);
            var next = new List<int>();
            for (int t = 0; t < targets.Count; t++)
            {
                // A later pass only raises the lower bound: keep the larger one.
                var answer = e.Answer(t, maxSize);
                if (answers[open[t]] is { } before && answer.Verdict == SignatureVerdict.Inconclusive && before.LowerBound > answer.LowerBound) answer = before;
                answers[open[t]] = answer;
                if (answer.Verdict == SignatureVerdict.Inconclusive) next.Add(open[t]);
            }
            var classes = e._levels.Select(l => (long)l.Count).ToList();
            perSize ??= classes;
            candidates += e._candidates;
            passes.Add(new SignaturePass(n, targets.Count, next.Count, classes, e._candidates, e.Bytes));
            open = next;
        }
        return new SignatureRun(answers, perSize!, candidates) { Passes = passes };
    }

    /// <summary>
    /// The representatives of sizes ≤ <paramref name="maxSize"/> with their signatures (End part, then Out part), in
    /// enumeration order: for the tests, which compare every bit with the formula evaluated from the definitions.
    /// </summary>
    /// <param name="alphabet">A two-letter alphabet.</param>
    /// <param name="architecture">The row whose <see cref="FormulaGrammar"/> is enumerated.</param>
    /// <param name="maxSize">The largest size stored.</param>
    /// <param name="length">n (6 … 16).</param>
    public static IReadOnlyList<(LtlFormula Formula, ulong[] Signature)> Representatives(FormalExpressivity.Core.Alphabets.Alphabet alphabet, Architecture architecture, int maxSize, int length)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        var grammar = GrammarOf(architecture);
        var e = new SignatureEnumeration(alphabet, [], grammar, length);
        e.Store(maxSize);
        return [.. Enumerable.Range(0, e._count).Select(id => (e.Formula(id), e.Signature(id).ToArray()))];
    }

    /// <summary>
    /// The bit of word x (letter i = bit i − 1 of x, length <paramref name="level"/>) in a signature of
    /// <see cref="Representatives"/>: its value at N+1 (<paramref name="end"/>) or at the last position.
    /// </summary>
    /// <param name="signature">A signature.</param>
    /// <param name="length">The n it was built for.</param>
    /// <param name="end">The End part (else Out).</param>
    /// <param name="level">|w| (≥ 1 for Out).</param>
    /// <param name="x">The word's number.</param>
    public static bool Bit(ReadOnlySpan<ulong> signature, int length, bool end, int level, int x)
    {
        var layout = new SignatureLayout(length);
        return SignatureLayout.Get(end ? signature[..layout.Half] : signature[layout.Half..], level, x);
    }

    private static FormulaGrammar GrammarOf(Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return FormulaGrammar.For(architecture) ?? throw new ArgumentException($"{architecture.Key} has no formula grammar", nameof(architecture));
    }

    private SignatureAnswer Answer(int t, int maxSize)
    {
        if (_settled[t] is { } settled) return settled;
        if (_best[t] == int.MaxValue) return new SignatureAnswer(SignatureVerdict.None, null, maxSize + 1);
        var dfa = _languages[t];
        foreach (var f in _tries[t])
        {
            if (!FormulaProof.Check(f, dfa).Equivalent) continue;
            // The lower bound is a theorem: an equivalent formula smaller than it would refute the enumeration.
            if (f.Size < _best[t]) throw new InvalidOperationException($"internal error: {f} (size {f.Size}) defines the language below the signature bound {_best[t]}");
            if (f.Size == _best[t]) return new SignatureAnswer(SignatureVerdict.Smallest, f, _best[t]);
        }
        return new SignatureAnswer(SignatureVerdict.Inconclusive, null, _best[t]);
    }

    // L's value at N+1 on every word of length ≤ n.
    private ulong[] EndBits(Dfa dfa)
    {
        var end = new ulong[_half];
        int[] states = [dfa.Start];
        if (dfa.IsAccepting(dfa.Start)) SignatureLayout.Set(end, 0, 0);
        for (int l = 1; l <= _layout.Length; l++)
        {
            var next = new int[1 << l];
            for (int x = 0; x < next.Length; x++)
            {
                next[x] = dfa.Next(states[x & ((1 << (l - 1)) - 1)], (x >> (l - 1)) & 1);
                if (dfa.IsAccepting(next[x])) SignatureLayout.Set(end, l, x);
            }
            states = next;
        }
        return end;
    }

    private static ulong Filter(ulong low) => (low * 0x9E37_79B9_7F4A_7C15UL) >> 48;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool MayMatch(ulong low)
    {
        ulong f = Filter(low);
        return (_filter[f >> 6] & (1UL << (int)(f & 63))) != 0;
    }

    // Records a candidate of size s whose end part is `end` (ulong 0 already passed the filter): the formula is built only on a match.
    private void Match(ReadOnlySpan<ulong> end, int size, Func<LtlFormula> build)
    {
        if (!_targetsByLow.TryGetValue(end[0], out var list)) return;
        foreach (int t in list)
        {
            if (size > _best[t] || !end.SequenceEqual(_targetEnds[t])) continue;
            if (size < _best[t])
            {
                _best[t] = size;
                _tries[t].Clear();
            }
            if (_tries[t].Count < TriesPerLanguage) _tries[t].Add(build());
        }
    }

    /// <summary>The memory of the tables: signature blocks, per-class tree and hash, hash slots.</summary>
    private long Bytes => (long)_blocks.Count * (1 << BlockBits) * _width * 8 + (long)_count * 17 + (long)_slots.Length * 4;

    /// <summary>The most memory the tables may take (stored sizes), well under the 2-core test machines' RAM.</summary>
    private const long MaxBytes = 3L << 30;

    private Span<ulong> Signature(int id) => _blocks[id >> BlockBits].AsSpan((id & ((1 << BlockBits) - 1)) * _width, _width);

    private static uint Hash(ReadOnlySpan<ulong> s)
    {
        ulong h = 0x243F_6A88_85A3_08D3UL;
        foreach (ulong v in s) h = (h ^ v) * 0x9E37_79B9_7F4A_7C15UL ^ (h >> 31);
        return (uint)(h ^ (h >> 32));
    }

    // The representative with signature s, or −1.
    private int Find(ReadOnlySpan<ulong> s, uint h)
    {
        int mask = _slots.Length - 1;
        for (int i = (int)(h & (uint)mask); ; i = (i + 1) & mask)
        {
            int id = _slots[i];
            if (id < 0) return -1;
            if (_hash[id] == h && Signature(id).SequenceEqual(s)) return id;
        }
    }

    private int Add(ReadOnlySpan<ulong> s, uint h, int op, int left, int right, int size)
    {
        int id = _count++;
        if ((id >> BlockBits) == _blocks.Count)
        {
            if (Bytes + (1L << BlockBits) * _width * 8 > MaxBytes)
                throw new InvalidOperationException($"the signature tables of size {size} at n = {_layout.Length} would exceed {MaxBytes >> 30} GB ({_count} classes): lower the size or n");
            _blocks.Add(new ulong[(1 << BlockBits) * _width]);
        }
        s.CopyTo(Signature(id));
        _hash.Add(h);
        _op.Add(op); _left.Add(left); _right.Add(right); _size.Add((byte)size);
        if (2 * _count > _slots.Length) Grow();
        else Insert(id);
        return id;
    }

    private void Insert(int id)
    {
        int mask = _slots.Length - 1;
        int i = (int)(_hash[id] & (uint)mask);
        while (_slots[i] >= 0) i = (i + 1) & mask;
        _slots[i] = id;
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        Array.Fill(_slots, -1);
        for (int id = 0; id < _count; id++) Insert(id);
    }

    // The full signature of operator o applied to representatives a (and b) into r (scratch: a second buffer).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Apply(GrammarOperator op, ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> r, Span<ulong> scratch)
    {
        switch (op.Kind)
        {
            case GrammarOperatorKind.Not: _layout.Not(a, r); return;
            case GrammarOperatorKind.And: for (int i = 0; i < _width; i++) r[i] = a[i] & b[i]; return;
            case GrammarOperatorKind.Or: for (int i = 0; i < _width; i++) r[i] = a[i] | b[i]; return;
            case GrammarOperatorKind.PastOrNow or GrammarOperatorKind.HistoricallyAndNow:
                // P⁼φ = φ ∨ Pφ and H⁼φ = φ ∧ Hφ, as printed.
                bool or = op.Kind == GrammarOperatorKind.PastOrNow;
                Apply(new GrammarOperator(or ? GrammarOperatorKind.Past : GrammarOperatorKind.Historically), a, b, scratch, r);
                for (int i = 0; i < _width; i++) r[i] = or ? a[i] | scratch[i] : a[i] & scratch[i];
                return;
            default:
                var end = r[.._half];
                SignatureLayout.TemporalEnd(op, a[_half..], b.IsEmpty ? b : b[_half..], end, 0, _layout.Length);
                _layout.OutFromEnd(end, r[_half..]);
                return;
        }
    }

    // The end part only (for the last size), with an early exit when the words of length ≤ 5 already rule out every target.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ApplyEnd(GrammarOperator op, ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> end, Span<ulong> scratch)
    {
        switch (op.Kind)
        {
            case GrammarOperatorKind.Not:
                if (!MayMatch(~a[0] & 0x7FFF_FFFF_FFFF_FFFFUL)) return false;
                _layout.NotEnd(a, end);
                return true;
            case GrammarOperatorKind.And:
                if (!MayMatch(a[0] & b[0])) return false;
                for (int i = 0; i < _half; i++) end[i] = a[i] & b[i];
                return true;
            case GrammarOperatorKind.Or:
                if (!MayMatch(a[0] | b[0])) return false;
                for (int i = 0; i < _half; i++) end[i] = a[i] | b[i];
                return true;
            case GrammarOperatorKind.PastOrNow or GrammarOperatorKind.HistoricallyAndNow:
                Apply(op, a, b, scratch[.._width], scratch[_width..]);
                scratch[.._half].CopyTo(end);
                return MayMatch(end[0]);
            default:
                SignatureLayout.TemporalEnd(op, a[_half..], b.IsEmpty ? b : b[_half..], end, 0, 5);
                if (!MayMatch(end[0])) return false;
                SignatureLayout.TemporalEnd(op, a[_half..], b.IsEmpty ? b : b[_half..], end, 6, _layout.Length);
                return true;
        }
    }

    // One more candidate, within Run's budget.
    private void Count()
    {
        if (++_candidates > _maxCandidates)
            throw new BudgetExceededException("max-formula-work", _maxCandidates, $"the signature enumeration's candidates (n = {_layout.Length})");
    }

    private void Enumerate(int maxSize)
    {
        var (r, scratch) = Store(maxSize - 2, maxSize);
        if (_settled.Any(a => a is null)) Streamed(maxSize, r, scratch);
    }

    // After size s is complete: the languages first matched at s are proved (or left inconclusive); true when every language is settled.
    private bool Settle(int s, int maxSize)
    {
        bool all = true;
        for (int t = 0; t < _best.Length; t++)
        {
            if (_settled[t] is null && _best[t] == s) _settled[t] = Answer(t, maxSize);
            all &= _settled[t] is not null;
        }
        return all;
    }

    // Sizes 1 … stored: one representative per ~n-class, matched against the targets; returns the scratch buffers.
    private (ulong[] R, ulong[] Scratch) Store(int stored, int maxSize = int.MaxValue)
    {
        var r = new ulong[_width];
        var scratch = new ulong[2 * _width];
        // Size 1: ⊤, ⊥, the atoms (letter σ at the last position of u: bit ℓ − 1 of u's number is σ).
        var level = new List<int>();
        for (int leaf = 0; leaf < 2 + _alphabet.Count; leaf++)
        {
            Array.Clear(r);
            Span<ulong> end = r.AsSpan(0, _half), outPart = r.AsSpan(_half);
            for (int l = 0; l <= _layout.Length; l++)
                for (int x = 0; x < 1 << l; x++)
                {
                    if (leaf == 0) SignatureLayout.Set(end, l, x);
                    if (l > 0 && (leaf == 0 || (leaf >= 2 && ((x >> (l - 1)) & 1) == leaf - 2))) SignatureLayout.Set(outPart, l, x);
                }
            Offer(r, -1 - leaf, -1, -1, 1, level);
        }
        _levels.Add(level);
        if (maxSize != int.MaxValue && Settle(1, maxSize)) return (r, scratch);
        for (int s = 2; s <= stored; s++)
        {
            level = [];
            ForCandidates(s, (op, a, b) =>
            {
                Apply(_operators[op], Signature(a), b < 0 ? default : Signature(b), r, scratch);
                Offer(r, op, a, b, s, level);
            });
            _levels.Add(level);
            // Every language settled: the larger sizes cannot change an answer (stop early; a later pass of a few languages stops at their sizes).
            if (maxSize != int.MaxValue && Settle(s, maxSize)) break;
        }
        return (r, scratch);
    }

    private void Streamed(int maxSize, ulong[] r, ulong[] scratch)
    {
        // Size max − 1, streamed: each candidate new to the tables is matched and is the operand of the unary roots of size max.
        int penultimate = maxSize - 1;
        var end2 = new ulong[_half];
        ForCandidates(penultimate, (op, a, b) =>
        {
            Apply(_operators[op], Signature(a), b < 0 ? default : Signature(b), r, scratch);
            Count();
            if (Find(r, Hash(r)) >= 0) return;
            if (MayMatch(r[0])) Match(r.AsSpan(0, _half), penultimate, () => Build(op, a, b));
            for (int u = 0; u < _operators.Length; u++)
            {
                var unary = _operators[u];
                if (unary.Arity != 1 || unary.OperandSize(maxSize) != penultimate) continue;
                Count();
                if (ApplyEnd(unary, r, default, end2, scratch)) Match(end2, maxSize, () => _operators[u].Build(Build(op, a, b), null));
            }
        });
        // Size max: the other roots, end bits only.
        ForCandidates(maxSize, (op, a, b) =>
        {
            Count();
            if (ApplyEnd(_operators[op], Signature(a), b < 0 ? default : Signature(b), end2, scratch))
                Match(end2, maxSize, () => Build(op, a, b));
        }, skipOperandSize: penultimate);
    }

    // A candidate of a stored size: a new class becomes a representative and is matched against the targets.
    private void Offer(ReadOnlySpan<ulong> sig, int op, int left, int right, int size, List<int> level)
    {
        Count();
        uint h = Hash(sig);
        if (Find(sig, h) is int found and >= 0)
        {
            // A second formula of the representative's size in its class: one more to try if the representative fails its proof.
            if (op >= 0 && _size[found] == size && MayMatch(sig[0])) Match(sig[.._half], size, () => Build(op, left, right));
            return;
        }
        int id = Add(sig, h, op, left, right, size);
        level.Add(id);
        if (MayMatch(sig[0])) Match(sig[.._half], size, () => Formula(id));
    }

    // The candidates of size s in canonical order: each unary operator on its operand size, each binary operator on
    // pairs of sizes adding up to s − 1 (one order and distinct operands for ∧, ∨). Operands of size skipOperandSize are left out.
    private void ForCandidates(int s, Action<int, int, int> visit, int skipOperandSize = -1)
    {
        for (int o = 0; o < _operators.Length; o++)
        {
            var op = _operators[o];
            if (op.Arity == 1)
            {
                if (op.OperandSize(s) is int size && size != skipOperandSize)
                    foreach (int a in _levels[size]) visit(o, a, -1);
                continue;
            }
            for (int s1 = 1; s1 <= s - 2; s1++)
            {
                int s2 = s - 1 - s1;
                if (op.Commutative && s1 > s2) break;
                var left = _levels[s1];
                var right = _levels[s2];
                for (int i = 0; i < left.Count; i++)
                    for (int j = op.Commutative && s1 == s2 ? i + 1 : 0; j < right.Count; j++) visit(o, left[i], right[j]);
            }
        }
    }

    private LtlFormula Build(int op, int a, int b) => _operators[op].Build(Formula(a), b < 0 ? null : Formula(b));

    private LtlFormula Formula(int id)
    {
        int op = _op[id];
        if (op == -1) return Ltl.True;
        if (op == -2) return Ltl.False;
        if (op <= -3) return Ltl.Atom(_alphabet[-3 - op]);
        return Build(op, _left[id], _right[id]);
    }
}
