using System.Text;
namespace FormalExpressivity.Core.Text;

/// <summary>
/// Turns UTF-8 byte offsets into <see cref="SourceSpan"/>s (character offset, line, column) with a
/// forward-moving cursor: a run of queries at increasing offsets costs O(file size) in total,
/// not O(file size) each. A query behind the cursor restarts it from the beginning (readers report
/// in document order, so that is rare). Line breaks are '\n' (a byte that never occurs inside a
/// multi-byte UTF-8 sequence); columns count UTF-16 characters, as <see cref="SourceSpan.FromOffset"/> does.
/// </summary>
/// <param name="utf8">The UTF-8 text the offsets refer to.</param>
public sealed class Utf8Positions(ReadOnlyMemory<byte> utf8)
{
    private long _byte;
    private int _char;
    private int _line = 1;
    private int _lineStartChar;

    /// <summary>The span of <paramref name="byteLength"/> bytes at <paramref name="byteOffset"/>: at least one character
    /// (unless at the end), or with <paramref name="atLeastOneCharacter"/> false exactly the characters of those bytes, as
    /// <see cref="SourceSpan.FromOffset"/> gives for the decoded text.</summary>
    /// <param name="byteOffset">A byte offset into the text (clamped to it).</param>
    /// <param name="byteLength">The number of bytes the span covers.</param>
    /// <param name="atLeastOneCharacter">Whether an empty span is widened to one character.</param>
    public SourceSpan Span(long byteOffset, int byteLength, bool atLeastOneCharacter = true)
    {
        var bytes = utf8.Span;
        int offset = (int)Math.Clamp(byteOffset, 0, bytes.Length);
        if (offset < _byte) (_byte, _char, _line, _lineStartChar) = (0, 0, 1, 0);
        var gap = bytes.Slice((int)_byte, offset - (int)_byte);
        int lastBreak = gap.LastIndexOf((byte)'\n');
        if (lastBreak >= 0)
        {
            _line += gap.Count((byte)'\n');
            _lineStartChar = _char + Encoding.UTF8.GetCharCount(gap[..(lastBreak + 1)]);
        }
        _char += Encoding.UTF8.GetCharCount(gap);
        _byte = offset;
        int lengthBytes = Math.Min(atLeastOneCharacter ? Math.Max(byteLength, 1) : Math.Max(byteLength, 0), bytes.Length - offset);
        // At least one character, except at the very end of the text (as SourceSpan.FromOffset clamps).
        int length = lengthBytes == 0 ? 0 : Math.Max(atLeastOneCharacter ? 1 : 0, Encoding.UTF8.GetCharCount(bytes.Slice(offset, lengthBytes)));
        return new SourceSpan(_char, length, _line, _char - _lineStartChar + 1);
    }
}
