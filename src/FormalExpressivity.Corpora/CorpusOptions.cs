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

/// <summary>One split of a dataset: a name and the length range its strings are drawn from.</summary>
/// <param name="Name">The split's name (<c>train</c>, <c>validation</c>, <c>test</c>, or any identifier): the file is <c>data/NAME.EXT</c>.</param>
/// <param name="MinLength">Smallest length (inclusive).</param>
/// <param name="MaxLength">Largest length (inclusive).</param>
public sealed record CorpusSplitSpec(string Name, int MinLength, int MaxLength)
{
    /// <summary>The papers' splits: train 1–40 and test 41–500.</summary>
    /// <param name="name"><c>train</c> or <c>test</c>.</param>
    public static CorpusSplitSpec Default(string name) => name == "train" ? new("train", 1, 40) : new("test", 41, 500);

    /// <summary>Whether length <paramref name="n"/> lies in the split's range.</summary>
    /// <param name="n">A length.</param>
    public bool Contains(int n) => n >= MinLength && n <= MaxLength;

    /// <summary>
    /// Parses <c>NAME=A-B[,NAME=A-B…]</c> (a single length <c>NAME=A</c> is allowed), e.g.
    /// <c>train=1-40,validation=1-40,test=41-500</c>. Names are identifiers and distinct.
    /// </summary>
    /// <param name="text">The option value.</param>
    /// <param name="splits">The splits in the order given.</param>
    /// <param name="error">Why the text is invalid, otherwise null.</param>
    public static bool TryParseList(string text, out IReadOnlyList<CorpusSplitSpec> splits, out string? error)
    {
        var list = new List<CorpusSplitSpec>();
        splits = list;
        error = null;
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? "" : part[..eq].Trim();
            if (eq < 0 || !FormalExpressivity.Core.Alphabets.Alphabet.IsValidName(name) || !TryParseRange(part[(eq + 1)..], out int min, out int max))
            {
                error = $"expected NAME=A-B with 0 ≤ A ≤ B (e.g. train=1-40,test=41-500), got '{part}'";
                return false;
            }
            if (list.Any(s => s.Name == name))
            {
                error = $"the split '{name}' is given twice";
                return false;
            }
            list.Add(new CorpusSplitSpec(name, min, max));
        }
        return true;
    }

    /// <summary>Parses <c>A-B</c> or <c>A</c> with 0 ≤ A ≤ B.</summary>
    /// <param name="text">The text.</param>
    /// <param name="min">A.</param>
    /// <param name="max">B.</param>
    public static bool TryParseRange(string text, out int min, out int max)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var none = System.Globalization.NumberStyles.None;
        min = max = 0;
        var parts = (text ?? "").Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 1 && int.TryParse(parts[0], none, inv, out min)) { max = min; return true; }
        return parts.Length == 2 && int.TryParse(parts[0], none, inv, out min) && int.TryParse(parts[1], none, inv, out max) && min <= max;
    }
}

/// <summary>The label columns written besides <c>label</c> (see <see cref="Writers.CorpusColumns"/>).</summary>
[Flags]
public enum CorpusLabels
{
    /// <summary><c>membership</c>: only the word's label.</summary>
    Membership = 0,

    /// <summary><c>prefix</c>: membership of every prefix (LC25), column <c>prefix_labels</c>.</summary>
    Prefix = 1,

    /// <summary><c>next-symbols</c>: FLaRe's next-symbol sets, column <c>next_symbols</c>.</summary>
    NextSymbols = 2,

    /// <summary><c>states</c>: the minimal DFA's state after every prefix, column <c>states</c>.</summary>
    States = 4,
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

    /// <summary>The splits (disjoint: no string is in two of them); null for one split <c>test</c> over <see cref="MinLength"/> … <see cref="MaxLength"/>.</summary>
    public IReadOnlyList<CorpusSplitSpec>? Splits { get; init; }

    /// <summary>Smallest length (inclusive) when <see cref="Splits"/> is null.</summary>
    public int MinLength { get; init; } = 41;

    /// <summary>Largest length (inclusive) when <see cref="Splits"/> is null.</summary>
    public int MaxLength { get; init; } = 500;

    /// <summary>The label columns written besides the word's label.</summary>
    public CorpusLabels Labels { get; init; } = CorpusLabels.Membership;

    /// <summary>The splits in effect: <see cref="Splits"/>, or one split <c>test</c> over <see cref="MinLength"/> … <see cref="MaxLength"/>.</summary>
    public IReadOnlyList<CorpusSplitSpec> EffectiveSplits => Splits ?? [new CorpusSplitSpec("test", MinLength, MaxLength)];

    /// <summary>Strings per length and split (ignored by the exhaustive generator).</summary>
    public int PerLength { get; init; } = DefaultPerLength;

    /// <summary>The seed of the SplitMix64 streams (one per length, mixed with the language's fingerprint); unused by the exhaustive generator.</summary>
    public ulong Seed { get; init; }

    /// <summary>Refuse to produce more strings than this (budget name <c>max-strings</c>).</summary>
    public long MaxStrings { get; init; } = DefaultMaxStrings;

    /// <summary>State budget of the near-miss automata built by the strategies (budget name <c>max-states</c>).</summary>
    public int MaxStates { get; init; } = Strategies.NearMisses.DefaultMaxStates;

    /// <summary>How many lengths may be generated at once (output order and bytes do not depend on it).</summary>
    public int Parallelism { get; init; } = Math.Max(1, Math.Min(Environment.ProcessorCount, 4));

    /// <summary>The generator's name as written on the command line and in manifests.</summary>
    /// <param name="kind">A generator.</param>
    public static string GeneratorName(CorpusGeneratorKind kind) => kind.ToString().ToLowerInvariant();
}
