using System.Diagnostics;

namespace FormalExpressivity.Cli.Tests;

/// <summary>
/// Installation as .NET users expect it (issue 14): the CLI packs as a .NET tool, installs from a
/// local folder into a fresh tool path, and the installed <c>fex</c> runs <c>--version</c> and the
/// main job. Packing reuses this test run's build (<c>--no-build</c>, same configuration), so the
/// test costs a pack, an install and one check run.
/// </summary>
[NonParallelizable]
public class ToolPackageTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static string RepositoryRoot()
    {
        return FormalExpressivity.Testing.RepositoryRoot.Path;
    }

    private static (int Code, string Out, string Err) Run(string file, string directory, params string[] args)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(300_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', args)} did not finish in 300 s");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Test]
    public void The_cli_packs_as_a_dotnet_tool_that_installs_and_runs_the_main_job()
    {
        string root = RepositoryRoot();
        string work = Path.Combine(Path.GetTempPath(), "fex-tool-" + Guid.NewGuid().ToString("N"));
        string packages = Path.Combine(work, "packages"), tools = Path.Combine(work, "tools");
        try
        {
            var pack = Run("dotnet", root, "pack", Path.Combine("src", "FormalExpressivity.Cli", "FormalExpressivity.Cli.csproj"),
                "-c", Configuration, "--no-build", "-o", packages);
            Assert.That(pack.Code, Is.EqualTo(0), pack.Out + pack.Err);
            var package = Directory.GetFiles(packages, "FormalExpressivity.Cli.*.nupkg").Single(p => !p.EndsWith(".snupkg", StringComparison.Ordinal));
            string version = Path.GetFileNameWithoutExtension(package)["FormalExpressivity.Cli.".Length..];
            Assert.That(Directory.GetFiles(packages, "*.snupkg"), Is.Not.Empty, "symbols package");

            var install = Run("dotnet", root, "tool", "install", "--tool-path", tools, "--add-source", packages,
                "FormalExpressivity.Cli", "--version", version, "--ignore-failed-sources");
            Assert.That(install.Code, Is.EqualTo(0), install.Out + install.Err);
            string fex = Path.Combine(tools, OperatingSystem.IsWindows() ? "fex.exe" : "fex");

            var v = Run(fex, root, "--version");
            Assert.That(v.Code, Is.EqualTo(0), v.Err);
            Assert.That(v.Out.Trim(), Does.StartWith(version));

            var check = Run(fex, root, "check", Path.Combine("examples", "local-attention.claims"));
            Assert.That(check.Code, Is.EqualTo(0), check.Err);
            Assert.That(check.Out, Does.Match(@"\d+ claims: \d+ confirmed, 0 refuted"));
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }
}
