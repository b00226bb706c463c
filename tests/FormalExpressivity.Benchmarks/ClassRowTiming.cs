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
/// peak working set. Used by benchmarks/classify-scale/run.sh.
/// </summary>
internal static class ClassRowTiming
{
    public static int Run(string path, string? only)
    {
        var dfa = DfaJson.ReadDfa(File.ReadAllText(path), determinizeNfa: true).GetValueOrThrow();
        var sw = Stopwatch.StartNew();
        var minimal = dfa.Minimize();
        double minimizeMs = sw.Elapsed.TotalMilliseconds;
        var rows = only is null ? ClassDeciders.All : only.Split(',').Select(Enum.Parse<LanguageClass>).ToList();
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"{Path.GetFileNameWithoutExtension(path)}: {dfa.StateCount} states, minimal {minimal.StateCount}, minimized in {minimizeMs:F0} ms"));
        double worst = 0;
        foreach (var c in rows)
        {
            var context = new DecisionContext(minimal);
            sw.Restart();
            var v = context.Verdict(c);
            double ms = sw.Elapsed.TotalMilliseconds;
            worst = Math.Max(worst, ms);
            string answer = v.Answer switch { true => "yes", false => "no", null => "unknown" };
            string size = context.HasSemigroup ? string.Create(inv, $", |S| = {context.Semigroup.Count}, {context.Semigroup.BytesPerElement} B/element") : "";
            string stop = v.Evidence is BudgetStop b ? $" [{b.Describe(minimal.Alphabet)}]" : "";
            Console.WriteLine(string.Create(inv, $"  {c,-4} {answer,-8} {ms,9:F1} ms  {v.DecidedBy}{size}{stop}"));
        }
        var shared = new DecisionContext(minimal);
        sw.Restart();
        ClassDeciders.DecideAll(shared, rows);
        double all = sw.Elapsed.TotalMilliseconds;
        Console.WriteLine(string.Create(inv, $"  all rows, one context: {all:F0} ms; slowest single row {worst:F0} ms; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 >> 20} MiB"));
        return 0;
    }
}
