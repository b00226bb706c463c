using System.Diagnostics;
using Spectre.Console;

namespace FormalExpressivity.Cli.Infrastructure;

/// <summary>Where a long-running command reports its stages and their progress.</summary>
public interface IProgressSink
{
    /// <summary>Starts a stage (ending the previous one).</summary>
    /// <param name="name">What the stage does, e.g. "writing train".</param>
    /// <param name="total">Its amount of work in any unit (≥ 1).</param>
    void Stage(string name, double total = 1);

    /// <summary>Records <paramref name="amount"/> units of the current stage as done.</summary>
    /// <param name="amount">Units done since the last call.</param>
    void Advance(double amount);
}

/// <summary>
/// Progress for commands that can run longer than about two seconds: a Spectre.Console progress bar
/// on standard error when it is a terminal, otherwise one plain line per stage (and per further 25 %
/// of a stage) on standard error — printed only once the command has run for two seconds, so short
/// runs stay silent and their output is deterministic.
/// </summary>
public static class CliProgress
{
    /// <summary>The quiet period before anything is printed.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    /// <summary>Runs <paramref name="work"/> with a progress sink suited to the console.</summary>
    /// <typeparam name="T">The work's result.</typeparam>
    /// <param name="console">The command's streams.</param>
    /// <param name="command">The command's name, e.g. <c>fex corpus</c>.</param>
    /// <param name="work">The work; reports through the sink.</param>
    public static T Run<T>(CliConsole console, string command, Func<IProgressSink, T> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(work);
        bool terminal = ReferenceEquals(console.Error, Console.Error) && !Console.IsErrorRedirected;
        if (!terminal) return work(new PlainSink(console.Error, command));
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        ansi.Progress().AutoClear(true).Start(ctx => result = work(new SpectreSink(ctx)));
        return result;
    }

    private sealed class PlainSink(TextWriter error, string command) : IProgressSink
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private string _stage = "";
        private double _total = 1, _done;
        private int _printedQuarter = -1;

        public void Stage(string name, double total = 1)
        {
            _stage = name;
            _total = Math.Max(1, total);
            _done = 0;
            _printedQuarter = -1;
            Print();
        }

        public void Advance(double amount)
        {
            _done += amount;
            Print();
        }

        private void Print()
        {
            if (_clock.Elapsed < Quiet) return;
            int quarter = (int)Math.Min(4, 4 * _done / _total);
            if (quarter == _printedQuarter) return;
            _printedQuarter = quarter;
            error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{command}: {_stage} ({25 * quarter} %, {_clock.Elapsed.TotalSeconds:F0} s)"));
        }
    }

    private sealed class SpectreSink(ProgressContext context) : IProgressSink
    {
        private ProgressTask? _task;

        public void Stage(string name, double total = 1)
        {
            _task?.Value(_task.MaxValue);
            _task = context.AddTask(Markup.Escape(name), maxValue: Math.Max(1, total));
        }

        public void Advance(double amount) => _task?.Increment(amount);
    }
}
