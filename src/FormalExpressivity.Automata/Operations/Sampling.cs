using System.Numerics;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Randomness;

namespace FormalExpressivity.Automata.Operations;

/// <summary>
/// Exact uniform sampling of words of a given length from L ∩ Σ^n or from Σ^n ∖ L, and shortlex
/// ranking/unranking within one length, on top of a <see cref="WordCounter"/>.
/// </summary>
/// <remarks>
/// <para><b>Law.</b> Walking forward from the start state with n symbols left, choosing symbol a in
/// state q with probability N(δ(q, a), m − 1) / N(q, m) (N counting accepted, or rejected, words;
/// m the number of symbols left) yields every word of the target set with probability
/// Π N(child)/N(parent) = 1 / N(start, n): the product telescopes. Choosing "the a whose cumulative
/// interval contains a uniform R ∈ [0, N(q, m))" realises exactly that distribution.</para>
/// <para><b>Fast exact draw.</b> <see cref="Sample"/> does not draw R as a big integer. At each
/// step it scales the cumulative counts C_a down by 2^s (s chosen so that N(q, m)/2^s &lt; 2^62),
/// draws the high part H of R uniformly among the ⌈N/2^s⌉ buckets, and compares H with ⌊C_a/2^s⌋.
/// Only when H falls in a bucket that straddles a boundary C_a (or the last, partial bucket) are the
/// s low bits of R drawn and the comparison made exactly — with rejection when R ≥ N. Each
/// accepted R is therefore uniform in [0, N) and the choice is exact, not approximate; the exact
/// path runs with probability about |Σ|/2^62 per step. Its twin, <see cref="SampleByUnranking"/>,
/// draws one big R below |target ∩ Σ^n| and unranks it; both are tested for uniformity.</para>
/// <para>Example: for (ab)* and n = 4 the only positive sample is abab; negatives are the other 15
/// words of length 4, each with probability 1/15.</para>
/// </remarks>
public sealed class WordSampler
{
    private readonly Lazy<StepTable> _accepted;
    private readonly Lazy<StepTable> _rejected;

    /// <summary>A sampler over the counts of <paramref name="counter"/>.</summary>
    /// <param name="counter">The counts; lengths up to its <see cref="WordCounter.MaxLength"/> can be sampled.</param>
    /// <param name="fastPathBits">
    /// How many high bits of each count the fast path compares (1 … 62, default 62). The result is
    /// exact for every value; smaller values only send more draws through the exact big-integer
    /// path (tests use this to exercise it).
    /// </param>
    public WordSampler(WordCounter counter, int fastPathBits = 62)
    {
        ArgumentNullException.ThrowIfNull(counter);
        if (fastPathBits is < 1 or > 62) throw new ArgumentOutOfRangeException(nameof(fastPathBits), "the fast path keeps 1 to 62 bits");
        Counter = counter;
        _accepted = new Lazy<StepTable>(() => new StepTable(counter, true, fastPathBits));
        _rejected = new Lazy<StepTable>(() => new StepTable(counter, false, fastPathBits));
    }

    /// <summary>A sampler for <paramref name="dfa"/> and lengths 0 … <paramref name="maxLength"/>.</summary>
    /// <param name="dfa">The DFA.</param>
    /// <param name="maxLength">The largest length to sample.</param>
    public WordSampler(Dfa dfa, int maxLength) : this(new WordCounter(dfa, maxLength)) { }

    /// <summary>The counts sampled from.</summary>
    public WordCounter Counter { get; }

    /// <summary>The DFA.</summary>
    public Dfa Dfa => Counter.Dfa;

    /// <summary>
    /// A uniformly random word of length <paramref name="n"/> from L (<paramref name="inLanguage"/>
    /// true) or from Σ^n ∖ L (false).
    /// </summary>
    /// <param name="n">The length, 0 … <see cref="WordCounter.MaxLength"/>.</param>
    /// <param name="inLanguage">Sample from L or from its complement.</param>
    /// <param name="rng">The random source.</param>
    /// <exception cref="InvalidOperationException">The target set has no word of length n.</exception>
    public Word Sample(int n, bool inLanguage, IRandomSource rng)
    {
        var buffer = new int[n];
        SampleInto(buffer, inLanguage, rng);
        return Word.Of(buffer);
    }

