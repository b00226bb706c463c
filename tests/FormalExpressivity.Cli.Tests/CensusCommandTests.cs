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
