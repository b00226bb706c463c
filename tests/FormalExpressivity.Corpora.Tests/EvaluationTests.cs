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
    public void Oracle_hook_pairs_failing_strings_of_opposite_truth_with_equal_keys()
    {
        using var dir = new TempDir();
        // fail abb (in L, length 3) and bab (in L, length 3) and aaab (not in L, length 4) and ab (not in L, length 2) → no pair;
        // then also fail abab (in L, length 4) → pair (abab, aaab).
        var preds = Predictions.Replace("{\"string\":\"abab\",\"predicted\":true}", "{\"string\":\"abab\",\"predicted\":false}");
        var (c, p) = Files(dir, Corpus, preds);
        var report = Evaluator.EvaluateFiles(PaperLanguages.Parity(), c, p, [new SameLengthOracle()]);
        Assert.That(report.Indistinguishable.Select(x => (x.InLanguage.Text, x.NotInLanguage.Text)), Is.EqualTo(new[] { ("abab", "aaab") }));
        Assert.That(report.Oracles, Is.EqualTo(new[] { "same-length (test double) (depth 0)" }));
    }

    [TestCase("plot.png")]
    [TestCase("plot.svg")]
    public void Plots_accuracy_against_length_headless(string name)
    {
        using var dir = new TempDir();
        var (c, p) = Files(dir, Corpus, Predictions);
        var report = Evaluator.EvaluateFiles(PaperLanguages.Parity(), c, p);
        AccuracyPlot.Write(report, dir.File(name), "PARITY");
        var bytes = File.ReadAllBytes(dir.File(name));
        if (name.EndsWith(".png", StringComparison.Ordinal))
            Assert.That(bytes.Take(8), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));
        else
            Assert.That(System.Text.Encoding.UTF8.GetString(bytes), Does.Contain("<svg"));
        Assert.That(bytes, Has.Length.GreaterThan(1000));
    }
}
