using System.CommandLine;
using System.Globalization;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Cli.Infrastructure;

/// <summary>The output streams of one <c>fex</c> run, and the one place that maps failures to exit codes.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>The command being run (set by <see cref="FexApp"/> after parsing); budget errors suggest its flags.</summary>
    public Command? Command { get; set; }

    /// <summary>
    /// Runs a command body: <see cref="InputException"/> becomes its rendered diagnostics and exit 3,
    /// <see cref="BudgetExceededException"/> its message with a value to try and exit 3,
    /// <see cref="UsageException"/> its message and exit 2, an <see cref="IOException"/>
    /// or <see cref="UnauthorizedAccessException"/> a one-line message and exit 3. Nothing else is caught.
    /// </summary>
    /// <param name="body">The command; returns its exit code.</param>
    public int Guard(Func<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var outer = Running.Value;
        Running.Value = this;
        try
        {
            return Run(body);
        }
        finally
        {
            Running.Value = outer;
        }
    }

    private static readonly AsyncLocal<CliConsole?> Running = new();

    /// <summary>
    /// Writes rendered warnings (for example JSON005 unknown key, JSON016 repeated accepting state) to the
    /// standard error of the command running now, also when the command succeeds; nothing outside a command.
    /// </summary>
    /// <param name="rendered">The rendered diagnostics, ending in a newline.</param>
    public static void Warn(string rendered)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        if (rendered.Length > 0) Running.Value?.Error.Write(rendered);
    }

    private int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (InputException e)
        {
            foreach (var d in e.Diagnostics.Take(DiagnosticFormatter.MaxRendered)) Error.WriteLine("fex: " + d);
            if (e.Diagnostics.Count > DiagnosticFormatter.MaxRendered) Error.WriteLine($"fex: … and {e.Diagnostics.Count - DiagnosticFormatter.MaxRendered} more diagnostics");
            return ExitCodes.Input;
        }
        catch (CliInputException e)
        {
            Error.Write(e.Rendered);
            return ExitCodes.Input;
        }
        catch (UsageException e)
        {
            Error.WriteLine($"fex{(Command is null ? "" : " " + Command.Name)}: {e.Message}");
            Error.WriteLine($"Try 'fex {(Command is null ? "" : Command.Name + " ")}--help'.");
            return ExitCodes.Usage;
        }
        catch (BudgetExceededException e)
        {
            Error.WriteLine("fex: error: " + e.Message + Suggestion(e));
            return ExitCodes.Input;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Error.WriteLine("fex: error: " + e.Message);
            return ExitCodes.Input;
        }
    }

    /// <summary>For a budget the command has a flag for: the flag with four times the exceeded value (within range).</summary>
    private string Suggestion(BudgetExceededException e)
    {
        var budget = Budgets.Find(e.BudgetName);
        if (budget is null || Command is null || !Command.Options.Any(o => o.Name == budget.Flag)) return "";
        // A message that already gives the value to try (or says none helps) needs no second suggestion.
        if (e.Message.Contains("try --", StringComparison.Ordinal) || e.Message.Contains("value allows it", StringComparison.Ordinal)) return "";
        long next = e.Limit > budget.Maximum / 4 ? budget.Maximum : Math.Max(e.Limit * 4, e.Limit + 1);
        return next <= e.Limit ? "" : string.Create(CultureInfo.InvariantCulture, $" (e.g. {budget.Flag} {next})");
    }
}
