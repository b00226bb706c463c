using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Cli.Infrastructure;

/// <summary>The output streams of one <c>fex</c> run, and the one place that maps failures to exit codes.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>
    /// Runs a command body: <see cref="InputException"/> becomes its rendered diagnostics and exit 3,
    /// <see cref="BudgetExceededException"/> its message and exit 3, an <see cref="IOException"/>
    /// or <see cref="UnauthorizedAccessException"/> a one-line message and exit 3. Nothing else is caught.
    /// </summary>
    /// <param name="body">The command; returns its exit code.</param>
    public int Guard(Func<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return body();
        }
        catch (InputException e)
        {
            foreach (var d in e.Diagnostics) Error.WriteLine("fex: " + d);
            return ExitCodes.Input;
        }
        catch (CliInputException e)
        {
            Error.Write(e.Rendered);
            return ExitCodes.Input;
        }
        catch (BudgetExceededException e)
        {
            Error.WriteLine("fex: error: " + e.Message);
            return ExitCodes.Input;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Error.WriteLine("fex: error: " + e.Message);
            return ExitCodes.Input;
        }
    }
}
