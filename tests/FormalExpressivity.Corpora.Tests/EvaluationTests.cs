using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Corpora.Evaluation;

namespace FormalExpressivity.Corpora.Tests;

public class EvaluationTests
{
    // PARITY (even number of b). Truth: a ∈, b ∉, ab ∉, bb ∈, aaa ∈, abb ∈, bab ∈, abab ∈, aaab ∉.
    private const string Corpus = """
        {"string":"a","length":1,"label":true}
        {"string":"b","length":1,"label":false}
        {"string":"ab","length":2,"label":false}
        {"string":"bb","length":2,"label":true}
        {"string":"aaa","length":3,"label":true}
        {"string":"abb","length":3,"label":true}
        {"string":"bab","length":3,"label":true}
        {"string":"abab","length":4,"label":true}
        {"string":"aaab","length":4,"label":false}
        """;

    // Wrong: abb (length 3) and aaab (length 4).
    private const string Predictions = """
        {"string":"a","predicted":true}
        {"string":"b","predicted":0}
        {"string":"ab","predicted":false}
        {"string":"bb","predicted":1}
        {"string":"aaa","predicted":true}
        {"string":"abb","predicted":false}
        {"string":"bab","predicted":true}
        {"string":"abab","predicted":true}
        {"string":"aaab","predicted":true}
        """;

    private static (string Corpus, string Predictions) Files(TempDir dir, string corpus, string predictions, string ext = "jsonl")
    {
        File.WriteAllText(dir.File("corpus.jsonl"), corpus);
        File.WriteAllText(dir.File("pred." + ext), predictions);
        return (dir.File("corpus.jsonl"), dir.File("pred." + ext));
    }

    [Test]
    public void Reports_accuracy_per_length_N_star_and_failing_strings()
    {
        using var dir = new TempDir();
        var (c, p) = Files(dir, Corpus, Predictions);
        var report = Evaluator.EvaluateFiles(PaperLanguages.Parity(), c, p);
        Assert.That(report.PerLength.Select(l => (l.Length, l.Total, l.Correct)), Is.EqualTo(new[] { (1, 2, 2), (2, 2, 2), (3, 3, 2), (4, 2, 1) }));
        Assert.That(report.NStar, Is.EqualTo(2));
        Assert.That(report.Total, Is.EqualTo(9));
        Assert.That(report.Correct, Is.EqualTo(7));
        Assert.That(report.Failures.Select(f => (f.Text, f.Truth, f.Predicted, f.Line)), Is.EqualTo(new[] { ("abb", true, false, 6), ("aaab", false, true, 9) }));
        Assert.That(report.CorpusLabelErrors, Is.Empty);
    }

    [Test]
    public void Reads_CSV_predictions_and_finds_perfect_runs()
    {
        using var dir = new TempDir();
        var csv = "string,predicted\na,1\nb,0\nab,0\nbb,1\naaa,1\nabb,1\nbab,1\nabab,1\naaab,0\n";
        var (c, p) = Files(dir, Corpus, csv, "csv");
        var report = Evaluator.EvaluateFiles(PaperLanguages.Parity(), c, p);
        Assert.That(report.NStar, Is.EqualTo(4));
        Assert.That(report.Accuracy, Is.EqualTo(1.0));
    }

    [Test]
    public void N_star_is_null_when_the_shortest_length_fails_and_stops_at_the_first_gap()
    {
        Assert.That(EvaluationReport.ComputeNStar([new LengthAccuracy(41, 10, 9), new LengthAccuracy(42, 10, 10)]), Is.Null);
        Assert.That(EvaluationReport.ComputeNStar([new LengthAccuracy(43, 5, 4), new LengthAccuracy(41, 5, 5), new LengthAccuracy(42, 5, 5), new LengthAccuracy(44, 5, 5)]), Is.EqualTo(42));
    }

