using System.Text;

namespace FormalExpressivity.Core.Text;

/// <summary>
/// Renders diagnostics the way compilers do: <c>file:line:column: error CODE: message</c>,
/// then the offending source line and a caret line underneath (<c>^~~~</c>).
/// </summary>
public static class DiagnosticFormatter
{
    /// <summary>Renders one diagnostic against its source text.</summary>
    /// <param name="diagnostic">The diagnostic to render.</param>
    /// <param name="source">The full source text the diagnostic's span refers to.</param>
    /// <param name="fileName">A name shown before the position, or <c>null</c> to omit it.</param>
    public static string Render(Diagnostic diagnostic, string source, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        ArgumentNullException.ThrowIfNull(source);
        var sb = new StringBuilder();
        if (fileName is not null) sb.Append(fileName).Append(':');
        sb.Append(diagnostic.ToString()).Append('\n');
        var lines = source.Split('\n');
        int lineIndex = diagnostic.Span.Line - 1;
        if (lineIndex >= 0 && lineIndex < lines.Length)
        {
            string line = lines[lineIndex].TrimEnd('\r');
            sb.Append("  ").Append(line).Append('\n');
            int col = Math.Clamp(diagnostic.Span.Column - 1, 0, line.Length);
            int len = Math.Max(1, Math.Min(diagnostic.Span.Length, Math.Max(1, line.Length - col)));
            sb.Append("  ");
            for (int i = 0; i < col; i++) sb.Append(line[i] == '\t' ? '\t' : ' ');
            sb.Append('^');
            if (len > 1) sb.Append('~', len - 1);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Renders all diagnostics, one block after the other.</summary>
    /// <param name="diagnostics">Diagnostics in the order to show them.</param>
    /// <param name="source">The source text they refer to.</param>
    /// <param name="fileName">A name shown before the position, or <c>null</c>.</param>
    public static string RenderAll(IEnumerable<Diagnostic> diagnostics, string source, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var sb = new StringBuilder();
        foreach (var d in diagnostics) sb.Append(Render(d, source, fileName));
        return sb.ToString();
    }
}
