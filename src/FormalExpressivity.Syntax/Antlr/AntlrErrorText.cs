using Antlr4.Runtime;
using Antlr4.Runtime.Misc;

namespace FormalExpressivity.Syntax.Antlr;

/// <summary>
/// The pieces every grammar's error listener shares: mapping ANTLR's (line, column) to an offset,
/// asking for the expected tokens without letting ANTLR's recovery exceptions escape, and joining
/// alternatives as "x, y or z".
/// </summary>
internal static class AntlrErrorText
{
    /// <summary>The offset of ANTLR's one-based <paramref name="line"/> and zero-based <paramref name="column"/>, clamped to the text.</summary>
    public static int OffsetOf(string text, int line, int column)
    {
        int offset = 0;
        for (int l = 1; l < line && offset < text.Length; offset++)
            if (text[offset] == '\n') l++;
        return Math.Clamp(offset + column, 0, text.Length);
    }

    /// <summary>
    /// The tokens the parser expected at an error (from the exception when there is one), or null
    /// when ANTLR cannot compute them after recovery.
    /// </summary>
    public static IntervalSet? ExpectedTokens(Parser? parser, RecognitionException? e = null)
    {
        try
        {
            return e?.GetExpectedTokens() ?? parser?.GetExpectedTokens();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>"x", "x or y", "x, y or z"; empty for no names.</summary>
    public static string JoinAlternatives(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1],
    };
}