    [Test]
    public void Corpus_labels_that_disagree_with_the_dfa_are_reported()
    {
        using var dir = new TempDir();
        var (c, p) = Files(dir, Corpus.Replace("{\"string\":\"ab\",\"length\":2,\"label\":false}", "{\"string\":\"ab\",\"length\":2,\"label\":true}"), Predictions);
        var report = Evaluator.EvaluateFiles(PaperLanguages.Parity(), c, p);
        Assert.That(report.CorpusLabelErrors.Select(e => (e.Text, e.Line)), Is.EqualTo(new[] { ("ab", 3) }));
    }

    [TestCase("{\"string\":\"a\",\"predicted\":true}\n", "1 predictions for 9 corpus strings")]
    [TestCase("{\"string\":\"a\",\"predicted\":true}\n{\"string\":\"a\",\"predicted\":true}\n" + "{\"string\":\"ab\",\"predicted\":1}\n{\"string\":\"bb\",\"predicted\":1}\n{\"string\":\"aaa\",\"predicted\":1}\n{\"string\":\"abb\",\"predicted\":1}\n{\"string\":\"bab\",\"predicted\":1}\n{\"string\":\"abab\",\"predicted\":1}\n{\"string\":\"aaab\",\"predicted\":1}\n", "row 2 predicts 'a' but corpus row 2")]
    [TestCase("{\"string\":\"a\",\"predicted\":\"maybe\"}\n", "must be true/false or 1/0")]
    [TestCase("{\"string\":\"a\"}\n", "missing the field \"predicted\"")]
    [TestCase("{\"string\":\"a\",\"predicted\":tru}\n", "not a JSON object")]
    public void Bad_prediction_files_give_positioned_diagnostics(string predictions, string message)
    {
        using var dir = new TempDir();
        var (c, p) = Files(dir, Corpus, predictions);
        var e = Assert.Throws<InputException>(() => Evaluator.EvaluateFiles(PaperLanguages.Parity(), c, p))!;
        Assert.That(e.Diagnostics[0].Message, Does.Contain(message));
        Assert.That(e.Diagnostics[0].Message, Does.StartWith(p));
        Assert.That(e.Diagnostics[0].Span.Line, Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public void Unknown_symbols_in_the_corpus_point_at_their_line()
    {
        using var dir = new TempDir();
        var (c, p) = Files(dir, Corpus.Replace("\"abb\"", "\"acb\""), Predictions.Replace("\"abb\"", "\"acb\""));
        var e = Assert.Throws<InputException>(() => Evaluator.EvaluateFiles(PaperLanguages.Parity(), c, p))!;
        Assert.That(e.Diagnostics[0].Span.Line, Is.EqualTo(6));
        Assert.That(e.Diagnostics[0].Message, Does.Contain("'c' at offset 1"));
    }

    /// <summary>A stand-in oracle for the hook's mechanics only: it calls two words equal when they have the same length.</summary>
    private sealed class SameLengthOracle : IIndistinguishabilityOracle
    {
        public string Architecture => "same-length (test double)";
        public int Depth => 0;
        public string Key(Word word) => word.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Test]
    public void A_failure_is_explained_by_a_same_key_opposite_truth_string_predicted_alike()
    {
        using var dir = new TempDir();
        // Failures: abb (in L, predicted out, length 3) and aaab (not in L, predicted in, length 4).
        // Length 3 holds only words in L, so abb has no partner; at length 4 abab (in L) is predicted
        // in L like aaab, so (aaab, abab) is explained.
        var (c, p) = Files(dir, Corpus, Predictions);
        var report = Evaluator.EvaluateFiles(PaperLanguages.Parity(), c, p, [new SameLengthOracle()]);
        var a = report.Analyses.Single();
        Assert.That(a.Explained.Select(x => (x.Failure.Text, x.Partner.Text)), Is.EqualTo(new[] { ("aaab", "abab") }));
        Assert.That(a.Unexplained, Is.EqualTo(1));
        Assert.That(a.MixedTypes, Is.EqualTo(3)); // lengths 1, 2 and 4 hold both truths
        Assert.That(a.SeparatedBothWrong, Is.Zero);
    }

    [Test]
    public void Failing_pairs_predicted_differently_are_not_explanations()
    {
        using var dir = new TempDir();
        // The backwards case of issue 13: abab (in L) predicted out and aaab (not in L) predicted in —
        // both wrong, predicted differently. They are no explanation of each other.
        var preds = Predictions.Replace("{\"string\":\"abab\",\"predicted\":true}", "{\"string\":\"abab\",\"predicted\":false}");
        var (c, p) = Files(dir, Corpus, preds);
        var a = Evaluator.EvaluateFiles(PaperLanguages.Parity(), c, p, [new SameLengthOracle()]).Analyses.Single();
        Assert.That(a.Explained, Is.Empty);
        Assert.That(a.SeparatedBothWrong, Is.EqualTo(1));
    }

    [Test]
    public void Probabilities_are_cut_at_the_threshold_and_per_position_predictions_scored()
    {
        using var dir = new TempDir();
        // PARITY prefixes of "ab": ε ∈, a ∈, ab ∉ → 110.
        var corpus = "{\"string\":\"ab\",\"length\":2,\"label\":false,\"prefix_labels\":\"110\"}\n";
        var (c, p) = Files(dir, corpus, "{\"string\":\"ab\",\"predicted\":0.3,\"positions\":[0.9,0.2,0.1]}\n");
        var low = Evaluator.EvaluateFiles(PaperLanguages.Parity(), c, p, threshold: 0.5);
        Assert.That(low.Correct, Is.EqualTo(1));
        Assert.That(low.PerLength[0].PositionsCorrect, Is.EqualTo(2));
        var high = Evaluator.EvaluateFiles(PaperLanguages.Parity(), c, p, threshold: 0.25);
        Assert.That(high.Correct, Is.Zero);
        Assert.That(high.PerLength[0].FalsePositives, Is.EqualTo(1));
        Assert.That(high.CorpusLabelErrors, Is.Empty);
    }

    [Test]
    public void Wrong_written_prefix_labels_are_label_errors()
    {
        using var dir = new TempDir();
        var (c, p) = Files(dir, "{\"string\":\"ab\",\"length\":2,\"label\":false,\"prefix_labels\":\"100\"}\n", "{\"string\":\"ab\",\"predicted\":0}\n");
        Assert.That(Evaluator.EvaluateFiles(PaperLanguages.Parity(), c, p).CorpusLabelErrors, Has.Count.EqualTo(1));
    }

    [Test]
    public void Wilson_intervals_hold_the_estimate_and_stay_in_the_unit_interval()
    {
        var none = BinomialInterval.Wilson(512, 512);
        Assert.That(none.Upper, Is.EqualTo(1));
        Assert.That(none.Lower, Is.EqualTo(0.9926).Within(0.0001));
        var half = BinomialInterval.Wilson(50, 100);
        Assert.That(half.Lower, Is.EqualTo(0.4038).Within(0.0001));
        Assert.That(half.Upper, Is.EqualTo(0.5962).Within(0.0001));
        Assert.That(BinomialInterval.Wilson(0, 0), Is.EqualTo(new BinomialInterval(0, 1)));
    }

    [TestCase("plot.png")]
    [TestCase("plot.svg")]
    public void Plots_accuracy_against_length_headless(string name)
    {
        using var dir = new TempDir();
        var (c, p) = Files(dir, Corpus, Predictions);
        var report = Evaluator.EvaluateFiles(PaperLanguages.Parity(), c, p);
        AccuracyPlot.Write([report, report with { Model = "second" }], dir.File(name), "PARITY", (1, 2));
        var bytes = File.ReadAllBytes(dir.File(name));
        if (name.EndsWith(".png", StringComparison.Ordinal))
            Assert.That(bytes.Take(8), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));
        else
            Assert.That(System.Text.Encoding.UTF8.GetString(bytes), Does.Contain("<svg"));
        Assert.That(bytes, Has.Length.GreaterThan(1000));
    }
}
