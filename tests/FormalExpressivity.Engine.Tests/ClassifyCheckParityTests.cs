using System.Globalization;
using System.Text;
using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Formats;
using FormalExpressivity.Automata.Languages;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Enumeration;
using FormalExpressivity.Classes.Report;
using FormalExpressivity.Classes.Verdicts;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Engine.Claims;
using FormalExpressivity.Engine.Simulation;
using FormalExpressivity.Syntax.Files;
using FormalExpressivity.Testing;
using NUnit.Framework;

namespace FormalExpressivity.Engine.Tests;

/// <summary>
/// Issue 9, "done when": <c>fex classify</c> and <c>fex check</c> give the same verdict, depth and evidence
/// for every language of examples/ and tests/data/claims and for every minimal DFA with ≤ 3 states over
/// {a,b} (the enumeration of conjectures and the census). Both paths are run through the library calls the
/// commands make: classify = <see cref="LanguageDispatcher.Load"/> + <see cref="Classifier.Classify"/>;
/// check = a claims file claiming every architecture row of the report for each language,
/// through <see cref="ClaimsFile.Check"/> with the simulated empirical check. Rows are compared as the JSON
/// of <see cref="ClassificationReportJson.Evidence"/> (verdict, formula, witnesses, identity, bound, depth, note).
/// </summary>
[NonParallelizable]
public class ClassifyCheckParityTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateFolder()
    {
        _dir = Path.Combine(Path.GetTempPath(), "fex-parity-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    /// <summary>One language of the comparison: its claims declaration and its classify argument.</summary>
    private sealed record Case(string Name, string Declaration, string Argument, Alphabet? Alphabet);

    [Test]
    public void Classify_and_check_agree_on_every_example_language()
    {
        var cases = new List<Case>();
        int bad = 0;
        foreach (var l in ExampleLanguages.All())
        {
            Alphabet? sigma = l.Alphabet.Length == 0 ? null : Alphabet.Create(l.Alphabet.Split(','));
            var c = new Case(l.Name, Declaration(l, sigma), l.Argument, sigma);
            if (LanguageDispatcher.Load(l.Argument, sigma).Success)
            {
                cases.Add(c);
            }
            else
            {
                // A language classify rejects (tests/data/claims/bad) is rejected by check too.
                bad++;
                string path = Path.Combine(_dir, "bad.claims");
                File.WriteAllText(path, c.Declaration.Replace("LANGUAGE", "L", StringComparison.Ordinal) + "\n");
                Assert.That(ClaimsFile.Check(path, new ClaimCheckOptions(VerdictEngine.Default)).Error, Is.Not.Null, l.Name);
            }
        }
        Assert.That(bad, Is.GreaterThan(0), "the bad languages of tests/data/claims/bad are compared as errors");
        Assert.That(cases, Has.Count.GreaterThanOrEqualTo(25));
        int rows = Compare(cases, Budgets.Default with { MaxDepth = 3, MaxTypes = 5_000 }, [1, 2, 4], [RepositoryRoot.Combine("examples")]);
        Assert.That(rows, Is.GreaterThanOrEqualTo(25 * 8));
    }

    [Test]
    public void Classify_and_check_agree_on_every_minimal_dfa_with_at_most_3_states_over_ab()
    {
        var ab = Alphabet.Of("a", "b");
        var cases = new List<Case>();
        int i = 0;
        foreach (var dfa in MinimalDfaEnumeration.Enumerate(ab, 3))
        {
            string file = Path.Combine(_dir, $"m{i}.json");
            File.WriteAllText(file, DfaJson.Write(dfa));
            cases.Add(new Case($"≤3 #{i}", $"model LANGUAGE = file\"m{i}.json\" over {{a, b}}", file, ab));
            i++;
        }
        Assert.That(cases, Has.Count.EqualTo(2 + 24 + 1028), "2, 24, 1028 binary languages with exactly 1–3 states (docs/claims.md)");
        // Smaller search budgets keep the suite fast; both paths get the same ones, as both commands take the same flags.
        Compare(cases, Budgets.Default with { MaxDepth = 2, MaxTypes = 3_000 }, [1, 2], []);
    }

    /// <summary>Runs both paths over <paramref name="cases"/> and compares every row; returns the number of rows compared.</summary>
    private int Compare(IReadOnlyList<Case> cases, Budgets budgets, int[] windows, IReadOnlyList<string> allowed)
    {
        var engine = new VerdictEngine(VerdictOptions.From(budgets));
        var architectures = Architecture.Defaults(windows); // the logic classes Ywin:k, PYwin:k are report rows, not claimable architectures
        var claims = new StringBuilder();
        for (int i = 0; i < cases.Count; i++)
        {
            claims.Append(cases[i].Declaration.Replace("LANGUAGE", "L" + i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)).Append('\n');
            foreach (var a in architectures) claims.Append(CultureInfo.InvariantCulture, $"claim L{i} recognizable by {a}\n");
        }
        string path = Path.Combine(_dir, "parity.claims");
        File.WriteAllText(path, claims.ToString());
        var checkedFile = ClaimsFile.Check(path, new ClaimCheckOptions(engine, new SimulatedEmpiricalCheck()), budgets, allowed);
        Assert.That(checkedFile.Error, Is.Null);
        var outcomes = checkedFile.Report!.Outcomes;
        Assert.That(outcomes, Has.Count.EqualTo(cases.Count * architectures.Count));

        int compared = 0;
        var problems = new List<string>();
        for (int i = 0; i < cases.Count; i++)
        {
            var load = LanguageDispatcher.Load(cases[i].Argument, cases[i].Alphabet, budgets);
            Assert.That(load.Error, Is.Null, cases[i].Name);
            var report = Classifier.Classify(load.Dfa!, new ClassifierOptions { WindowSizes = windows, Engine = engine }, load.Formula);
            for (int j = 0; j < architectures.Count; j++)
            {
                var a = architectures[j];
                var outcome = outcomes[i * architectures.Count + j];
                Assert.That(outcome.Architecture, Is.EqualTo(a));
                var sigma = report.Alphabet;
                string classify = ClassificationReportJson.Evidence(report[a], a, sigma).ToJsonString();
                string check = ClassificationReportJson.Evidence(outcome.Verdict!, a, outcome.Alphabet!).ToJsonString();
                if (classify != check) problems.Add($"{cases[i].Name} {a.Key}:\n  classify {classify}\n  check    {check}");
                compared++;
            }
        }
        Assert.That(problems, Is.Empty, string.Join("\n", problems.Take(10)));
        return compared;
    }

    /// <summary>The claims declaration of an example language (named LANGUAGE, renamed per case).</summary>
    private static string Declaration(ExampleLanguage l, Alphabet? sigma)
    {
        string over(Alphabet a) => "{" + string.Join(", ", a.Symbols) + "}";
        int colon = l.Text.IndexOf(':', StringComparison.Ordinal);
        if (sigma is not null && colon > 0) return $"language LANGUAGE = {l.Text[..colon]}\"{l.Text[(colon + 1)..]}\" over {over(sigma)}";
        if (l.Argument.EndsWith(".lang", StringComparison.Ordinal))
        {
            var file = LanguageFileParser.Parse(l.Text).Value;
            string kind = file.Notation switch { LanguageNotation.Ltl => "ltl", LanguageNotation.Fo => "fo", _ => "re" };
            return $"language LANGUAGE = {kind}\"{file.Definition}\" over {over(file.Alphabet)}";
        }
        var dfa = LanguageDispatcher.Load(l.Argument, null).Dfa!;
        return $"model LANGUAGE = file\"{l.Argument}\" over {over(dfa.Alphabet)}";
    }
}
