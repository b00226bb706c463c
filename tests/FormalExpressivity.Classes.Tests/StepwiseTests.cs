using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Exact;
using FormalExpressivity.Classes.Report;
using FormalExpressivity.Classes.Synthesis;

namespace FormalExpressivity.Classes.Tests;

/// <summary>
/// The stepwise forms (for a user interface that yields between steps) give the results of the one-call
/// forms, take many steps where the work is large, and leave nothing behind when stopped early.
/// </summary>
[TestFixture]
public sealed class StepwiseTests
{
    /// <summary>Σ*abΣ* over {a, b, c}: the heaviest small language of the playground's goal table.</summary>
    private static Architecture Parse(string key) => Architecture.TryParse(key, out var a) ? a : throw new ArgumentException(key);

    private static Dfa ContainsAb() => Languages.Build(["a", "b", "c"], 3, "0 * 0, 0 a 1, 1 b 2, 2 * 2", 2);

    [TestCase("hybrid:2")]
    [TestCase("PYwin:2")]
    [TestCase("local:4")]
    public void Stepwise_type_search_ends_with_the_search_s_result_after_many_steps(string key)
    {
        var dfa = ContainsAb();
        var fragment = Parse(key).Fragment!;
        var steps = TypeSearch.SearchStepwise(dfa, fragment).ToList();
        var whole = TypeSearch.Search(dfa, fragment);
        Assert.That(steps.Take(steps.Count - 1), Is.All.Null, "every element but the last stands for a step");
        var last = steps[^1]!;
        Assert.That((last.Definable, last.Depth, last.Formula?.ToString(), last.Witness, last.Below, last.Budget),
            Is.EqualTo((whole.Definable, whole.Depth, whole.Formula?.ToString(), whole.Witness, whole.Below, whole.Budget)));
        Assert.That(steps.Count, Is.GreaterThan(10), "a search over thousands of product nodes is divided");
    }

    [Test]
    public void Stepwise_lasso_search_ends_with_the_search_s_result()
    {
        var dfa = ContainsAb();
        var fragment = Parse("PYwin:2").Fragment!;
        var steps = LassoSearch.FindStepwise(dfa, fragment).ToList();
        var whole = LassoSearch.Find(dfa, fragment);
        Assert.That(steps.Take(steps.Count - 1), Is.All.Null);
        Assert.That(steps[^1], Is.EqualTo(whole));
        Assert.That(steps.Count, Is.GreaterThan(1), "one step per (p, v) candidate");
    }

    [Test]
    public void Stepwise_smallest_formulas_divide_a_size_and_give_the_one_call_verdicts()
    {
        // Σ*abΣ* over two alphabets no other test uses, so both start from empty enumeration tables: one classified
        // in steps, the other in one call. Its hybrid:2 row runs the enumeration into its work budget (size 8).
        var stepwise = Languages.Build(["p", "q", "r"], 3, "0 * 0, 0 p 1, 1 q 2, 2 * 2", 2);
        var whole = Languages.Build(["u", "v", "w"], 3, "0 * 0, 0 u 1, 1 v 2, 2 * 2", 2);
        var progress = new ClassificationProgress();
        int formulaSteps = 0;
        ClassificationReport? last = null;
        foreach (var step in Classifier.ClassifyStepwise(stepwise, progress: progress))
        {
            if (progress.Activity.StartsWith("the smallest-formula stage", StringComparison.Ordinal)) formulaSteps++;
            last = step;
        }
        var one = Classifier.Classify(whole);
        static string? Rename(string? formula) => formula?.Replace('p', 'u').Replace('q', 'v').Replace('r', 'w');
        foreach (var row in one.Rows)
        {
            var v = last![row.Architecture];
            Assert.That(v.Answer, Is.EqualTo(row.Verdict.Answer), row.Architecture.Key);
            Assert.That(Rename(v.Formula?.Formula.ToString()), Is.EqualTo(row.Verdict.Formula?.Formula.ToString()), row.Architecture.Key);
            Assert.That(v.Smallest, Is.EqualTo(row.Verdict.Smallest), row.Architecture.Key);
        }
        // 10⁶ product states in steps of 2·10⁴: one size is divided into many steps.
        Assert.That(formulaSteps, Is.GreaterThan(30), "the enumeration runs in bounded steps");
        Assert.That(one[Parse("hybrid:2")].Smallest?.StoppedBy?.Budget, Is.EqualTo("max-formula-work"), "the row spends the work budget");
    }

