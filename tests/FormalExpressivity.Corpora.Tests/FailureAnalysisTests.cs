using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Engine.Evaluation;
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

    private static string LiteralType(Word w) => ArchitectureTypeOracleTests.LiteralType(w, Depth, 0, past: true);

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
        var report = Evaluator.Evaluate(PaperLanguages.Lt2(), rows, predictions, [new ArchitectureTypeOracle(Architecture.Global, 3, Depth, 50_000, 400_000)]);
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
        var report = Evaluator.Evaluate(PaperLanguages.Lt2(), rows, predictions, [new ArchitectureTypeOracle(Architecture.Global, 3, Depth, 50_000, 400_000)]);
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

    // Every architecture's analysis on LT-2 (Σ*abΣ* = P(b ∧ Y a) at the end: in hybrid:1 = LTL[P,Y], not in
    // global = LTL[P] nor in local:k = definite): a model that predicts from that architecture's depth-3
    // type (the majority truth of the type) fails exactly on the mixed types' minority, and every one of
    // its failures is explained by a pair the model predicted alike; for hybrid:1 no type is mixed.
    [TestCase("global", true)]
    [TestCase("global-nonstrict", true)]
    [TestCase("local:1", true)]
    [TestCase("local:2", true)]
    [TestCase("hybrid:1", false)]
    public void Every_failure_of_a_type_determined_model_is_explained_for_its_architecture(string architecture, bool mustFail)
    {
        Assert.That(Architecture.TryParse(architecture, out var a), Is.True);
        var (rows, words, truth) = Lt2Corpus();
        var types = words.Select(w => ArchitectureTypeOracleTests.LiteralType(w, a!, Depth)).ToList();
        var majority = types.Select((t, i) => (t, truth[i])).GroupBy(x => x.t).ToDictionary(g => g.Key, g => 2 * g.Count(x => x.Item2) >= g.Count());
        var predictions = Predict(rows, i => majority[types[i]]);
        var oracles = new[] { "global", "local:2", "hybrid:1", architecture }.Distinct()
            .Select(k => { Architecture.TryParse(k, out var x); return new ArchitectureTypeOracle(x!, 3, Depth, 50_000, 400_000); }).ToArray();
        var report = Evaluator.Evaluate(PaperLanguages.Lt2(), rows, predictions, oracles);
        var analysis = report.Analyses.Single(x => x.Architecture == architecture);
        Assert.That(report.Failures.Count > 0, Is.EqualTo(mustFail));
        Assert.That(analysis.MixedTypes > 0, Is.EqualTo(mustFail));
        Assert.That(analysis.Explained, Has.Count.EqualTo(report.Failures.Count));
        Assert.That((analysis.Unexplained, analysis.SeparatedBothWrong, analysis.Skipped), Is.EqualTo((0, 0, (string?)null)));
        foreach (var p in analysis.Explained)
        {
            int f = p.Failure.Line - 1, q = p.Partner.Line - 1;
            Assert.That(types[f], Is.EqualTo(types[q]), "same type");
            Assert.That((truth[f] != truth[q], predictions[f].Score == predictions[q].Score), Is.EqualTo((true, true)), "different truth, predicted alike");
        }
        // hybrid:1 expresses LT-2 at depth 3: no failure of any model is explained by it
        Assert.That(report.Analyses.Single(x => x.Architecture == "hybrid:1").MixedTypes, Is.Zero);
    }

    [Test]
    public void An_analysis_whose_types_outgrow_their_budget_is_skipped_and_the_others_run()
    {
        var (rows, _, truth) = Lt2Corpus();
        var predictions = Predict(rows, i => i % 3 == 0 ? !truth[i] : truth[i]);
        var report = Evaluator.Evaluate(PaperLanguages.Lt2(), rows, predictions,
            [new ArchitectureTypeOracle(Architecture.Hybrid(2), 3, Depth, 50_000, 100), new ArchitectureTypeOracle(Architecture.Global, 3, Depth, 50_000, 400_000)]);
        Assert.That(report.Analyses[0].Skipped, Does.Contain("max-type-states"));
        Assert.That(report.Analyses[0].Explained, Is.Empty);
        Assert.That(report.Analyses[1].Skipped, Is.Null);
        Assert.That(report.Analyses[1].Types, Is.GreaterThan(0));
        Assert.That(report.Analyses[1].Explained.Count + report.Analyses[1].Unexplained, Is.EqualTo(report.Failures.Count));
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
