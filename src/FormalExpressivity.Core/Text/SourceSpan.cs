namespace FormalExpressivity.Core.Text;

/// <summary>
/// A region of a source text: a zero-based character <see cref="Offset"/> and <see cref="Length"/>,
/// with the one-based <see cref="Line"/> and <see cref="Column"/> of its first character.
/// </summary>
/// <param name="Offset">Zero-based character offset of the first character.</param>
/// <param name="Length">Number of characters covered (0 for a point, e.g. "end of input").</param>
/// <param name="Line">One-based line number of <paramref name="Offset"/>.</param>
/// <param name="Column">One-based column (in characters) of <paramref name="Offset"/> on its line.</param>
public readonly record struct SourceSpan(int Offset, int Length, int Line, int Column)
{
    /// <summary>A span that points at nothing in particular (whole-input problems).</summary>
    public static SourceSpan None => new(0, 0, 1, 1);

    /// <summary>Computes the span of <paramref name="length"/> characters at <paramref name="offset"/> in <paramref name="text"/>.</summary>
    /// <param name="text">The whole source text, used to count lines and columns.</param>
    /// <param name="offset">Zero-based offset; clamped to the text.</param>
    /// <param name="length">Number of characters covered.</param>
    public static SourceSpan FromOffset(string text, int offset, int length = 1)
    {
        ArgumentNullException.ThrowIfNull(text);
        offset = Math.Clamp(offset, 0, text.Length);
        int line = 1, column = 1;
        if (offset < 512)
        {
            for (int i = 0; i < offset; i++)
            {
                if (text[i] == '\n') { line++; column = 1; }
                else column++;
            }
        }
        else (line, column) = LineIndex.For(text).Position(offset); // no rescan from the start per diagnostic
        return new SourceSpan(offset, Math.Max(0, Math.Min(length, text.Length - offset)), line, column);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column}";
}
