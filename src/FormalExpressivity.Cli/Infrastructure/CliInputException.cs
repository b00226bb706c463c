namespace FormalExpressivity.Cli.Infrastructure;

/// <summary>Bad user input whose diagnostics are already rendered (with file name and caret).</summary>
/// <param name="rendered">The rendered diagnostics, ending in a newline.</param>
public sealed class CliInputException(string rendered) : Exception(rendered)
{
    /// <summary>The rendered text written to standard error.</summary>
    public string Rendered { get; } = rendered;
}
