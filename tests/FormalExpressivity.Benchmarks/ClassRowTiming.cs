using System.Diagnostics;
using System.Globalization;
using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Formats;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Classes;
using FormalExpressivity.Classes.Deciders;

namespace FormalExpressivity.Benchmarks;

/// <summary>
/// <c>time-classes FILE.json [CLASS,…]</c>: loads a DFA, minimizes it, then decides each class row alone in a
/// fresh <see cref="DecisionContext"/> (so each row's time includes everything it needs) and finally all rows
/// in one shared context; prints one line per row (answer, milliseconds, the test that decided it) and the
/// peak working set. Times are CPU milliseconds of the process (all threads, so GC and JIT count) and wall
/// milliseconds: on a shared machine the CPU figure is the one to compare. Used by benchmarks/classify-scale/run.sh.
/// </summary>
internal static class ClassRowTiming
{
    private const int DeciderOptionsDefaults = FormalExpressivity.Core.Limits.Budgets.DefaultMaxSemigroup;

    public static int Run(string path, string? only, int maxSemigroup = DeciderOptionsDefaults)
    {
        var options = new DeciderOptions { MaxSemigroup = maxSemigroup };
        var dfa = DfaJson.ReadDfa(File.ReadAllText(path), determinizeNfa: true).GetValueOrThrow();
        var sw = Stopwatch.StartNew();
        var minimal = dfa.Minimize();
        double minimizeMs = sw.Elapsed.TotalMilliseconds;
        var rows = only is null or "all" ? ClassDeciders.All : only.Split(',').Select(Enum.Parse<LanguageClass>).ToList();
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"{Path.GetFileNameWithoutExtension(path)}: {dfa.StateCount} states, minimal {minimal.StateCount}, minimized in {minimizeMs:F0} ms"));
        double worst = 0;
        var process = Process.GetCurrentProcess();
        double Cpu() { process.Refresh(); return process.TotalProcessorTime.TotalMilliseconds; }
        foreach (var c in rows)
        {
            var context = new DecisionContext(minimal, options);
            sw.Restart();
            double cpu0 = Cpu();
            var v = context.Verdict(c);
            double ms = Cpu() - cpu0, wall = sw.Elapsed.TotalMilliseconds;
            worst = Math.Max(worst, ms);
            string answer = v.Answer switch { true => "yes", false => "no", null => "unknown" };
            string size = context.HasSemigroup ? string.Create(inv, $", |S| = {context.Semigroup.Count}, {context.Semigroup.BytesPerElement} B/element") : "";
            string stop = v.Evidence is BudgetStop b ? $" [{b.Describe(minimal.Alphabet)}]" : "";
            Console.WriteLine(string.Create(inv, $"  {c,-4} {answer,-8} {ms,7:F0} ms CPU {wall,7:F0} ms wall  {v.DecidedBy}{size}{stop}"));
        }
        var shared = new DecisionContext(minimal, options);
        sw.Restart();
        double cpuAll = Cpu();
        ClassDeciders.DecideAll(shared, rows);
        double all = Cpu() - cpuAll;
        process.Refresh();
        Console.WriteLine(string.Create(inv, $"  all rows, one context: {all:F0} ms CPU ({sw.Elapsed.TotalMilliseconds:F0} ms wall); slowest single row {worst:F0} ms CPU; peak working set {process.PeakWorkingSet64 >> 20} MiB"));
        return 0;
    }

    /// <summary><c>time-semigroup FILE.json MAX</c>: the Froidure–Pin enumeration of the minimal DFA's semigroup plus Green's relations, with CPU time and memory.</summary>
    public static int Semigroup(string path, int max)
    {
        var minimal = DfaJson.ReadDfa(File.ReadAllText(path), determinizeNfa: true).GetValueOrThrow().Minimize();
        var process = Process.GetCurrentProcess();
        double Cpu() { process.Refresh(); return process.TotalProcessorTime.TotalMilliseconds; }
        var sw = Stopwatch.StartNew();
        double cpu0 = Cpu();
        var s = FormalExpressivity.Classes.Algebra.TransitionSemigroup.Create(minimal, max);
        double enumerate = Cpu() - cpu0;
        var green = s.Green;
        double total = Cpu() - cpu0;
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileNameWithoutExtension(path)}: |S| = {s.Count} ({minimal.StateCount} states, {minimal.SymbolCount} letters), {s.BytesPerElement} B/element; enumeration {enumerate:F0} ms CPU, with Green's relations ({green.RCount} R-, {green.LCount} L-, {green.JCount} J-classes) {total:F0} ms CPU ({sw.Elapsed.TotalMilliseconds:F0} ms wall); peak working set {process.PeakWorkingSet64 >> 20} MiB"));
        return 0;
    }
}
