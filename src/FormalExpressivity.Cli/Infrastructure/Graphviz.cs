using System.Diagnostics;

namespace FormalExpressivity.Cli.Infrastructure;

/// <summary>Renders DOT to SVG with Graphviz's <c>dot</c> when it is on the PATH (Debian package <c>graphviz</c>).</summary>
public static class Graphviz
{
    /// <summary>True when a <c>dot</c> executable is on the PATH.</summary>
    public static bool IsAvailable => FindDot() is not null;

    /// <summary>Runs <c>dot -Tsvg</c> on <paramref name="dot"/> and returns the SVG text.</summary>
    /// <param name="dot">A DOT graph.</param>
    /// <exception cref="CliInputException">Graphviz is not installed, or <c>dot</c> failed.</exception>
    public static string ToSvg(string dot)
    {
        ArgumentNullException.ThrowIfNull(dot);
        var exe = FindDot() ?? throw new CliInputException(
            "fex: error: SVG output needs Graphviz's 'dot' on the PATH (Debian package graphviz); use --format dot and render it elsewhere\n");
        var start = new ProcessStartInfo(exe, "-Tsvg")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new CliInputException("fex: error: could not start Graphviz 'dot'\n");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(dot);
        process.StandardInput.Close();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new CliInputException("fex: error: Graphviz 'dot' did not finish within 60 s\n");
        }
        if (process.ExitCode != 0) throw new CliInputException($"fex: error: Graphviz 'dot' failed: {stderr.Result.Trim()}\n");
        return stdout.Result;
    }

    private static string? FindDot()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, OperatingSystem.IsWindows() ? "dot.exe" : "dot");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
