using System.Numerics;
using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Randomness;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Corpora.Strategies;

namespace FormalExpressivity.Corpora;

/// <summary>
/// Generates a corpus length by length, for all splits at once, so that no string lands in two
/// splits. Each length n has its own random stream <c>SplitMix64(Derive(seed, key(L), n))</c>
/// (key(L): the first 64 bits of the language's fingerprint), so the output depends only on the
/// options and the language — not on the order or parallelism in which lengths are generated.
/// Within a length the strings of every split sharing it are drawn together <b>without
/// replacement</b> (positives, then negatives, each in random order) and dealt to the splits in
/// order; when fewer distinct strings exist than asked, all of them are taken and the plan says so.
/// Every label is re-checked against <see cref="CorpusOptions.Language"/>; a mismatch is a bug and
/// throws <see cref="InvalidOperationException"/>.
/// </summary>
public sealed partial class CorpusGenerator
{
    private readonly WordSampler? _positives;
    private readonly WordSampler? _negatives;
    private readonly LengthPlan[] _plan;

    /// <summary>Validates the options, prepares the counting tables and fixes the plan.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="InputException">The options are inconsistent (code <c>FEX-CORPUS</c>).</exception>
    /// <exception cref="BudgetExceededException">The corpus would exceed <see cref="CorpusOptions.MaxStrings"/>.</exception>
    public CorpusGenerator(CorpusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Splits = options.EffectiveSplits;
        if (Splits.Count == 0) throw Error("no split given");
        foreach (var s in Splits)
            if (s.MinLength < 0 || s.MaxLength < s.MinLength)
                throw Error($"the length range {s.MinLength}-{s.MaxLength} of split '{s.Name}' is empty or negative");
            else if (s.MaxLength > MaxSupportedLength)
                throw Error($"the length range {s.MinLength}-{s.MaxLength} of split '{s.Name}' goes beyond the longest supported length {MaxSupportedLength}; give shorter --lengths");
        if (options.Generator != CorpusGeneratorKind.Exhaustive && options.PerLength < 1)
            throw Error($"--per-length must be at least 1 (got {options.PerLength})");
        if (!CorpusStrategies.TryCreate(options.Strategy, options.Language, out var strategy, out var error, options.MaxStates))
            throw Error(error!);
        if (options.Generator is CorpusGeneratorKind.Exhaustive or CorpusGeneratorKind.Uniform && strategy!.Name != "uniform")
            throw Error($"the {CorpusOptions.GeneratorName(options.Generator)} generator labels every word by L and takes no strategy (got '{strategy.Name}')");
        if (options.Generator == CorpusGeneratorKind.Exhaustive)
            for (int i = 0; i < Splits.Count; i++)
                for (int j = i + 1; j < Splits.Count; j++)
                    if (Splits[i].MinLength <= Splits[j].MaxLength && Splits[j].MinLength <= Splits[i].MaxLength)
                        throw Error($"the exhaustive generator writes every word once: the splits '{Splits[i].Name}' and '{Splits[j].Name}' share lengths; give them disjoint ranges");
        if (options.Labels.HasFlag(CorpusLabels.NextSymbols) && options.Language.SymbolCount > Writers.PositionLabels.MaxSymbols)
            throw Error($"next-symbol labels need at most {Writers.PositionLabels.MaxSymbols} symbols (the alphabet has {options.Language.SymbolCount})");
        Strategy = strategy!;
        Minimal = options.Language.Minimize();
        Fingerprint = CorpusManifest.Fingerprint(Minimal);
        LanguageKey = Convert.ToUInt64(Fingerprint[..16], 16);
        MaxLength = Splits.Max(s => s.MaxLength);
        var range = Enumerable.Range(0, MaxLength + 1).Where(n => Splits.Any(s => s.Contains(n))).ToArray();
        Lengths = range.Where(Strategy.IncludesLength).ToArray();
        SkippedLengths = range.Where(n => !Strategy.IncludesLength(n)).ToArray();
        if (options.Generator is CorpusGeneratorKind.Balanced or CorpusGeneratorKind.Positive)
            _positives = new WordSampler(new WordCounter(Strategy.Positives, MaxLength));
        if (options.Generator is CorpusGeneratorKind.Balanced or CorpusGeneratorKind.Negative)
            _negatives = new WordSampler(new WordCounter(Strategy.Negatives, MaxLength));
        _plan = new LengthPlan[Lengths.Count];
        long total = 0;
        for (int i = 0; i < Lengths.Count; i++)
        {
            _plan[i] = PlanLength(Lengths[i]);
            for (int s = 0; s < Splits.Count; s++) total += _plan[i].Count(s);
            if (total > options.MaxStrings) throw new BudgetExceededException("max-strings", options.MaxStrings, "the corpus");
        }
    }

