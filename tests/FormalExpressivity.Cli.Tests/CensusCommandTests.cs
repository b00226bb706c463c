namespace FormalExpressivity.Cli.Tests;

/// <summary><c>fex census</c> from the command line: rows, summary, exit codes.</summary>
public class CensusCommandTests
{
    [Test]
    public void Census_of_the_one_state_languages_writes_rows_and_a_summary()
    {
        var dir = Directory.CreateTempSubdirectory("fex-census-");
        string rows = Path.Combine(dir.FullName, "rows.jsonl"), summary = Path.Combine(dir.FullName, "summary.json");
        var (code, output, error) = FexProcess.Run("census", "--states", "1", "--alphabet", "a,b", "--window-sizes", "1,2", "-o", rows, "--summary", summary);
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.StartWith("2 languages, 22 rows, 0 unknown"));
        Assert.That(error, Does.Contain("per language"));
        Assert.That(File.ReadAllLines(rows), Has.Length.EqualTo(22));
        Assert.That(File.ReadAllText(summary), Does.Contain("\"languages\": 2"));
    }

    [TestCase("--states", "0", "--alphabet", "a,b")]
    [TestCase("--states", "2")]
    [TestCase("--states", "2", "--alphabet", "a,b", "--sample", "0")]
    public void Bad_arguments_are_usage_errors(params string[] args)
    {
        var (code, _, error) = FexProcess.Run(["census", .. args]);
        Assert.That(code, Is.EqualTo(2), error);
        Assert.That(error, Does.Not.Contain("   at "));
    }
}

/// <summary><c>fex classify --full</c>: long formulas are cut in text unless asked, and whole in JSON.</summary>
public class ClassifyFullFormulaTests
{
    [Test]
    public void Long_formulas_are_cut_in_text_unless_full()
    {
        // --max-formula-size 0 keeps the constructed formulas (the smallest-formula stage would shorten them below the cut).
        string[] args = ["classify", "re:ab|aabb", "--alphabet", "a,b", "--window-sizes", "2", "--classes", "none", "--max-formula-size", "0"];
        var cut = FexProcess.Run(args);
        var full = FexProcess.Run([.. args, "--full"]);
        var json = FexProcess.Run([.. args, "--json"]);
        Assert.That((cut.Code, full.Code, json.Code), Is.EqualTo((0, 0, 0)));
        Assert.That(cut.Out, Does.Contain("--full or --json prints it whole"));
        Assert.That(full.Out, Does.Not.Contain("(cut;"));
        Assert.That(json.Out, Does.Not.Contain("(cut;").And.Not.Contain("not printed"));
    }
}
