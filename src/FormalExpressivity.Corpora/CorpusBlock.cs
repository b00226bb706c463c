using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Corpora;

/// <summary>The strings of one length in one split, in output order, with their labels (true = in L).</summary>
/// <param name="Length">The length n.</param>
/// <param name="Words">The strings.</param>
/// <param name="Labels">Their labels, index for index.</param>
/// <param name="Note">Why the block is smaller than asked or unbalanced (e.g. "only 30 strings of length 10 exist"), otherwise null.</param>
public sealed record CorpusBlock(int Length, IReadOnlyList<Word> Words, IReadOnlyList<bool> Labels, string? Note)
{
    /// <summary>The index of the split (in <see cref="CorpusOptions.EffectiveSplits"/>) the block belongs to.</summary>
    public int Split { get; init; }

    /// <summary>The number of positive strings.</summary>
    public int Positives => Labels.Count(l => l);

    /// <summary>The number of negative strings.</summary>
    public int Negatives => Labels.Count - Positives;
}

/// <summary>
/// How many strings one length contributes to each split, fixed before anything is drawn (so ids
/// and the manifest are known up front). Index i of each array is split i; a split that does not
/// contain the length has zeros. <see cref="Labelled"/> counts strings drawn from Σⁿ and labelled by L
/// (exhaustive and uniform generators); <see cref="Positives"/> and <see cref="Negatives"/> strings
/// drawn from the strategy's sets.
/// </summary>
/// <param name="Length">The length n.</param>
/// <param name="Labelled">Per split: strings drawn from Σⁿ (labelled by L).</param>
/// <param name="Positives">Per split: strings drawn from the strategy's positives.</param>
/// <param name="Negatives">Per split: strings drawn from the strategy's negatives.</param>
/// <param name="Note">Why the length holds fewer strings than asked, or is unbalanced; otherwise null.</param>
public sealed record LengthPlan(int Length, int[] Labelled, int[] Positives, int[] Negatives, string? Note)
{
    /// <summary>The number of strings split <paramref name="split"/> receives at this length.</summary>
    /// <param name="split">A split index.</param>
    public int Count(int split) => Labelled[split] + Positives[split] + Negatives[split];
}