    /// <summary>Like <see cref="Sample"/>, but returns false instead of throwing when the target set is empty at length n.</summary>
    /// <param name="n">The length.</param>
    /// <param name="inLanguage">Sample from L or from its complement.</param>
    /// <param name="rng">The random source.</param>
    /// <param name="word">The sample, when one exists.</param>
    public bool TrySample(int n, bool inLanguage, IRandomSource rng, out Word? word)
    {
        word = null;
        if (Counter.CountFrom(Dfa.Start, n, inLanguage).IsZero) return false;
        word = Sample(n, inLanguage, rng);
        return true;
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with a uniformly random word of length
    /// <c>destination.Length</c> from L or from its complement (symbol indices). No allocation on
    /// the fast path.
    /// </summary>
    /// <param name="destination">Receives the symbols; its length is the word length.</param>
    /// <param name="inLanguage">Sample from L or from its complement.</param>
    /// <param name="rng">The random source.</param>
    /// <exception cref="InvalidOperationException">The target set has no word of that length.</exception>
    public void SampleInto(Span<int> destination, bool inLanguage, IRandomSource rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        int n = destination.Length;
        if (Counter.CountFrom(Dfa.Start, n, inLanguage).IsZero)
            throw new InvalidOperationException($"there is no word of length {n} {(inLanguage ? "in" : "outside")} the language");
        var t = (inLanguage ? _accepted : _rejected).Value;
        t.Walk(destination, rng);
    }

    /// <summary>
    /// The twin of <see cref="Sample"/>: draws one uniform big integer R below the size of the
    /// target set and returns <see cref="Unrank"/>(n, inLanguage, R).
    /// </summary>
    /// <param name="n">The length.</param>
    /// <param name="inLanguage">Sample from L or from its complement.</param>
    /// <param name="rng">The random source.</param>
    public Word SampleByUnranking(int n, bool inLanguage, IRandomSource rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var total = Counter.CountFrom(Dfa.Start, n, inLanguage);
        if (total.IsZero) throw new InvalidOperationException($"there is no word of length {n} {(inLanguage ? "in" : "outside")} the language");
        return Unrank(n, inLanguage, rng.NextBelow(total));
    }

    /// <summary>
    /// The word of zero-based rank <paramref name="rank"/> among the words of length
    /// <paramref name="n"/> in L (or outside L), ordered lexicographically by declared symbol order
    /// (the shortlex order restricted to one length).
    /// </summary>
    /// <param name="n">The length.</param>
    /// <param name="inLanguage">Rank within L or within its complement.</param>
    /// <param name="rank">0 ≤ rank &lt; the number of such words.</param>
    public Word Unrank(int n, bool inLanguage, BigInteger rank)
    {
        var total = Counter.CountFrom(Dfa.Start, n, inLanguage);
        if (rank.Sign < 0 || rank >= total)
            throw new ArgumentOutOfRangeException(nameof(rank), $"rank {rank} is outside 0..{total - 1} (there are {total} such words of length {n})");
        var dfa = Dfa;
        var result = new int[n];
        int q = dfa.Start;
        for (int i = 0; i < n; i++)
        {
            int left = n - i - 1;
            for (int a = 0; a < dfa.SymbolCount; a++)
            {
                int next = dfa.Next(q, a);
                var c = Counter.CountFrom(next, left, inLanguage);
                if (rank < c) { result[i] = a; q = next; break; }
                rank -= c;
            }
        }
        return Word.Of(result);
    }

    /// <summary>
    /// The inverse of <see cref="Unrank"/>: the zero-based rank of <paramref name="word"/> among the
    /// words of its length on the same side of L (in L when it is accepted, outside otherwise).
    /// </summary>
    /// <param name="word">A word of length at most <see cref="WordCounter.MaxLength"/>.</param>
    public BigInteger Rank(Word word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var dfa = Dfa;
        bool inLanguage = dfa.Accepts(word);
        var rank = BigInteger.Zero;
        int q = dfa.Start, n = word.Length;
        for (int i = 0; i < n; i++)
        {
            int left = n - i - 1;
            for (int a = 0; a < word[i]; a++) rank += Counter.CountFrom(dfa.Next(q, a), left, inLanguage);
            q = dfa.Next(q, word[i]);
        }
        return rank;
    }

    /// <summary>Per (remaining length, state) the scaled cumulative counts of one side (accepted or rejected).</summary>
    private sealed class StepTable
    {
        private readonly WordCounter _counter;
        private readonly bool _inLanguage;
        private readonly int _n, _k;
        private readonly int[] _delta;
        private readonly int[] _shift;       // [m * n + q]
        private readonly ulong[] _buckets;   // [m * n + q] = ⌈N(q, m) / 2^s⌉
        private readonly ulong[] _floor;     // [(m * n + q) * k + a] = ⌊C_a / 2^s⌋
        private readonly bool[] _exact;      // [(m * n + q) * k + a] = C_a divisible by 2^s

        public StepTable(WordCounter counter, bool inLanguage, int keepBits)
        {
            _counter = counter;
            _inLanguage = inLanguage;
            var dfa = counter.Dfa;
            _n = dfa.StateCount;
            _k = dfa.SymbolCount;
            _delta = dfa.Table.ToArray();
            int maxLen = counter.MaxLength;
            MemoryBudget.Current.Require((maxLen + 1L) * _n, 12 + 9L * _k, $"the sampling table of lengths 0-{maxLen} ({_n} states)");
            _shift = new int[(maxLen + 1) * _n];
            _buckets = new ulong[(maxLen + 1) * _n];
            _floor = new ulong[(maxLen + 1) * _n * _k];
            _exact = new bool[(maxLen + 1) * _n * _k];
            for (int m = 1; m <= maxLen; m++)
            {
                for (int q = 0; q < _n; q++)
                {
                    var total = counter.CountFrom(q, m, inLanguage);
                    if (total.IsZero) continue;
                    int s = Math.Max(0, (int)total.GetBitLength() - keepBits);
                    int node = m * _n + q;
                    _shift[node] = s;
                    var mask = (BigInteger.One << s) - 1;
                    _buckets[node] = (ulong)((total + mask) >> s);
                    var cumulative = BigInteger.Zero;
                    for (int a = 0; a < _k; a++)
                    {
                        cumulative += counter.CountFrom(_delta[q * _k + a], m - 1, inLanguage);
                        _floor[node * _k + a] = (ulong)(cumulative >> s);
                        _exact[node * _k + a] = (cumulative & mask).IsZero;
                    }
                }
            }
        }

        public void Walk(Span<int> destination, IRandomSource rng)
        {
            int q = _counter.Dfa.Start, n = destination.Length;
            for (int i = 0; i < n; i++)
            {
                int m = n - i, node = m * _n + q;
                int a = Choose(node, q, m, rng);
                destination[i] = a;
                q = _delta[q * _k + a];
            }
        }

        private int Choose(int node, int q, int m, IRandomSource rng)
        {
            ulong buckets = _buckets[node];
            int row = node * _k;
            while (true)
            {
                ulong h = rng.NextBelow(buckets);
                for (int a = 0; a < _k; a++)
                {
                    ulong f = _floor[row + a];
                    if (h < f) return a;
                    if (h == f && !_exact[row + a])
                    {
                        int exact = ChooseExactly(h, q, m, rng);
                        if (exact >= 0) return exact;
                        goto Redraw;
                    }
                }
                throw new InvalidOperationException("sampler table is inconsistent"); // unreachable: h < buckets = ⌈C_last/2^s⌉
            Redraw:;
            }
        }

        /// <summary>R = h·2^s + (s uniform low bits); −1 when R ≥ N (reject and redraw), else the symbol whose interval holds R.</summary>
        private int ChooseExactly(ulong h, int q, int m, IRandomSource rng)
        {
            int s = _shift[m * _n + q];
            var r = ((BigInteger)h << s) + rng.NextBits(s);
            var cumulative = BigInteger.Zero;
            for (int a = 0; a < _k; a++)
            {
                cumulative += _counter.CountFrom(_delta[q * _k + a], m - 1, _inLanguage);
                if (r < cumulative) return a;
            }
            return -1;
        }
    }
}
