namespace FormalExpressivity.Corpora.Evaluation;

/// <summary>Accuracy at one length.</summary>
/// <param name="Length">The length n.</param>
/// <param name="Total">Strings of length n.</param>
/// <param name="Correct">Correctly predicted strings.</param>
public sealed record LengthAccuracy(int Length, int Total, int Correct)
{
    /// <summary>Correct / Total (1 for an empty length).</summary>
    public double Accuracy => Total == 0 ? 1.0 : (double)Correct / Total;
}

/// <summary>A string the model got wrong.</summary>
/// <param name="Text">The string as written in the corpus.</param>
/// <param name="Length">Its length in symbols.</param>
/// <param name="Truth">Membership in L (by the DFA).</param>
/// <param name="Predicted">The model's label.</param>
/// <param name="Line">Its line (row) in the predictions file.</param>
public sealed record FailingString(string Text, int Length, bool Truth, bool Predicted, int Line);

/// <summary>Two failing strings, one in L and one not, that an architecture provably cannot separate.</summary>
/// <param name="Architecture">The architecture (from the oracle).</param>
/// <param name="Depth">The depth up to which the two are indistinguishable.</param>
/// <param name="InLanguage">The failing string in L.</param>
/// <param name="NotInLanguage">The failing string outside L.</param>
public sealed record IndistinguishablePair(string Architecture, int Depth, FailingString InLanguage, FailingString NotInLanguage);

/// <summary>The result of comparing predictions with the truth.</summary>
/// <param name="PerLength">Accuracy per tested length, ascending.</param>
/// <param name="Total">All predictions.</param>
/// <param name="Correct">Correct predictions.</param>
/// <param name="NStar">
/// N* (theory.md §9): the largest tested length N such that every tested length ≤ N has 100 %
/// accuracy; null when the shortest tested length is already imperfect.
/// </param>
/// <param name="Failures">Every failing string, in file order.</param>
/// <param name="Indistinguishable">Failing pairs an oracle proves inseparable for its architecture.</param>
/// <param name="CorpusLabelErrors">Corpus rows whose written label disagrees with the DFA (a corrupt corpus or a different language).</param>
/// <param name="Oracles">The architectures consulted for inseparable pairs (empty when no oracle is available).</param>
public sealed record EvaluationReport(
    IReadOnlyList<LengthAccuracy> PerLength,
    int Total,
    int Correct,
    int? NStar,
    IReadOnlyList<FailingString> Failures,
    IReadOnlyList<IndistinguishablePair> Indistinguishable,
    IReadOnlyList<FailingString> CorpusLabelErrors,
    IReadOnlyList<string> Oracles)
{
    /// <summary>Correct / Total over all lengths (1 for an empty file).</summary>
    public double Accuracy => Total == 0 ? 1.0 : (double)Correct / Total;

    /// <summary>
    /// N* from per-length accuracies: scan lengths in ascending order and stop at the first one
    /// below 100 %; N* is the last perfect length before it (all lengths perfect ⇒ the largest).
    /// Example: perfect at 41, 42, 43 and 99 % at 44 ⇒ N* = 43; imperfect at 41 ⇒ null.
    /// </summary>
    /// <param name="perLength">Per-length accuracies in any order.</param>
    public static int? ComputeNStar(IEnumerable<LengthAccuracy> perLength)
    {
        ArgumentNullException.ThrowIfNull(perLength);
        int? best = null;
        foreach (var l in perLength.OrderBy(l => l.Length))
        {
            if (l.Correct != l.Total) break;
            best = l.Length;
        }
        return best;
    }
}
