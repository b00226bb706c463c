using FormalExpressivity.Automata;

namespace FormalExpressivity.Corpora;

/// <summary>How the strings of each length are chosen.</summary>
public enum CorpusGeneratorKind
{
    /// <summary><c>exhaustive</c>: every word of every length in the range (Σ^{≤n} when the range starts at 0), in shortlex order, labelled by L.</summary>
    Exhaustive,

    /// <summary><c>uniform</c>: <see cref="CorpusOptions.PerLength"/> words drawn uniformly from Σ^n, labelled by L (labels are as unbalanced as L is).</summary>
    Uniform,

    /// <summary><c>positive</c>: <see cref="CorpusOptions.PerLength"/> words drawn uniformly from the strategy's positives (⊆ L ∩ Σ^n).</summary>
    Positive,

    /// <summary><c>negative</c>: <see cref="CorpusOptions.PerLength"/> words drawn uniformly from the strategy's negatives (⊆ Σ^n ∖ L).</summary>
    Negative,

    /// <summary><c>balanced</c> (default): half positives, half negatives per length, each drawn uniformly from the strategy's sets.</summary>
    Balanced,
}

/// <summary>The two splits of the papers' experiments, which fix default length ranges.</summary>
public enum CorpusSplit
{
    /// <summary>Training lengths 1–40.</summary>
    Train,

    /// <summary>Test lengths 41–500.</summary>
    Test,
}

/// <summary>Everything that determines a corpus. The same options give byte-identical output.</summary>
public sealed record CorpusOptions
{
    /// <summary>The default number of strings per length (the papers' 512 per test length).</summary>
    public const int DefaultPerLength = 512;

    /// <summary>The default bound on the total number of strings.</summary>
    public const long DefaultMaxStrings = FormalExpressivity.Core.Limits.Budgets.DefaultMaxStrings;

    /// <summary>The DFA of L; every label is checked against it.</summary>
    public required Dfa Language { get; init; }

    /// <summary>How L was given (file name, regex, formula), recorded in the manifest.</summary>
    public string LanguageSpec { get; init; } = "";

    /// <summary>The generator.</summary>
    public CorpusGeneratorKind Generator { get; init; } = CorpusGeneratorKind.Balanced;

    /// <summary>The strategy name (see <see cref="Strategies.CorpusStrategies"/>); only <c>uniform</c> for the exhaustive and uniform generators.</summary>
    public string Strategy { get; init; } = "uniform";

    /// <summary>The split the lengths come from, recorded in the manifest (null when lengths were given explicitly).</summary>
    public CorpusSplit? Split { get; init; }

    /// <summary>Smallest length (inclusive).</summary>
    public int MinLength { get; init; } = 41;

    /// <summary>Largest length (inclusive).</summary>
    public int MaxLength { get; init; } = 500;

    /// <summary>Strings per length (ignored by the exhaustive generator).</summary>
    public int PerLength { get; init; } = DefaultPerLength;

    /// <summary>The seed of the SplitMix64 streams (one per length).</summary>
    public ulong Seed { get; init; }

    /// <summary>Refuse to produce more strings than this (budget name <c>max-strings</c>).</summary>
    public long MaxStrings { get; init; } = DefaultMaxStrings;

    /// <summary>State budget of the near-miss automata built by the strategies (budget name <c>max-states</c>).</summary>
    public int MaxStates { get; init; } = Strategies.NearMisses.DefaultMaxStates;

    /// <summary>How many lengths may be generated at once (output order and bytes do not depend on it).</summary>
    public int Parallelism { get; init; } = Math.Max(1, Math.Min(Environment.ProcessorCount, 4));

    /// <summary>The papers' length range for a split: train 1–40, test 41–500.</summary>
    /// <param name="split">The split.</param>
    public static (int Min, int Max) DefaultLengths(CorpusSplit split) => split == CorpusSplit.Train ? (1, 40) : (41, 500);

    /// <summary>The generator's name as written on the command line and in manifests.</summary>
    /// <param name="kind">A generator.</param>
    public static string GeneratorName(CorpusGeneratorKind kind) => kind.ToString().ToLowerInvariant();
}
