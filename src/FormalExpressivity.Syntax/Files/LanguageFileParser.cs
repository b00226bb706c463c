using System.Text;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Syntax.Files;

/// <summary>
/// Parses <c>.lang</c> files (docs/formats.md, section ".lang files"):
/// <code>
/// # Σ*abΣ* over three symbols
/// alphabet {a, b, c}
/// language = ltl"P(b &amp; Y a)"
/// </code>
/// Exactly one <c>alphabet</c> and one <c>language</c> declaration, in any order; <c>#</c> starts a
/// comment; the definition is <c>re"…"</c>, <c>ltl"…"</c> or <c>fo"…"</c> (may span lines; <c>\"</c> and
/// <c>\\</c> are the only escapes). Never throws on bad input.
/// </summary>
/// <remarks>
/// Codes (the shared scheme of grammars/README.md): LANG002 unexpected text; LANG007 unterminated
/// string or '{'; LANG010 no alphabet declaration; LANG011 invalid alphabet; LANG012 no language
/// declaration; LANG013 unknown notation; LANG014 repeated declaration; LANG015 bad escape.
/// </remarks>
public static class LanguageFileParser
{
    /// <summary>Parses the text of a <c>.lang</c> file.</summary>
    /// <param name="text">The file content.</param>
    public static ParseResult<LanguageFile> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<Diagnostic>();
        Alphabet? alphabet = null;
        (LanguageNotation Notation, string Text, int[] Offsets)? language = null;
        int i = 0;
        Diagnostic Error(string code, int offset, int length, string message) => Diagnostic.Error(code, text, offset, length, message);
        while (errors.Count == 0)
        {
            SkipSpaceAndComments(text, ref i);
            if (i >= text.Length) break;
            int start = i;
            string word = Identifier(text, ref i);
            if (word == "alphabet")
            {
                if (alphabet is not null) { errors.Add(Error("LANG014", start, word.Length, "the alphabet is declared twice")); break; }
                SkipSpaceAndComments(text, ref i);
                if (i >= text.Length || text[i] != '{') { errors.Add(Error("LANG002", i, 1, "expected '{' after 'alphabet'")); break; }
                int close = text.IndexOf('}', i);
                if (close < 0) { errors.Add(Error("LANG007", i, 1, "'{' is never closed")); break; }
                if (!Alphabet.TryParse(text[i..(close + 1)], out alphabet, out var why))
                {
                    errors.Add(Error("LANG011", i, close + 1 - i, $"invalid alphabet: {why}"));
                    break;
                }
                i = close + 1;
            }
            else if (word == "language")
            {
                if (language is not null) { errors.Add(Error("LANG014", start, word.Length, "the language is declared twice")); break; }
                SkipSpaceAndComments(text, ref i);
                if (i >= text.Length || text[i] != '=') { errors.Add(Error("LANG002", i, 1, "expected '=' after 'language'")); break; }
                i++;
                SkipSpaceAndComments(text, ref i);
                int notationAt = i;
                string notation = Identifier(text, ref i);
                LanguageNotation? kind = notation switch
                {
                    "re" => LanguageNotation.Regex,
                    "ltl" => LanguageNotation.Ltl,
                    "fo" => LanguageNotation.Fo,
                    _ => null,
                };
                if (kind is null)
                {
                    errors.Add(Error("LANG013", notationAt, Math.Max(1, notation.Length), $"expected re\"…\", ltl\"…\" or fo\"…\", found '{(notation.Length > 0 ? notation : Show(text, notationAt))}'"));
                    break;
                }
                if (i >= text.Length || text[i] != '"') { errors.Add(Error("LANG002", i, 1, $"expected '\"' right after '{notation}'")); break; }
                var s = ReadString(text, ref i, errors);
                if (s is null) break;
                language = (kind.Value, s.Value.Text, s.Value.Offsets);
            }
            else
            {
                errors.Add(Error("LANG002", start, Math.Max(1, word.Length),
                    $"expected 'alphabet' or 'language', found '{(word.Length > 0 ? word : Show(text, start))}'"));
            }
        }
        if (errors.Count == 0 && alphabet is null) errors.Add(Error("LANG010", text.Length, 0, "the file declares no alphabet (alphabet {a, b, …})"));
        if (errors.Count == 0 && language is null) errors.Add(Error("LANG012", text.Length, 0, "the file declares no language (language = ltl\"…\")"));
        if (errors.Count > 0) return ParseResult<LanguageFile>.Fail(errors);
        return ParseResult<LanguageFile>.Ok(new LanguageFile(text, alphabet!, language!.Value.Notation, language.Value.Text, language.Value.Offsets));
    }

    private static (string Text, int[] Offsets)? ReadString(string text, ref int i, List<Diagnostic> errors)
    {
        int open = i++;
        var sb = new StringBuilder();
        var offsets = new List<int>();
        while (i < text.Length && text[i] != '"')
        {
            if (text[i] == '\\')
            {
                if (i + 1 < text.Length && text[i + 1] is '"' or '\\')
                {
                    offsets.Add(i);
                    sb.Append(text[i + 1]);
                    i += 2;
                    continue;
                }
                errors.Add(Diagnostic.Error("LANG015", text, i, 2, "only \\\" and \\\\ are escapes"));
                return null;
            }
            offsets.Add(i);
            sb.Append(text[i++]);
        }
        if (i >= text.Length)
        {
            errors.Add(Diagnostic.Error("LANG007", text, open, 1, "the string is never closed"));
            return null;
        }
        offsets.Add(i); // one past the end: the closing quote
        i++;
        return (sb.ToString(), [.. offsets]);
    }

    private static void SkipSpaceAndComments(string text, ref int i)
    {
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i])) i++;
            else if (text[i] == '#')
                while (i < text.Length && text[i] != '\n') i++;
            else break;
        }
    }

    private static string Identifier(string text, ref int i)
    {
        int start = i;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) i++;
        return text[start..i];
    }

    private static string Show(string text, int at)
    {
        // Shown inside quotes by the callers: a printable character bare, others as one code point (U+1F600).
        string shown = CodePoints.Describe(text, at, "end of file");
        return shown.StartsWith('\'') ? shown[1..^1] : shown;
    }
}
