using System.Globalization;

namespace FormalExpressivity.Core.Text;

/// <summary>
/// Characters as people see them in messages: a character outside the Basic Multilingual Plane is one
/// code point (<c>U+1F600</c>), never its two UTF-16 surrogates; control, space and lone surrogate
/// characters are shown as <c>U+XXXX</c>, printable ones quoted.
/// </summary>
public static class CodePoints
{
    /// <summary>The UTF-16 length of the character at <paramref name="offset"/>: 2 for a surrogate pair, 1 otherwise, 0 at the end.</summary>
    /// <param name="text">The text.</param>
    /// <param name="offset">A UTF-16 offset.</param>
    public static int LengthAt(string text, int offset)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (offset < 0 || offset >= text.Length) return 0;
        return offset + 1 < text.Length && char.IsSurrogatePair(text[offset], text[offset + 1]) ? 2 : 1;
    }

    /// <summary>True when the character at <paramref name="offset"/> is the second half of a surrogate pair.</summary>
    /// <param name="text">The text.</param>
    /// <param name="offset">A UTF-16 offset.</param>
    public static bool IsSecondHalf(string text, int offset)
    {
        ArgumentNullException.ThrowIfNull(text);
        return offset > 0 && offset < text.Length && char.IsSurrogatePair(text[offset - 1], text[offset]);
    }

    /// <summary>The character at <paramref name="offset"/> for a message: <c>'a'</c>, <c>U+1F600</c>, <c>U+0007</c>, or <c>end of input</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="offset">A UTF-16 offset.</param>
    /// <param name="end">What to say at the end of the text.</param>
    public static string Describe(string text, int offset, string end = "end of input")
    {
        ArgumentNullException.ThrowIfNull(text);
        if (offset < 0 || offset >= text.Length) return end;
        if (LengthAt(text, offset) == 2) return "U+" + char.ConvertToUtf32(text[offset], text[offset + 1]).ToString("X4", CultureInfo.InvariantCulture);
        char c = text[offset];
        return char.IsControl(c) || char.IsSurrogate(c) || char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format
            ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
            : $"'{c}'";
    }

    /// <summary>
    /// <paramref name="text"/> cut to at most <paramref name="max"/> UTF-16 units (never inside a surrogate pair)
    /// with "…" appended when cut: for quoting input in messages without echoing a huge token.
    /// </summary>
    /// <param name="text">The text to quote.</param>
    /// <param name="max">The most units kept.</param>
    public static string Clip(string text, int max = 40)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max) return text;
        int cut = max > 0 && char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..cut] + "…";
    }
}
