using System.Numerics;
using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Randomness;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Corpora.Strategies;

namespace FormalExpressivity.Corpora;

/// <summary>
/// Generates a corpus length by length. Each length n has its own random stream
/// <c>SplitMix64(SplitMix64.Derive(seed, n))</c>, so the output depends only on the options —
/// not on the order or parallelism in which lengths are generated. Within a length, positives are
/// drawn first, then negatives, then the block is shuffled (Fisher–Yates) with the same stream.
/// Every label is re-checked against <see cref="CorpusOptions.Language"/>; a mismatch is a bug and
/// throws <see cref="InvalidOperationException"/>.
/// </summary>
public sealed class CorpusGenerator
{
    private readonly WordSampler? _positives;
    private readonly WordSampler? _negatives;

    /// <summary>Validates the options and prepares the counting tables.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="InputException">The options are inconsistent (code <c>FEX-CORPUS</c>).</exception>
    /// <exception cref="BudgetExceededException">The corpus would exceed <see cref="CorpusOptions.MaxStrings"/>.</exception>
    public CorpusGenerator(CorpusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        if (options.MinLength < 0 || options.MaxLength < options.MinLength)
            throw Error($"the length range {options.MinLength}-{options.MaxLength} is empty or negative");
        if (options.Generator != CorpusGeneratorKind.Exhaustive && options.PerLength < 1)
            throw Error($"--per-length must be at least 1 (got {options.PerLength})");
        if (!CorpusStrategies.TryCreate(options.Strategy, options.Language, out var strategy, out var error, options.MaxStates))
            throw Error(error!);
        if (options.Generator is CorpusGeneratorKind.Exhaustive or CorpusGeneratorKind.Uniform && strategy!.Name != "uniform")
            throw Error($"the {CorpusOptions.GeneratorName(options.Generator)} generator labels every word by L and takes no strategy (got '{strategy.Name}')");
        Strategy = strategy!;
        Lengths = Enumerable.Range(options.MinLength, options.MaxLength - options.MinLength + 1).Where(Strategy.IncludesLength).ToArray();
        long total = 0;
        foreach (var n in Lengths)
        {
            total += options.Generator == CorpusGeneratorKind.Exhaustive
                ? (long)BigInteger.Min(BigInteger.Pow(options.Language.SymbolCount, n), long.MaxValue / 2)
                : options.PerLength;
            if (total > options.MaxStrings) throw new BudgetExceededException("max-strings", options.MaxStrings, "the corpus");
        }
        if (options.Generator is CorpusGeneratorKind.Balanced or CorpusGeneratorKind.Positive)
            _positives = new WordSampler(new WordCounter(Strategy.Positives, options.MaxLength));
        if (options.Generator is CorpusGeneratorKind.Balanced or CorpusGeneratorKind.Negative)
            _negatives = new WordSampler(new WordCounter(Strategy.Negatives, options.MaxLength));
    }

    /// <summary>The options.</summary>
    public CorpusOptions Options { get; }

    /// <summary>The strategy in use.</summary>
    public CorpusStrategy Strategy { get; }

    /// <summary>The lengths the corpus covers, ascending (the range filtered by the strategy).</summary>
    public IReadOnlyList<int> Lengths { get; }

    /// <summary>The lengths of the range the strategy excludes (e.g. odd lengths for <c>one-symbol-edit-even</c>).</summary>
    public IEnumerable<int> SkippedLengths =>
        Enumerable.Range(Options.MinLength, Options.MaxLength - Options.MinLength + 1).Where(n => !Strategy.IncludesLength(n));