    [Test]
    public void A_classification_stopped_early_leaves_nothing_behind_and_reports_its_progress()
    {
        var dfa = ContainsAb();
        var progress = new ClassificationProgress();
        int taken = 0;
        foreach (var step in Classifier.ClassifyStepwise(dfa, progress: progress))
        {
            Assert.That(step, Is.Null);
            if (++taken == 400) break;
        }
        Assert.That(progress.Steps, Is.EqualTo(400));
        Assert.That(progress.Activity, Does.Match("^the [a-z-]+ stage on [A-Za-z]+(:[0-9]+)?$"));
        var full = Classifier.ClassifyStepwise(dfa).ToList();
        Assert.That(full.Count, Is.GreaterThan(500), "the type searches of this language run in many steps (more than the 400 taken above)");
        Assert.That(ClassificationReportJson.ToJson(full[^1]!).ToJsonString(), Is.EqualTo(ClassificationReportJson.ToJson(Classifier.Classify(dfa)).ToJsonString()));
    }
    /// <summary>(ab)*: every row is settled before the smallest-formula stage; Σ*abΣ* over {a, b, c} and Σ*ab.</summary>
    private static IEnumerable<TestCaseData> Provisional()
    {
        yield return new TestCaseData(Languages.Build(["a", "b"], 3, "0 a 1, 1 b 0, 0 b 2, 1 a 2, 2 * 2", 0)).SetName("(ab)*");
        yield return new TestCaseData(Languages.Build(["a", "b"], 3, "0 * 0, 0 a 1, 1 b 2", 2)).SetName("Σ*ab");
        yield return new TestCaseData(ContainsAb()).SetName("Σ*abΣ* over a, b, c");
    }

    [TestCaseSource(nameof(Provisional))]
    public void A_provisional_report_has_the_final_answers_and_comes_before_the_last_step(Dfa dfa)
    {
        var progress = new ClassificationProgress();
        ClassificationReport? final = null;
        int steps = 0, publishedAt = -1;
        foreach (var step in Classifier.ClassifyStepwise(dfa, progress: progress))
        {
            steps++;
            if (publishedAt < 0 && progress.Provisional is not null) publishedAt = steps;
            final = step;
        }
        Assert.That(progress.Provisional, Is.Not.Null, "every row of this language is settled before the last stage");
        var provisional = progress.Provisional!;
        Assert.That(publishedAt, Is.GreaterThan(0).And.LessThan(steps), "published before the report");
        // Twin: the one-call classification. Answers and class rows agree; only evidence may differ.
        var whole = Classifier.Classify(dfa);
        Assert.That(provisional.Rows.Select(r => (r.Architecture.Key, r.Verdict.Answer)), Is.EqualTo(whole.Rows.Select(r => (r.Architecture.Key, r.Verdict.Answer))));
        Assert.That(provisional.Classes.Select(c => (c.Key, c.Value.Member, c.Value.Parameter)), Is.EqualTo(whole.Classes.Select(c => (c.Key, c.Value.Member, c.Value.Parameter))));
        Assert.That(provisional.Rows.All(r => r.Verdict.IsSettled), Is.True);
        Assert.That(ClassificationReportJson.ToJson(final!).ToJsonString(), Is.EqualTo(ClassificationReportJson.ToJson(whole).ToJsonString()), "the last element is still the report");
    }
}
