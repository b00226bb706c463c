using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace FormalExpressivity.Cli.Tests;

/// <summary>
/// Issue 15's last reproduction (issue 16): <c>fex classify</c> of a 5 000-state partially ordered (monotone) DFA ran over
/// 600 s — the global row's synthesized formula (thousands of operators deep) was compiled for its proof with a
/// budget on states only, each state costing every subformula, and its text overflowed the stack and then held
/// gigabytes. Now the proof's work is bounded by <c>max-states</c>, the text is printed children first with a
/// bounded memo, and LTT is decided on the DFA. Since then every row that reports the formula shares one proof, the proof
/// stops at the budget max-states names (max-states · 64 subformula evaluations), and the simplification counts its minimizations' real
/// cost: the whole classify takes seconds of CPU (78 s before) with every row answered.
/// </summary>
public class LargeDfaClassifyTests
{
    /// <summary>
    /// A monotone DFA over {a, b} (benchmarks/classify-scale/families.py's shape): a walks the chain q → q + 1, b jumps
    /// 0–3 ahead (0 with probability 2/5), the last state absorbs; random accepting states (fixed seed).
    /// </summary>
    private static string Monotone(int n, int seed)
    {
        var random = new Random(seed);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{{\"type\":\"dfa\",\"alphabet\":[\"a\",\"b\"],\"states\":{n},\"start\":0,\"accepting\":[");
        var jumps = new[] { 0, 0, 1, 2, 3 };
        var b = new int[n];
        for (int q = 0; q < n; q++) b[q] = Math.Min(n - 1, q + jumps[random.Next(jumps.Length)]);
        bool first = true;
        for (int q = 0; q < n; q++)
            if (random.Next(2) == 0)
            {
                sb.Append(first ? "" : ",").Append(q.ToString(CultureInfo.InvariantCulture));
                first = false;
            }
        sb.Append("],\"transitions\":[");
        for (int q = 0; q < n; q++)
            sb.Append(CultureInfo.InvariantCulture, $"{(q == 0 ? "" : ",")}[{q},\"a\",{Math.Min(n - 1, q + 1)}],[{q},\"b\",{b[q]}]");
        sb.Append("]}");
        return sb.ToString();
    }

    /// <summary>The CPU seconds the whole classify may take: about 6 s in a Release build and 10–15 s in a Debug one; the old path took 78 s (Release).</summary>
    private const double CpuBoundSeconds = 45;

    [Test]
    public void Classify_of_a_5000_state_monotone_dfa_answers_every_row_in_seconds()
    {
        var dir = Directory.CreateTempSubdirectory("fex-large-");
        try
        {
            var path = Path.Combine(dir.FullName, "monotone-5000.json");
            File.WriteAllText(path, Monotone(5000, 3));
            // Every class row and every architecture row at the default budgets: the old path proved LC25's formula
            // (32 000 subformulas) once per row that reports it and simplified it with quadratic machine minimizations,
            // 78 s of CPU in all. The bound is on the child's CPU time, not the wall clock, so a loaded machine does not
            // fail it; a run over it is killed at once.
            var (code, output, error, cpu) = RunWithCpuBound(CpuBoundSeconds, "classify", path);
            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(error, Does.Not.Contain("overflow"));
            Assert.That(output, Does.Match("minimal DFA with 49[0-9][0-9] states"), output);
            Assert.That(output, Does.Not.Contain("unknown"), "every row is answered");
            Assert.That(output, Does.Contain("R          yes").And.Contain("LTT        no").And.Contain("PT         yes"), output);
            Assert.That(output, Does.Match(@"global +yes").And.Match(@"hybrid:4 +yes").And.Match(@"uha +yes").And.Match(@"local:1 +no"), output);
            // The formula's proof is withheld with the budget named (its unminimized compilation is far larger than the DFA).
            Assert.That(output, Does.Contain("not proved equivalent: the budget max-states"), output);
            TestContext.Out.WriteLine($"fex classify took {cpu:F1} s of CPU");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Runs fex, polling the child's CPU time; kills it and fails the test once it exceeds <paramref name="cpuSeconds"/>.</summary>
    private static (int Code, string Out, string Err, double CpuSeconds) RunWithCpuBound(double cpuSeconds, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(FexProcess.Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        double cpu = 0;
        var wall = Stopwatch.StartNew();
        while (!process.WaitForExit(100))
        {
            try
            {
                cpu = process.TotalProcessorTime.TotalSeconds;
            }
            catch (InvalidOperationException)
            {
                break; // exited between the two calls
            }
            if (cpu > cpuSeconds || wall.Elapsed > TimeSpan.FromMinutes(10))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"fex {string.Join(' ', args)} used {cpu:F1} s of CPU ({wall.Elapsed.TotalSeconds:F0} s wall), over the bound of {cpuSeconds} s");
            }
        }
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result, cpu);
    }
}
