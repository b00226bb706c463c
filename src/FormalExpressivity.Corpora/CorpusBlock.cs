using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Corpora;

/// <summary>The strings of one length, in output order, with their labels (true = in L).</summary>
/// <param name="Length">The length n.</param>
/// <param name="Words">The strings.</param>
/// <param name="Labels">Their labels, index for index.</param>
/// <param name="Note">Why the block is unbalanced or empty (e.g. "no positive string of length 41"), otherwise null.</param>
public sealed record CorpusBlock(int Length, IReadOnlyList<Word> Words, IReadOnlyList<bool> Labels, string? Note)
{
    /// <summary>The number of positive strings.</summary>
    public int Positives => Labels.Count(l => l);

    /// <summary>The number of negative strings.</summary>
    public int Negatives => Labels.Count - Positives;
}
