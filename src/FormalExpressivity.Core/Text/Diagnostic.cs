namespace FormalExpressivity.Core.Text;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The input cannot be used.</summary>
    Error,
    /// <summary>The input is usable but suspicious.</summary>
    Warning,
}

/// <summary>
/// A positioned message about bad input. <see cref="Code"/> is a stable identifier
/// (e.g. <c>RE002</c>) that tests and users can rely on; <see cref="Message"/> is for people.
/// Rendering with a caret is done by <see cref="DiagnosticFormatter"/>, never by the producer.
/// </summary>
/// <param name="Code">Stable machine-readable code such as <c>LTL003</c>.</param>
/// <param name="Span">Where in the source the problem is.</param>
/// <param name="Message">One sentence, starting lower-case, without a trailing period.</param>
/// <param name="Severity">Error or warning.</param>
public sealed record Diagnostic(string Code, SourceSpan Span, string Message, DiagnosticSeverity Severity = DiagnosticSeverity.Error)
{
    /// <summary>Creates an error diagnostic at <paramref name="offset"/> of <paramref name="text"/>.</summary>
    /// <param name="code">Stable machine-readable code.</param>
    /// <param name="text">The source text, used to compute line and column.</param>
    /// <param name="offset">Zero-based offset of the problem.</param>
    /// <param name="length">Characters covered.</param>
    /// <param name="message">Human-readable message.</param>
    public static Diagnostic Error(string code, string text, int offset, int length, string message) =>
        new(code, SourceSpan.FromOffset(text, offset, length), message);

    /// <inheritdoc />
    public override string ToString() => $"{Span.Line}:{Span.Column}: {(Severity == DiagnosticSeverity.Error ? "error" : "warning")} {Code}: {Message}";
}
