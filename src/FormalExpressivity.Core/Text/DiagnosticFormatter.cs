using System.Text;

namespace FormalExpressivity.Core.Text;

/// <summary>
/// Renders diagnostics the way compilers do: <c>file:line:column: error CODE: message</c>,
/// then the offending source line and a caret line underneath (<c>^~~~</c>).
/// </summary>
public static class DiagnosticFormatter
{
    /// <summary>The most diagnostics <see cref="RenderAll"/> shows; the rest are counted in one "… and K more" line.</summary>
    public const int MaxRendered = 20;

    /// <summary>Source lines longer than this are shown clipped around the caret.</summary>
    public const int MaxLineWidth = 160;

    private const int Context = 60;

    /// <summary>Renders one diagnostic against its source text.</summary>
    /// <param name="diagnostic">The diagnostic to render.</param>
    /// <param name="source">The full source text the diagnostic's span refers to.</param>
    /// <param name="fileName">A name shown before the position, or <c>null</c> to omit it.</param>
    public static string Render(Diagnostic diagnostic, string source, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        ArgumentNullException.ThrowIfNull(source);
        var sb = new StringBuilder();
        Append(sb, diagnostic, source, fileName);
        return sb.ToString();
    }

    /// <summary>
    /// Renders the diagnostics one block after the other — at most <see cref="MaxRendered"/> of them, then
    /// one line <c>… and K more</c> (K includes what a <see cref="CappedDiagnostics"/> reader found and did not keep). Lines are located through a <see cref="LineIndex"/>, so the cost is
    /// linear in the source and the output, however many diagnostics there are.
    /// </summary>
    /// <param name="diagnostics">Diagnostics in the order to show them.</param>
    /// <param name="source">The source text they refer to.</param>
    /// <param name="fileName">A name shown before the position, or <c>null</c>.</param>
    public static string RenderAll(IEnumerable<Diagnostic> diagnostics, string source, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(source);
        var sb = new StringBuilder();
        int shown = 0;
        // A reader that stopped collecting at its cap counts the diagnostics it did not keep.
        long more = diagnostics is CappedDiagnostics capped ? capped.Omitted : 0;
        foreach (var d in diagnostics)
        {
            if (shown < MaxRendered)
            {
                Append(sb, d, source, fileName);
                shown++;
            }
            else more++;
        }
        string atLeast = diagnostics is CappedDiagnostics { AtLeast: true } ? "at least " : "";
        if (more > 0) sb.Append(fileName is null ? "" : fileName + ": ").Append($"… and {atLeast}{more} more diagnostic{(more == 1 ? "" : "s")}\n");
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, Diagnostic diagnostic, string source, string? fileName)
    {
        if (fileName is not null) sb.Append(fileName).Append(':');
        sb.Append(diagnostic.ToString()).Append('\n');
        var index = LineIndex.For(source);
        int lineNumber = diagnostic.Span.Line;
        if (lineNumber < 1 || lineNumber > index.LineCount) return;
        var (lineStart, lineLength) = index.Line(source, lineNumber);
        int col = Math.Clamp(diagnostic.Span.Column - 1, 0, lineLength);
        int len = Math.Max(1, Math.Min(diagnostic.Span.Length, Math.Max(1, lineLength - col)));
        // A long line is shown from a little before the caret to a little after the span, with "…" for the rest.
        int from = 0, to = lineLength;
        if (lineLength > MaxLineWidth)
        {
            from = Math.Max(0, col - Context);
            to = Math.Min(lineLength, col + Math.Min(len, Context) + Context);
            if (from > 0 && char.IsLowSurrogate(source[lineStart + from])) from--;
            if (to < lineLength && to > 0 && char.IsHighSurrogate(source[lineStart + to - 1])) to++;
            len = Math.Min(len, to - col);
        }
        string prefix = from > 0 ? "…" : "";
        sb.Append("  ").Append(prefix).Append(source, lineStart + from, to - from).Append(to < lineLength ? "…" : "").Append('\n');
        sb.Append("  ").Append(' ', prefix.Length);
        for (int i = from; i < col; i++) sb.Append(source[lineStart + i] == '\t' ? '\t' : ' ');
        sb.Append('^');
        if (len > 1) sb.Append('~', len - 1);
        sb.Append('\n');
    }
}