    /// <summary>
    /// The blocks in ascending length order. With <see cref="CorpusOptions.Parallelism"/> p &gt; 1,
    /// lengths are generated in batches of 2p on p threads, so at most 2p blocks are held at once.
    /// </summary>
    public IEnumerable<CorpusBlock> Blocks()
    {
        int p = Math.Max(1, Options.Parallelism);
        if (p == 1)
        {
            foreach (var n in Lengths) yield return GenerateLength(n);
            yield break;
        }
        int batch = 2 * p;
        var buffer = new CorpusBlock[batch];
        for (int start = 0; start < Lengths.Count; start += batch)
        {
            int count = Math.Min(batch, Lengths.Count - start);
            try
            {
                Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = p }, i => buffer[i] = GenerateLength(Lengths[start + i]));
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }
            for (int i = 0; i < count; i++) yield return buffer[i];
        }
    }

    /// <summary>Generates the block of length <paramref name="n"/> (thread-safe; depends only on the options and n).</summary>
    /// <param name="n">A length of the range.</param>
    public CorpusBlock GenerateLength(int n)
    {
        var rng = new SplitMix64(SplitMix64.Derive(Options.Seed, (ulong)n));
        var words = new List<Word>();
        var labels = new List<bool>();
        string? note = null;
        switch (Options.Generator)
        {
            case CorpusGeneratorKind.Exhaustive:
                foreach (var w in AllWords(Options.Language.SymbolCount, n)) Add(w, Options.Language.Accepts(w));
                return Finish(shuffle: false);
            case CorpusGeneratorKind.Uniform:
            {
                var buffer = new int[n];
                for (int i = 0; i < Options.PerLength; i++)
                {
                    for (int j = 0; j < n; j++) buffer[j] = rng.NextInt(Options.Language.SymbolCount);
                    var w = Word.Of(buffer);
                    Add(w, Options.Language.Accepts(w));
                }
                return Finish(shuffle: false);
            }
            case CorpusGeneratorKind.Positive:
                if (!Draw(_positives!, n, Options.PerLength, true)) note = $"no positive string of length {n} ({Strategy.Name})";
                return Finish(shuffle: false);
            case CorpusGeneratorKind.Negative:
                if (!Draw(_negatives!, n, Options.PerLength, false)) note = $"no negative string of length {n} ({Strategy.Name})";
                return Finish(shuffle: false);
            default:
            {
                bool hasPos = !_positives!.Counter.Count(n).IsZero, hasNeg = !_negatives!.Counter.Count(n).IsZero;
                int pos = Options.PerLength / 2, neg = Options.PerLength - pos;
                if (!hasPos && !hasNeg) { pos = neg = 0; note = $"neither a positive nor a negative string of length {n} exists ({Strategy.Name}); length skipped"; }
                else if (!hasPos) { pos = 0; neg = Options.PerLength; note = $"no positive string of length {n} exists ({Strategy.Name}); all {neg} strings are negative"; }
                else if (!hasNeg) { neg = 0; pos = Options.PerLength; note = $"no negative string of length {n} exists ({Strategy.Name}); all {pos} strings are positive"; }
                Draw(_positives, n, pos, true);
                Draw(_negatives, n, neg, false);
                return Finish(shuffle: true);
            }
        }

        bool Draw(WordSampler sampler, int length, int count, bool label)
        {
            if (count == 0) return true;
            if (sampler.Counter.Count(length).IsZero) return false;
            var buffer = new int[length];
            for (int i = 0; i < count; i++)
            {
                sampler.SampleInto(buffer, inLanguage: true, rng);
                Add(Word.Of(buffer), label);
            }
            return true;
        }

        void Add(Word w, bool label)
        {
            if (Options.Language.Accepts(w) != label)
                throw new InvalidOperationException($"internal error: '{w.Format(Options.Language.Alphabet)}' was drawn as {(label ? "positive" : "negative")} by {Strategy.Name} but L says otherwise");
            words.Add(w);
            labels.Add(label);
        }

        CorpusBlock Finish(bool shuffle)
        {
            if (shuffle && words.Count > 1)
            {
                var order = Enumerable.Range(0, words.Count).ToArray();
                rng.Shuffle(order.AsSpan());
                return new CorpusBlock(n, order.Select(i => words[i]).ToArray(), order.Select(i => labels[i]).ToArray(), note);
            }
            return new CorpusBlock(n, words, labels, note);
        }
    }

    private static IEnumerable<Word> AllWords(int k, int n)
    {
        var w = new int[n];
        while (true)
        {
            yield return Word.Of(w);
            int i = n - 1;
            while (i >= 0 && w[i] == k - 1) w[i--] = 0;
            if (i < 0) yield break;
            w[i]++;
        }
    }

    private static InputException Error(string message) => new("FEX-CORPUS", message);
}
