using System.Text.Json.Nodes;

namespace FormalExpressivity.Cli.Tests.Hardening;

/// <summary>
/// The output does not depend on the user's culture: the real executable runs once with invariant
/// globalization (as shipped) and once with ICU cultures switched on (a copy of its runtimeconfig with
/// <c>System.Globalization.Invariant</c> false and <c>DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=0</c>) under
/// tr-TR (dotless i casing) and de-DE (decimal comma); standard output and written files are byte-identical.
/// Needs ICU (Debian package libicu72, installed by .ci/run).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class CultureTests
{
    private static readonly string[][] Commands =
    [
        ["compile", "re:(ab|I)*i", "--alphabet", "a,b,I,i", "--format", "dot"],
        ["classify", "re:(ab)*", "--json"],
        ["classify", "ltl:Y[<=2] a", "--alphabet", "a,b"],
        ["corpus", "re:(a|b)*a", "--lengths", "1-6", "--per-length", "5", "-o", "c", "--format", "csv", "--json"],
        ["corpus", "ltl:P(a & Y b)", "--alphabet", "a,b", "--lengths", "1-5", "--per-length", "4", "-o", "p", "--format", "parquet"],
        ["simulate", "ltl:P(a & Y b)", "--alphabet", "a,b", "--lengths", "0-6", "--per-length", "20", "--numeric", "fp16"],
        ["equiv", "re:(a|b)*a", "ltl:a", "--alphabet", "a,b", "--json"],
    ];

    [TestCase("tr_TR.UTF-8")]
    [TestCase("de_DE.UTF-8")]
    public void Output_is_the_same_bytes_under_every_culture(string locale)
    {
        var config = CulturedRuntimeConfig();
        using var invariant = new Sandbox();
        using var cultured = new Sandbox();
        var env = new Dictionary<string, string>
        {
            ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "0",
            ["LANG"] = locale,
            ["LC_ALL"] = locale,
            ["TZ"] = "Europe/Istanbul",
        };
        foreach (var args in Commands)
        {
            var a = FexRun.Run(invariant.Directory, TimeSpan.FromSeconds(120), args);
            var b = FexRun.Run(cultured.Directory, TimeSpan.FromSeconds(120), args, env, config);
            Assert.That(b.Code, Is.EqualTo(a.Code), $"{a}\n{b}");
            Assert.That(b.Err, Does.Not.Contain("ICU"), "ICU must be installed (libicu72)\n" + b);
            Assert.That(b.Out.Replace(cultured.Directory, "DIR"), Is.EqualTo(a.Out.Replace(invariant.Directory, "DIR")), $"{string.Join(' ', args)} under {locale}");
        }
        var files = Directory.EnumerateFiles(invariant.Directory, "*", SearchOption.AllDirectories).ToList();
        Assert.That(files, Is.Not.Empty);
        foreach (var file in files)
        {
            var name = Path.GetRelativePath(invariant.Directory, file);
            Assert.That(File.ReadAllBytes(cultured.PathOf(name)), Is.EqualTo(File.ReadAllBytes(file)), $"{name} under {locale}");
        }
    }

    /// <summary>A copy of fex's runtimeconfig with invariant globalization off, so the process really runs with ICU cultures.</summary>
    private static string CulturedRuntimeConfig()
    {
        var dir = TestContext.CurrentContext.TestDirectory;
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "fex.runtimeconfig.json")))!;
        json["runtimeOptions"]!["configProperties"]!["System.Globalization.Invariant"] = false;
        json["runtimeOptions"]!["configProperties"]!["System.Globalization.PredefinedCulturesOnly"] = false;
        var path = Path.Combine(Path.GetTempPath(), "fex-cultured." + Environment.ProcessId + ".runtimeconfig.json");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }
}
