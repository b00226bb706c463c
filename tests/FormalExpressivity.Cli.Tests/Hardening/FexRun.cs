using System.Diagnostics;
using System.Text.RegularExpressions;

namespace FormalExpressivity.Cli.Tests.Hardening;

/// <summary>The outcome of one run of the real <c>fex</c> process.</summary>
/// <param name="Code">The exit code (−1 when it was killed after the time limit).</param>
/// <param name="Out">Standard output.</param>
/// <param name="Err">Standard error.</param>
/// <param name="Elapsed">Wall-clock time.</param>
/// <param name="PeakBytes">The largest resident set observed (VmHWM), 0 when it could not be read.</param>
/// <param name="Args">The command line, for messages.</param>
internal sealed record FexOutcome(int Code, string Out, string Err, TimeSpan Elapsed, long PeakBytes, string Args)
{
    public override string ToString() =>
        $"fex {Args}\n  exit {Code}, {Elapsed.TotalSeconds:F1} s, peak {PeakBytes >> 20} MiB\n  stderr: {Clip(Err)}\n  stdout: {Clip(Out)}";

    private static string Clip(string s) => s.Length > 2000 ? s[..2000] + "…" : s;
}

/// <summary>
/// Starts the real <c>fex</c> executable (<c>dotnet fex.dll</c> from the test output folder — the built
/// application, not the in-process entry point) with arguments, environment, a time limit and a sampled
/// peak-memory reading, and checks the hardening promises on its outcome.
/// </summary>
internal static partial class FexRun
{
    /// <summary>The memory budget every abuse run is given (<c>--max-memory</c>).</summary>
    public const string Budget = "512M";

    /// <summary>Budget in bytes.</summary>
    public const long BudgetBytes = 512L << 20;

    /// <summary>What the runtime itself needs beyond the managed heap the budget bounds (code, JIT, native buffers).</summary>
    public const long RuntimeOverheadBytes = 320L << 20;

    public static string Dll => Path.Combine(TestContext.CurrentContext.TestDirectory, "fex.dll");

    /// <summary>Runs fex in <paramref name="directory"/> and returns its outcome (killing it after <paramref name="timeout"/>).</summary>
    public static FexOutcome Run(string directory, TimeSpan timeout, IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string>? environment = null, string? runtimeConfig = null, Action<Process>? whileRunning = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        if (runtimeConfig is not null)
        {
            info.ArgumentList.Add("exec");
            info.ArgumentList.Add("--runtimeconfig");
            info.ArgumentList.Add(runtimeConfig);
        }
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        if (environment is not null) foreach (var (k, v) in environment) info.Environment[k] = v;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        bool killed = false;
        var watcher = Task.Run(() => whileRunning?.Invoke(process));
        while (!process.WaitForExit(25))
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
            if (clock.Elapsed > timeout)
            {
                killed = true;
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                break;
            }
        }
        clock.Stop();
        watcher.Wait(TimeSpan.FromSeconds(10));
        return new FexOutcome(killed ? -1 : process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed, peak, string.Join(' ', args.Select(Show)));
    }

    /// <summary>
    /// The promises every run keeps, whatever the input: a documented exit code (0–3), no stack trace and no
    /// "Unhandled exception" on standard error, within the time bound, and a peak memory under the budget
    /// (plus the runtime's own overhead) when <c>--max-memory</c> was given.
    /// </summary>
    public static void AssertHardened(FexOutcome o, TimeSpan bound, bool budgeted = true)
    {
        Assert.That(o.Code, Is.Not.EqualTo(-1), $"did not finish within {bound.TotalSeconds} s\n{o}");
        Assert.That(o.Code, Is.InRange(0, 3), o.ToString());
        Assert.That(o.Err, Does.Not.Contain("Unhandled exception").And.Not.Contain("internal error"), o.ToString());
        Assert.That(StackFrame().IsMatch(o.Err), Is.False, "a stack frame on standard error\n" + o);
        Assert.That(o.Elapsed, Is.LessThan(bound), o.ToString());
        if (budgeted && o.PeakBytes > 0) Assert.That(o.PeakBytes, Is.LessThan(BudgetBytes + RuntimeOverheadBytes), "peak memory over the budget\n" + o);
    }

    [GeneratedRegex(@"^\s+at [\w.`<>\[\]]+\(.*\)", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    /// <summary>VmHWM of a live process in bytes (0 once it has exited or where /proc is unavailable).</summary>
    private static long HighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
        }
        return 0;
    }

    private static string Show(string a)
    {
        var shown = a.Length > 80 ? a[..80] + $"…({a.Length} chars)" : a;
        return shown.Contains(' ') ? "'" + shown + "'" : shown;
    }
}

/// <summary>
/// A temporary working folder whose files are fingerprinted before a run, so a test can assert that no
/// file changed except the intended output and that no temporary file was left behind.
/// </summary>
internal sealed class Sandbox : IDisposable
{
    private Dictionary<string, string> _before = [];

    public Sandbox() => Directory = System.IO.Directory.CreateTempSubdirectory("fex-hardening-").FullName;

    public string Directory { get; }

    public string PathOf(string name) => System.IO.Path.Combine(Directory, name);

    public string Write(string name, string text)
    {
        File.WriteAllText(PathOf(name), text, new System.Text.UTF8Encoding(false));
        return name;
    }

    public string Write(string name, byte[] bytes)
    {
        File.WriteAllBytes(PathOf(name), bytes);
        return name;
    }

    /// <summary>Records every entry's fingerprint (links by their target, files by length and hash).</summary>
    public void Mark() => _before = Fingerprints();

    /// <summary>Asserts that, since <see cref="Mark"/>, only <paramref name="outputs"/> appeared or changed and no temporary file is left.</summary>
    public void AssertUnchangedExcept(FexOutcome o, params string[] outputs)
    {
        var after = Fingerprints();
        foreach (var (name, print) in after)
        {
            if (outputs.Contains(name)) continue;
            Assert.That(_before.TryGetValue(name, out var old) && old == print, Is.True, $"'{name}' appeared or changed\n{o}");
        }
        foreach (var name in _before.Keys) Assert.That(after.ContainsKey(name) || outputs.Contains(name), Is.True, $"'{name}' disappeared\n{o}");
        Assert.That(after.Keys.Where(n => n.EndsWith(".tmp", StringComparison.Ordinal)), Is.Empty, $"temporary file left\n{o}");
    }

    private Dictionary<string, string> Fingerprints()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in new DirectoryInfo(Directory).EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is { } target) result[entry.Name] = "link:" + target;
            else if (FormalExpressivity.Core.IO.FileKind.Of(entry.FullName) == FormalExpressivity.Core.IO.FileKind.Kind.Special) result[entry.Name] = "special"; // a FIFO: never read
            else if (entry is FileInfo f)
            {
                using var stream = f.OpenRead();
                result[entry.Name] = f.Length + ":" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(stream));
            }
            else result[entry.Name] = "dir";
        }
        return result;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
