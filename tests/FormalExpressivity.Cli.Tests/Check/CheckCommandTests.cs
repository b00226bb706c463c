using System.Text.Json;
using FormalExpressivity.Cli;
using NUnit.Framework;
using Snapshooter;
using Snapshooter.NUnit;

namespace FormalExpressivity.Cli.Tests.Check;

public class CheckCommandTests
{
    private static string Root
    {
        get
        {
            var dir = new DirectoryInfo(FormalExpressivity.Testing.RepositoryRoot.Path);
            return dir.FullName;
        }
    }

    private static readonly string BadFolder = Path.Combine(Root, "tests", "data", "claims", "bad");

    private static (int Exit, string Out, string Err) Fex(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = FexApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public static IEnumerable<string> BadFiles() =>
        Directory.GetFiles(BadFolder, "*.claims").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(BadFiles))]
    public void Bad_claims_files_exit_3_with_positioned_diagnostics(string name)
    {
        var (exit, output, error) = Fex("check", Path.Combine(BadFolder, name));
        Assert.That(exit, Is.EqualTo(3), error);
        Assert.That(output, Is.Empty);
        var shown = error.Replace(BadFolder + Path.DirectorySeparatorChar, "");
        Assert.That(shown, Does.StartWith(name + ":"), "every diagnostic names file, line and column");
        Snapshot.Match(shown, SnapshotNameExtension.Create(Path.GetFileNameWithoutExtension(name)));
    }

    [Test]
    public void Every_error_of_a_file_is_reported_in_one_run()
    {
        var (exit, _, error) = Fex("check", Path.Combine(BadFolder, "23-every-error-at-once.claims"));
        Assert.That(exit, Is.EqualTo(3));
        // formula errors (LTL009, RE007) of lines that parsed come with the syntax (CLM002) and name errors (CLM021) and the class error (CLM040).
        foreach (var code in new[] { "LTL009", "RE007", "CLM002", "CLM021", "CLM040" }) Assert.That(error, Does.Contain("error " + code), error);
        var lines = error.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Select(l => int.Parse(l.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.That(lines, Is.Ordered, "sorted by position");
    }

    [Test]
    public void Alphabets_in_another_order_are_the_same_and_classify_parameters_can_be_claimed()
    {
        string[] text =
        [
            "# The same symbols declared in another order are the same alphabet; parameters as classify prints them.",
            "language LASTB = re\"(a|b)*b\" over {a, b}",
            "language LASTB2 = ltl\"Y b\" over {b, a}",
            "language ALL = re\"(a|b)*\" over {a, b}",
            "language NOTHING = re\"[]\" over {a, b}",
            "language FIRSTA = re\"a(a|b)*\" over {a, b}",
            "claim LASTB == LASTB2",
            "claim ALL in PT(0)",
            "claim NOTHING in D(0)",
            "claim LASTB in D(1)",
            "claim FIRSTA in K(1)",
            "claim LASTB not in K",
        ];
        var path = Path.Combine(Path.GetTempPath(), $"fex-order-{Guid.NewGuid():N}.claims");
        File.WriteAllLines(path, text);
        try
        {
            var (exit, output, error) = Fex("check", path);
            Assert.That(exit, Is.EqualTo(0), output + error);
            Assert.That(output, Does.Contain("6 claims: 6 confirmed, 0 refuted, 0 unknown"), output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Embedded_formula_errors_point_into_the_claims_file()
    {
        var (_, _, error) = Fex("check", Path.Combine(BadFolder, "51-unknown-symbol-in-formula.claims"));
        Assert.That(error, Does.Contain("51-unknown-symbol-in-formula.claims:2:20: error RE009"));
        Assert.That(error, Does.Contain("51-unknown-symbol-in-formula.claims:3:27: error LTL009"));
    }

    [Test]
    public void Local_attention_example_output()
    {
        // Smaller search budgets than the defaults keep the test fast; the bound appears in the output.
        var (exit, output, error) = Fex("check", Path.Combine(Root, "examples", "local-attention.claims"), "--max-depth", "2", "--max-types", "20000");
        Assert.That(exit, Is.EqualTo(0), error);
        // Every claim is settled (the last unknown, FACTOR by hybrid(2), by the search over P of window types).
        Assert.That(output, Does.Contain("0 refuted, 0 unknown"));
        Assert.That(error, Is.Empty);
        Snapshot.Match(output);
    }

    [Test]
    public void Fixed_precision_example_output()
    {
        var (exit, output, error) = Fex("check", Path.Combine(Root, "examples", "fixed-precision.claims"));
        Assert.That(exit, Is.EqualTo(0), error);
        Snapshot.Match(output);
    }

    [Test]
    public void Json_output_counts_match_the_claims()
    {
        var (exit, output, _) = Fex("check", Path.Combine(Root, "examples", "fixed-precision.claims"), "--json");
        Assert.That(exit, Is.EqualTo(0));
        using var doc = JsonDocument.Parse(output);
        var claims = doc.RootElement.GetProperty("claims").EnumerateArray().ToList();
        var summary = doc.RootElement.GetProperty("summary");
        Assert.That(summary.GetProperty("claims").GetInt32(), Is.EqualTo(claims.Count));
        foreach (var status in new[] { "confirmed", "refuted", "unknown" })
            Assert.That(summary.GetProperty(status).GetInt32(), Is.EqualTo(claims.Count(c => c.GetProperty("status").GetString() == status)), status);
        var global = claims.First(c => c.GetProperty("text").GetString() == "claim PT-2 recognizable by global");
        Assert.That(global.GetProperty("architecture").GetProperty("verdict").GetString(), Is.EqualTo("yes"));
        Assert.That(global.GetProperty("line").GetInt32(), Is.GreaterThan(0));
    }

    private static string Write(string text, string name = "t.claims")
    {
        var dir = Path.Combine(Path.GetTempPath(), "fex-check-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public void Exit_0_when_all_confirmed_1_when_one_is_refuted()
    {
        const string head = "alphabet {a, b}\nlanguage FIRST = re\"aΣ*\"\nlanguage LAST = ltl\"Y a\"\n";
        Assert.That(Fex("check", Write(head + "claim FIRST recognizable by global\nclaim LAST recognizable by local(1)\n")).Exit, Is.EqualTo(0));
        var refuted = Fex("check", Write(head + "claim FIRST recognizable by global\nclaim LAST recognizable by global\n"));
        Assert.That(refuted.Exit, Is.EqualTo(1));
        Assert.That(refuted.Out, Does.Contain("refuted").And.Contain("1 refuted"));
    }

    [Test]
    public void Unknown_without_refutation_exits_0_with_a_warning_and_1_when_strict()
    {
        var path = Write("alphabet {a, b, c}\nlanguage FACTOR = re\"Σ*abΣ*\"\nclaim FACTOR recognizable by hybrid(2)\n");
        // Depth 1 is too little for both formula searches (the language needs depth 3), so the claim stays unknown.
        var lenient = Fex("check", path, "--max-depth", "1");
        Assert.That((lenient.Exit, lenient.Err), Is.EqualTo((0, "fex: warning: 1 of 1 claims are unknown (bounded search or no decider); none is refuted\n")));
        Assert.That(lenient.Out, Does.Contain("unknown").And.Contain("∈ L and").And.Contain("depth ≤ 1"));
        Assert.That(Fex("check", path, "--max-depth", "1", "--strict").Exit, Is.EqualTo(1));
        Assert.That(Fex("check", path, "--max-depth", "2").Exit, Is.EqualTo(0));
    }

    [Test]
    public void Equivalence_with_a_model_file_and_its_shortlex_counterexample()
    {
        var path = Write("alphabet {a, b}\nmodel M = file\"last.json\"\nlanguage LAST = re\"Σ*a\"\nlanguage FIRST = re\"aΣ*\"\nclaim M == LAST\nclaim M == FIRST\n");
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(path)!, "last.json"),
            """{"type": "dfa", "alphabet": ["a", "b"], "states": 2, "start": 0, "accepting": [1], "transitions": [[0, "a", 1], [0, "b", 0], [1, "a", 1], [1, "b", 0]]}""");
        var (exit, output, error) = Fex("check", path);
        Assert.That(exit, Is.EqualTo(1), error + output);
        Assert.That(output, Does.Contain("M and LAST are the same language"));
        Assert.That(output, Does.Contain("shortlex-least difference: b (in FIRST, not in M)").Or.Contain("shortlex-least difference: a"));
    }

    [Test]
    public void Missing_file_is_an_input_error() =>
        Assert.That(Fex("check", Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N") + ".claims")).Exit, Is.EqualTo(3));

    [Test]
    public void Conjecture_refutation_reports_the_smallest_counterexample_table()
    {
        var (exit, output, _) = Fex("check", Write("conjecture hybrid(1) ⊆ global up to 3 states over {a, b}\n"));
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output, Does.Contain("smallest counterexample (2 states): hybrid(1) yes, global no"));
        Assert.That(output, Does.Contain("δ"));
    }
}
