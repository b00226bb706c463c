namespace FormalExpressivity.Core.Text;

/// <summary>
/// Thrown by <c>…OrThrow</c> helpers and by operations when user input (a file, a formula, an
/// automaton) is unusable. The command line maps it to exit code 3 and prints the diagnostics.
/// </summary>
public sealed class InputException : Exception
{
    /// <summary>Creates the exception from diagnostics.</summary>
    /// <param name="diagnostics">At least one diagnostic.</param>
    public InputException(IReadOnlyList<Diagnostic> diagnostics)
        : base(diagnostics.Count > 0 ? diagnostics[0].ToString() : "invalid input")
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Creates the exception from one message with no position.</summary>
    /// <param name="code">Stable code.</param>
    /// <param name="message">Human-readable message.</param>
    public InputException(string code, string message) : this([new Diagnostic(code, SourceSpan.None, message)]) { }

    /// <summary>The diagnostics describing the problem.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
