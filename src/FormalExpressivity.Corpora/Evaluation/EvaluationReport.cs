namespace FormalExpressivity.Corpora.Evaluation;

/// <summary>Scores at one length.</summary>
/// <param name="Length">The length n.</param>
/// <param name="Total">Strings of length n.</param>
/// <param name="Correct">Correctly predicted strings.</param>
/// <param name="FalsePositives">Strings outside L predicted in L.</param>
/// <param name="FalseNegatives">Strings in L predicted outside L.</param>
/// <param name="Positives">Strings of length n in L (by the DFA).</param>
/// <param name="PositionsTotal">Per-position predictions scored at this length (0 without per-position predictions).</param>
/// <param name="PositionsCorrect">Correct per-position predictions.</param>
public sealed record LengthAccuracy(int Length, int Total, int Correct, int FalsePositives = 0, int FalseNegatives = 0, int Positives = 0, long PositionsTotal = 0, long PositionsCorrect = 0)
{
    /// <summary>Correct / Total (1 for an empty length).</summary>
    public double Accuracy => Total == 0 ? 1.0 : (double)Correct / Total;

    /// <summary>The 95 % Wilson interval of the accuracy.</summary>
    public BinomialInterval Interval => BinomialInterval.Wilson(Correct, Total);

    /// <summary>Strings of length n outside L.</summary>
    public int Negatives => Total - Positives;

    /// <summary>The 95 % Wilson interval of the false-positive rate FP / negatives.</summary>
    public BinomialInterval FalsePositiveInterval => BinomialInterval.Wilson(FalsePositives, Negatives);

    /// <summary>The 95 % Wilson interval of the false-negative rate FN / positives.</summary>
    public BinomialInterval FalseNegativeInterval => BinomialInterval.Wilson(FalseNegatives, Positives);

    /// <summary>PositionsCorrect / PositionsTotal (1 when no position was scored).</summary>
    public double PositionAccuracy => PositionsTotal == 0 ? 1.0 : (double)PositionsCorrect / PositionsTotal;
}

/// <summary>A string the model got wrong (or, in <see cref="EvaluationReport.CorpusLabelErrors"/>, a row whose written label is wrong).</summary>
/// <param name="Text">The string as written in the corpus.</param>
/// <param name="Length">Its length in symbols.</param>
/// <param name="Truth">Membership in L (by the DFA).</param>
/// <param name="Predicted">The model's label (or the corpus's written label).</param>
/// <param name="Line">Its line (row) in the predictions (or corpus) file.</param>
public sealed record FailingString(string Text, int Length, bool Truth, bool Predicted, int Line);

/// <summary>
/// A failure the theory explains: <paramref name="Failure"/> and <paramref name="Partner"/> have the
/// same depth-r type for the architecture (so every model of that architecture and depth gives them
/// the same output), different truth, and the model predicted them alike — so it is right on the
/// partner and wrong on the failure, as any model of the architecture that is right on the partner must be.
/// </summary>
/// <param name="Failure">The failing string.</param>
/// <param name="Partner">A correctly classified string of the same type and the opposite truth.</param>
public sealed record ExplainedPair(FailingString Failure, FailingString Partner);

/// <summary>The failure analysis for one architecture (one indistinguishability oracle).</summary>
/// <param name="Architecture">The architecture, e.g. <c>global</c>.</param>
/// <param name="Depth">The type depth r.</param>
/// <param name="Types">Distinct depth-r types among the corpus strings.</param>
/// <param name="MixedTypes">Types holding strings of both truths: no model of the architecture at depth r classifies all of them correctly.</param>
/// <param name="Explained">Failures with a same-type, opposite-truth partner that the model predicted alike (one <see cref="ExplainedPair"/> each, in file order).</param>
/// <param name="Unexplained">Failures with no such partner: the architecture's limit at depth r does not account for them.</param>
/// <param name="SeparatedBothWrong">Same-type pairs of opposite truth the model predicted differently and got both wrong (it separated what the architecture cannot, the wrong way round) — counted over types, one per type.</param>
/// <param name="Skipped">Why the analysis did not run (a type budget was exceeded; the message names the budget), else null — then every count is 0.</param>
public sealed record FailureAnalysis(string Architecture, int Depth, int Types, int MixedTypes, IReadOnlyList<ExplainedPair> Explained, int Unexplained, int SeparatedBothWrong, string? Skipped = null);

/// <summary>The result of comparing one model's predictions with the truth.</summary>
/// <param name="Model">The predictions file (or another name for the model).</param>
/// <param name="PerLength">Scores per tested length, ascending.</param>
/// <param name="Total">All predictions.</param>
/// <param name="Correct">Correct predictions.</param>
/// <param name="NStar">
/// N* (theory.md §9): the largest tested length N such that every tested length ≤ N has 100 %
/// accuracy; null when the shortest tested length is already imperfect.
/// </param>
/// <param name="Failures">Every failing string, in file order.</param>
/// <param name="Analyses">The failure analysis per architecture consulted.</param>
/// <param name="CorpusLabelErrors">Corpus rows whose written label (string or per-position) disagrees with the DFA (a corrupt corpus or a different language).</param>
public sealed record EvaluationReport(
    string Model,
    IReadOnlyList<LengthAccuracy> PerLength,
    int Total,
    int Correct,
    int? NStar,
    IReadOnlyList<FailingString> Failures,
    IReadOnlyList<FailureAnalysis> Analyses,
    IReadOnlyList<FailingString> CorpusLabelErrors)
{
    /// <summary>Correct / Total over all lengths (1 for an empty file).</summary>
    public double Accuracy => Total == 0 ? 1.0 : (double)Correct / Total;

    /// <summary>The 95 % Wilson interval of the overall accuracy.</summary>
    public BinomialInterval Interval => BinomialInterval.Wilson(Correct, Total);

    /// <summary>Whether per-position predictions were scored.</summary>
    public bool HasPositions => PerLength.Any(l => l.PositionsTotal > 0);

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
