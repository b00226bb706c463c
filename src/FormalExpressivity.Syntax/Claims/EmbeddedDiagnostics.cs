using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Syntax.Claims;

/// <summary>
/// Moves diagnostics of an embedded parser (regex, LTL, FO, a model file's reader), whose spans
/// are relative to the text between the quotes, into the coordinates of the claims file.
/// </summary>
public static class EmbeddedDiagnostics
{
    /// <summary>
    /// Re-bases <paramref name="inner"/>: its offset is shifted by <paramref name="embedded"/>'s offset
    /// and line and column are recomputed in <paramref name="source"/>. The code, message and severity are kept.
    /// </summary>
    /// <param name="inner">A diagnostic whose span refers to the embedded text.</param>
    /// <param name="source">The claims file text.</param>
    /// <param name="embedded">Where the embedded text starts in <paramref name="source"/>, and its length.</param>
    public static Diagnostic Map(Diagnostic inner, string source, SourceSpan embedded)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(source);
        int offset = embedded.Offset + Math.Clamp(inner.Span.Offset, 0, embedded.Length);
        int length = Math.Clamp(inner.Span.Length, 0, embedded.Offset + embedded.Length - offset);
        return inner with { Span = SourceSpan.FromOffset(source, offset, length) };
    }

    /// <summary>Re-bases every diagnostic of <paramref name="inner"/> (see <see cref="Map(Diagnostic, string, SourceSpan)"/>).</summary>
    /// <param name="inner">Diagnostics relative to the embedded text.</param>
    /// <param name="source">The claims file text.</param>
    /// <param name="embedded">Where the embedded text is.</param>
    public static IReadOnlyList<Diagnostic> MapAll(IEnumerable<Diagnostic> inner, string source, SourceSpan embedded)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return inner.Select(d => Map(d, source, embedded)).ToList();
    }
}
