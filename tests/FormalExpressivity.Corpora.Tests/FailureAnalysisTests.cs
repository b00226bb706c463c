using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Engine.Evaluation;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Randomness;
using FormalExpressivity.Corpora.Evaluation;
using FormalExpressivity.Corpora.Writers;

namespace FormalExpressivity.Corpora.Tests;

/// <summary>
/// The failure analysis of issue 13 against a literal twin: LTL[P] depth-3 types written out as
/// nested strings straight from the definition (theory.md §6), and a brute-force search for
/// explaining partners over all pairs.
/// </summary>
public class FailureAnalysisTests
{
    private const int Depth = 3;

    /// <summary>T_r(N+1) literally: T_0(i) = symbol (⊥ at N+1), T_r(i) = (T_0(i), {T_{r−1}(j) : j &lt; i}).</summary>
    private static string LiteralType(Word w)
    {
        int n = w.Length;
        var t = Enumerable.Range(0, n + 1).Select(i => i < n ? "s" + w[i] : "⊥").ToArray();
        var zero = t.ToArray();
        for (int r = 1; r <= Depth; r++)
        {
            var next = new string[n + 1];
            var seen = new SortedSet<string>(StringComparer.Ordinal);
            for (int i = 0; i <= n; i++)
            {
                next[i] = "(" + zero[i] + ",{" + string.Join(";", seen) + "})";
                seen.Add(t[i]);
            }
            t = next;
        }
        return t[n];
    }

    /// <summary>An LT-2 test set (Σ*abΣ* over {a, b, c}, the paper's exactly-one-occurrence:ab convention).</summary>
    private static (List<LabelledRow> Rows, List<Word> Words, List<bool> Truth) Lt2Corpus()
    {
        var dfa = PaperLanguages.Lt2();
        var gen = new CorpusGenerator(new CorpusOptions
        {
            Language = dfa, MinLength = 41, MaxLength = 50, PerLength = 60, Strategy = "exactly-one-occurrence:ab", Seed = 5, Parallelism = 1,
        });
        var rows = new List<LabelledRow>();
        var words = new List<Word>();
        var truth = new List<bool>();
        foreach (var block in gen.Blocks())
            for (int i = 0; i < block.Words.Count; i++)
            {
                rows.Add(new LabelledRow(CorpusFormats.FormatWord(block.Words[i], dfa.Alphabet), block.Labels[i], rows.Count + 1));
                words.Add(block.Words[i]);
                truth.Add(block.Labels[i]);
            }
        return (rows, words, truth);
    }

    private static List<PredictionRow> Predict(List<LabelledRow> rows, Func<int, bool> model) =>
        rows.Select((r, i) => new PredictionRow(r.Text, model(i) ? 1 : 0, r.Line)).ToList();

    [Test]
    public void A_model_that_predicts_from_the_depth_3_type_has_every_failure_explained_on_LT_2()
    {
        var (rows, words, truth) = Lt2Corpus();
        var types = words.Select(LiteralType).ToList();
        // The type-determined model: the majority truth of the string's type (ties: in L).
        var majority = types.Select((t, i) => (t, truth[i])).GroupBy(x => x.t).ToDictionary(g => g.Key, g => 2 * g.Count(x => x.Item2) >= g.Count());
        var predictions = Predict(rows, i => majority[types[i]]);
        var report = Evaluator.Evaluate(PaperLanguages.Lt2(), rows, predictions, [new ArchitectureTypeOracle(Architecture.Global, 3, Depth)]);
        var analysis = report.Analyses.Single();
        Assert.That(report.Failures, Is.Not.Empty, "LT-2 is not in LTL[P]: a type-determined model must fail somewhere");
        Assert.That(analysis.Unexplained, Is.Zero);
        Assert.That(analysis.Explained, Has.Count.EqualTo(report.Failures.Count));
        Assert.That(analysis.SeparatedBothWrong, Is.Zero);
        foreach (var p in analysis.Explained) CheckPair(p, rows, words, truth, predictions);
    }

    [TestCase(1UL)]
    [TestCase(2UL)]
    [TestCase(3UL)]
    public void A_random_model_lists_only_pairs_it_predicted_alike_and_exactly_the_explainable_failures(ulong seed)
    {
        var (rows, words, truth) = Lt2Corpus();
        var rng = new SplitMix64(seed);
        var predictions = Predict(rows, _ => (rng.NextUInt64() & 1) == 1);
        var report = Evaluator.Evaluate(PaperLanguages.Lt2(), rows, predictions, [new ArchitectureTypeOracle(Architecture.Global, 3, Depth)]);
        var analysis = report.Analyses.Single();
        foreach (var p in analysis.Explained) CheckPair(p, rows, words, truth, predictions);
        // Brute force over all pairs: a failure is explainable iff some string of its literal type and
        // the opposite truth received the same prediction.
        var types = words.Select(LiteralType).ToList();
        bool Predicted(int i) => predictions[i].Score >= 0.5;
        var explainable = Enumerable.Range(0, rows.Count)
            .Where(i => Predicted(i) != truth[i])
            .Where(i => Enumerable.Range(0, rows.Count).Any(j => types[j] == types[i] && truth[j] != truth[i] && Predicted(j) == Predicted(i)))
            .Select(i => rows[i].Line).ToList();
        Assert.That(analysis.Explained.Select(p => p.Failure.Line), Is.EqualTo(explainable), $"seed {seed}");
        Assert.That(analysis.Unexplained, Is.EqualTo(report.Failures.Count - explainable.Count));
    }

    private static void CheckPair(ExplainedPair p, List<LabelledRow> rows, List<Word> words, List<bool> truth, List<PredictionRow> predictions)
    {
        int f = p.Failure.Line - 1, q = p.Partner.Line - 1;
        Assert.That(LiteralType(words[f]), Is.EqualTo(LiteralType(words[q])), "same type");
        Assert.That(truth[f], Is.Not.EqualTo(truth[q]), "different truth");
        Assert.That(predictions[f].Score, Is.EqualTo(predictions[q].Score), "predicted alike");
        Assert.That(predictions[q].Score >= 0.5, Is.EqualTo(truth[q]), "the partner is right");
        Assert.That(rows[f].Text, Is.EqualTo(p.Failure.Text));
    }
}