    /// <summary>The options.</summary>
    public CorpusOptions Options { get; }

    /// <summary>The splits, in the order given.</summary>
    public IReadOnlyList<CorpusSplitSpec> Splits { get; }

    /// <summary>The strategy in use.</summary>
    public CorpusStrategy Strategy { get; }

    /// <summary>The canonical minimal DFA of L (its states are the <c>states</c> column).</summary>
    public Dfa Minimal { get; }

    /// <summary>The fingerprint of L (<see cref="CorpusManifest.Fingerprint"/>).</summary>
    public string Fingerprint { get; }

    /// <summary>The first 64 bits of the fingerprint, mixed into every random stream.</summary>
    public ulong LanguageKey { get; }

    /// <summary>The largest length of any split.</summary>
    public int MaxLength { get; }

    /// <summary>The lengths the corpus covers, ascending (the splits' ranges, filtered by the strategy).</summary>
    public IReadOnlyList<int> Lengths { get; }

    /// <summary>The lengths of the splits' ranges the strategy excludes (e.g. odd lengths for <c>one-symbol-edit-even</c>).</summary>
    public IReadOnlyList<int> SkippedLengths { get; }

    /// <summary>The plan, one entry per length of <see cref="Lengths"/>.</summary>
    public IReadOnlyList<LengthPlan> Plan => _plan;

    /// <summary>The planned number of strings of split <paramref name="split"/>.</summary>
    /// <param name="split">A split index.</param>
    public long PlannedCount(int split) => _plan.Sum(p => (long)p.Count(split));

