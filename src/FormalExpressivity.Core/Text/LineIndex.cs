using System.Runtime.CompilerServices;

namespace FormalExpressivity.Core.Text;

/// <summary>
/// The start offset of every line of a text, found in one pass, so that the line and column of any
/// offset — and the bounds of any line — cost a binary search instead of a scan from the start. One
/// index per text is kept while the text lives (<see cref="For"/>), so producing N diagnostics for a text
/// of n characters costs O(n + N log n), not O(N · n).
/// </summary>
public sealed class LineIndex
{
    private static readonly ConditionalWeakTable<string, LineIndex> Cache = new();
    private readonly int[] _starts;

    private LineIndex(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1)) starts.Add(i + 1);
        _starts = [.. starts];
        Length = text.Length;
    }

    /// <summary>The length of the indexed text.</summary>
    public int Length { get; }

    /// <summary>The number of lines (a text without a newline has one).</summary>
    public int LineCount => _starts.Length;

    /// <summary>The index of <paramref name="text"/>, built on first use and kept while the text is alive.</summary>
    /// <param name="text">A text.</param>
    public static LineIndex For(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Cache.GetValue(text, t => new LineIndex(t));
    }

    /// <summary>The one-based line and column of <paramref name="offset"/> (clamped to the text).</summary>
    /// <param name="offset">A zero-based offset.</param>
    public (int Line, int Column) Position(int offset)
    {
        offset = Math.Clamp(offset, 0, Length);
        int i = Array.BinarySearch(_starts, offset);
        if (i < 0) i = ~i - 1;
        return (i + 1, offset - _starts[i] + 1);
    }

    /// <summary>The offset and length of one-based line <paramref name="line"/>, without its line break (and a trailing <c>\r</c>).</summary>
    /// <param name="text">The indexed text.</param>
    /// <param name="line">A line number in 1 … <see cref="LineCount"/>.</param>
    public (int Start, int Length) Line(string text, int line)
    {
        ArgumentNullException.ThrowIfNull(text);
        int start = _starts[line - 1];
        int end = line < _starts.Length ? _starts[line] - 1 : text.Length;
        if (end > start && text[end - 1] == '\r') end--;
        return (start, end - start);
    }
}
