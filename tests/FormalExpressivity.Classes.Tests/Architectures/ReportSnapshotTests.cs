using System.Text.Json.Nodes;
using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Report;
using Snapshooter;
using Snapshooter.NUnit;

namespace FormalExpressivity.Classes.Tests.Architectures;

/// <summary>The JSON report of <c>fex classify</c>, pinned by snapshots (formulas printed canonically, so independent of hash-consing order).</summary>
public class ReportSnapshotTests
{
    static ClassifierOptions Options(params int[] windows) => new() { WindowSizes = windows, Engine = VerdictAssertions.Fast };

    static (Dfa Dfa, int[] Windows) Language(string name) => name switch
    {
        "starts-with-a" => (Languages.StartsWithA, [1, 2, 4]),
        "ends-with-a" => (Languages.EndsWithA, [1, 2, 4]),
        "ab-star" => (Languages.AbStar, [1, 2, 4]),
        "dyck-1-2" => (Languages.Dyck12, [1, 2]),
        "parity" => (Languages.Parity, [1, 2]),
        "two-of-last-three" => (Languages.TwoOfLastThree, [1, 3]),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [TestCase("starts-with-a")]
    [TestCase("ends-with-a")]
    [TestCase("ab-star")]
    [TestCase("dyck-1-2")]
    [TestCase("parity")]
    [TestCase("two-of-last-three")]
    public void Json_report_matches_the_snapshot(string name)
    {
        var (dfa, windows) = Language(name);
        var report = Classifier.Classify(dfa, Options(windows));
        Snapshot.Match(ClassificationReportJson.Render(report), SnapshotNameExtension.Create(name));
    }

    [Test]
    public void Json_report_has_every_key()
    {
        var report = Classifier.Classify(Languages.AbStar, Options(1, 2, 4));
        var root = JsonNode.Parse(ClassificationReportJson.Render(report))!.AsObject();
        Assert.That(root.Select(kv => kv.Key), Is.EqualTo(new[] { "alphabet", "states", "classes", "architectures", "notes" }));
        var classes = root["classes"]!.AsObject().Select(kv => kv.Key).ToArray();
        Assert.That(classes, Is.EqualTo(new[] { "SL", "LT", "LTT", "PT", "D", "K", "LI", "R", "L", "J", "DA", "LR", "SF", "REG", "Ywin:1", "PYwin:1", "Ywin:2", "PYwin:2", "Ywin:4", "PYwin:4" }));
        var archs = root["architectures"]!.AsObject().Select(kv => kv.Key).ToArray();
        Assert.That(archs, Is.EqualTo(new[] { "global", "global-nonstrict", "local:1", "local:2", "local:4", "hybrid:1", "hybrid:2", "hybrid:4", "uha" }));
        Assert.That(root["architectures"]!["hybrid:1"]!["verdict"]!.GetValue<string>(), Is.EqualTo("yes"));
        Assert.That(root["architectures"]!["global"]!["witnesses"]!["inLanguage"]!.AsArray().Count, Is.GreaterThan(0));
    }

    [Test]
    public void Report_states_where_multiset_and_set_windows_part()
    {
        var report = Classifier.Classify(Languages.TwoOfLastThree, Options(3));
        Assert.That(report.Notes, Has.Some.Contains("local:3 says yes").And.Some.Contains("Ywin:3 says no"));
        var text = ClassificationReportText.Render(report);
        Assert.That(text, Does.Contain("note: multiset and set windows part"));
    }

    [Test]
    public void Every_verdict_in_the_report_has_checked_evidence()
    {
        foreach (var dfa in new[] { Languages.FactorAB, Languages.Rdp1, Languages.StartsWithAAndAmongLast2 })
        {
            var report = Classifier.Classify(dfa, Options(1, 2));
            foreach (var (a, v) in report.Rows) VerdictAssertions.Evidence(report.Minimal, a, v, dfa.ToString());
            Assert.That(report.Classes[LanguageClass.LR].Member, Is.EqualTo(report[Architecture.Hybrid(1)].Answer == Verdicts.Answer.Yes));
            Assert.That(report.Classes[LanguageClass.R].Member, Is.EqualTo(report[Architecture.Global].Answer == Verdicts.Answer.Yes));
        }
    }
}