    /// <summary>
    /// The blocks in ascending length order, and within a length in split order (splits that do not
    /// contain the length are left out). With <see cref="CorpusOptions.Parallelism"/> p &gt; 1, lengths
    /// are generated in batches of 2p on p threads, so at most 2p lengths are held at once.
    /// </summary>
    public IEnumerable<CorpusBlock> Blocks()
    {
        int p = Math.Max(1, Options.Parallelism);
        int batch = 2 * p;
        var buffer = new CorpusBlock[batch][];
        for (int start = 0; start < _plan.Length; start += batch)
        {
            int count = Math.Min(batch, _plan.Length - start);
            if (p == 1)
                for (int i = 0; i < count; i++) buffer[i] = GenerateLength(_plan[start + i]);
            else
            {
                try
                {
                    Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = p }, i => buffer[i] = GenerateLength(_plan[start + i]));
                }
                catch (AggregateException e) when (e.InnerExceptions.Count > 0)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
                }
            }
            for (int i = 0; i < count; i++)
                foreach (var block in buffer[i]) yield return block;
        }
    }

    /// <summary>The plan of length <paramref name="n"/>: what each split asks for, cut to what exists.</summary>
    private LengthPlan PlanLength(int n)
    {
        int k = Splits.Count;
        var labelled = new int[k];
        var pos = new int[k];
        var neg = new int[k];
        var asked = Splits.Select(s => s.Contains(n) ? Options.PerLength : 0).ToArray();
        string? note = null;
        var all = BigInteger.Pow(Options.Language.SymbolCount, n);
        switch (Options.Generator)
        {
            case CorpusGeneratorKind.Exhaustive:
                for (int s = 0; s < k; s++)
                    if (asked[s] > 0) labelled[s] = (int)BigInteger.Min(all, int.MaxValue);
                if (all > int.MaxValue) throw new BudgetExceededException("max-strings", Options.MaxStrings, "the corpus");
                break;
            case CorpusGeneratorKind.Uniform:
                note = Deal(asked, all, labelled, n, "strings");
                break;
            case CorpusGeneratorKind.Positive:
                note = Deal(asked, _positives!.Counter.Count(n), pos, n, "positive strings");
                break;
            case CorpusGeneratorKind.Negative:
                note = Deal(asked, _negatives!.Counter.Count(n), neg, n, "negative strings");
                break;
            default:
            {
                var havePos = _positives!.Counter.Count(n);
                var haveNeg = _negatives!.Counter.Count(n);
                var wantPos = asked.Select(a => havePos.IsZero ? 0 : haveNeg.IsZero ? a : a / 2).ToArray();
                var wantNeg = asked.Select((a, s) => a - wantPos[s]).ToArray();
                if (havePos.IsZero && haveNeg.IsZero) note = $"neither a positive nor a negative string of length {n} exists ({Strategy.Name}); length skipped";
                else if (havePos.IsZero) note = $"no positive string of length {n} exists ({Strategy.Name}); all strings are negative";
                else if (haveNeg.IsZero) note = $"no negative string of length {n} exists ({Strategy.Name}); all strings are positive";
                var notes = new[] { note, Deal(wantPos, havePos, pos, n, "positive strings"), Deal(wantNeg, haveNeg, neg, n, "negative strings") };
                note = notes.Any(x => x is not null) ? string.Join("; ", notes.Where(x => x is not null)) : null;
                break;
            }
        }
        return new LengthPlan(n, labelled, pos, neg, note);
    }

    /// <summary>
    /// Gives each split what it asked for, or — when only <paramref name="available"/> distinct strings
    /// exist — all of them, shared in proportion to the requests (remainders to the earlier splits).
    /// Returns the notice for a shortfall, else null.
    /// </summary>
    private static string? Deal(int[] asked, BigInteger available, int[] into, int n, string what)
    {
        long total = asked.Sum(a => (long)a);
        if (total == 0) return null;
        if (available >= total)
        {
            asked.CopyTo(into, 0);
            return null;
        }
        int have = (int)available, given = 0;
        for (int s = 0; s < asked.Length; s++) given += into[s] = (int)(have * (long)asked[s] / total);
        for (int s = 0; given < have; s = (s + 1) % asked.Length)
            if (asked[s] > into[s]) { into[s]++; given++; }
        return have == 0 ? null : $"length {n}: only {have} distinct {what} exist ({total} asked); all are used";
    }

    /// <summary>Generates the blocks of one length (thread-safe; depends only on the options, L and n).</summary>
    /// <param name="plan">The length's plan (from <see cref="Plan"/>).</param>
    public CorpusBlock[] GenerateLength(LengthPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        int n = plan.Length;
        var rng = new SplitMix64(SplitMix64.Derive(Options.Seed, LanguageKey, (ulong)n));
        var dfa = Options.Language;
        int k = Splits.Count;
        List<Word> labelled = [], positives = [], negatives = [];
        if (Options.Generator == CorpusGeneratorKind.Exhaustive)
        {
            if (plan.Labelled.Sum() > 0) labelled.AddRange(AllWords(dfa.SymbolCount, n));
        }
        else
        {
            labelled = DrawDistinct(null, n, plan.Labelled.Sum(), rng);
            positives = DrawDistinct(_positives, n, plan.Positives.Sum(), rng);
            negatives = DrawDistinct(_negatives, n, plan.Negatives.Sum(), rng);
        }
        var blocks = new List<CorpusBlock>();
        int li = 0, pi = 0, ni = 0;
        for (int s = 0; s < k; s++)
        {
            if (!Splits[s].Contains(n)) continue;
            var words = new List<Word>(plan.Count(s));
            var labels = new List<bool>(plan.Count(s));
            void Add(Word w, bool? label)
            {
                bool truth = dfa.Accepts(w);
                if (label is { } l && l != truth)
                    throw new InvalidOperationException($"internal error: '{w.Format(dfa.Alphabet)}' was drawn as {(l ? "positive" : "negative")} by {Strategy.Name} but L says otherwise");
                words.Add(w);
                labels.Add(truth);
            }
            for (int i = 0; i < plan.Labelled[s]; i++) Add(labelled[li++], null);
            for (int i = 0; i < plan.Positives[s]; i++) Add(positives[pi++], true);
            for (int i = 0; i < plan.Negatives[s]; i++) Add(negatives[ni++], false);
            if (plan.Positives[s] > 0 && plan.Negatives[s] > 0)
            {
                var order = Enumerable.Range(0, words.Count).ToArray();
                rng.Shuffle(order.AsSpan());
                words = order.Select(i => words[i]).ToList();
                labels = order.Select(i => labels[i]).ToList();
            }
            blocks.Add(new CorpusBlock(n, words, labels, plan.Note) { Split = s });
        }
        return [.. blocks];
    }

    private static InputException Error(string message) => new("FEX-CORPUS", message);

    /// <summary>The longest string length a corpus may ask for: lengths are enumerated and counted one by one, and no count may overflow.</summary>
    public const int MaxSupportedLength = 10_000_000;
}
