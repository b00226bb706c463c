using System.Diagnostics;

namespace FormalExpressivity.Cli.Tests;

/// <summary>Runs the real <c>fex</c> executable (not the in-process entry point) and captures its exit code and streams.</summary>
internal static class FexProcess
{
    /// <summary>The path of fex.dll next to the test assembly.</summary>
    public static string Dll => Path.Combine(TestContext.CurrentContext.TestDirectory, "fex.dll");

    /// <summary>Runs <c>dotnet fex.dll ARGS</c> with a time limit; fails the test on a timeout.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args) => RunIn(null, args);

    /// <summary>Runs fex in <paramref name="directory"/>.</summary>
    public static (int Code, string Out, string Err) RunIn(string? directory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory ?? TestContext.CurrentContext.TestDirectory,
        };
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"fex {string.Join(' ', args)} did not finish in 120 s");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
