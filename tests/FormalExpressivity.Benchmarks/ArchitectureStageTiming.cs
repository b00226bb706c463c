using System.Diagnostics;
using System.Globalization;
using FormalExpressivity.Automata.Formats;
using FormalExpressivity.Classes.Report;
using FormalExpressivity.Classes.Verdicts;
using FormalExpressivity.Core.Limits;

namespace FormalExpressivity.Benchmarks;

/// <summary>
/// <c>time-arch FILE.json [MAX-FORMULA-SIZE]</c>: runs the classification of <c>fex classify FILE.json</c>
/// (default window sizes and budgets) in steps (<see cref="Classifier.ClassifyStepwise"/>) and prints the CPU
/// milliseconds spent per activity (class rows, exact criteria, each stage on each row), the slowest first,
/// with the peak working set. Used to find which stage of which row a slow classify spends its time in.
/// </summary>
internal static class ArchitectureStageTiming
{
    public static int Run(string path, int? maxFormulaSize)
    {
        var dfa = DfaJson.ReadDfa(File.ReadAllText(path), determinizeNfa: true).GetValueOrThrow();
        var budgets = Budgets.Default;
        if (maxFormulaSize is int m) budgets = budgets with { MaxFormulaSize = m };
        var options = new ClassifierOptions { Engine = new VerdictEngine(VerdictOptions.From(budgets)) };
        var progress = new ClassificationProgress();
        var process = Process.GetCurrentProcess();
        double Cpu() { process.Refresh(); return process.TotalProcessorTime.TotalMilliseconds; }
        var spent = new Dictionary<string, double>();
        double start = Cpu(), last = start;
        string activity = "open";
        foreach (var _ in Classifier.ClassifyStepwise(dfa, options, null, progress))
        {
            double now = Cpu();
            spent[activity] = spent.GetValueOrDefault(activity) + (now - last);
            last = now;
            activity = progress.Activity;
        }
        var inv = CultureInfo.InvariantCulture;
        foreach (var (name, ms) in spent.OrderByDescending(p => p.Value).Take(25))
            Console.WriteLine(string.Create(inv, $"  {ms,7:F0} ms CPU  {name}"));
        process.Refresh();
        Console.WriteLine(string.Create(inv, $"  total {Cpu() - start:F0} ms CPU; peak working set {process.PeakWorkingSet64 >> 20} MiB"));
        return 0;
    }
}
