using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Corpora.Writers;

/// <summary>Corpus file formats (documented in <c>docs/formats.md</c>, section "Corpus files").</summary>
public enum CorpusFormat
{
    /// <summary>One JSON object per line: <c>{"string":"abba","length":4,"label":true}</c>.</summary>
    Jsonl,

    /// <summary>Comma-separated with the header <c>string,length,label</c>; labels 1 and 0.</summary>
    Csv,

    /// <summary>Apache Parquet with columns <c>string</c> (UTF-8), <c>length</c> (int32), <c>label</c> (boolean); one row group per length.</summary>
    Parquet,
}

/// <summary>Names, file extensions and the textual form of strings shared by the corpus writers and readers.</summary>
public static class CorpusFormats
{
    /// <summary>Parses <c>jsonl</c>, <c>csv</c> or <c>parquet</c> (case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <param name="format">The format.</param>
    public static bool TryParse(string? name, out CorpusFormat format)
    {
        switch ((name ?? "").Trim().ToLowerInvariant())
        {
            case "jsonl": format = CorpusFormat.Jsonl; return true;
            case "csv": format = CorpusFormat.Csv; return true;
            case "parquet": format = CorpusFormat.Parquet; return true;
            default: format = default; return false;
        }
    }

    /// <summary>The format implied by a file's extension (<c>.jsonl</c>, <c>.csv</c>, <c>.parquet</c>), if any.</summary>
    /// <param name="path">A path.</param>
    /// <param name="format">The format.</param>
    public static bool TryFromExtension(string path, out CorpusFormat format) =>
        TryParse(Path.GetExtension(path ?? "").TrimStart('.'), out format);

    /// <summary>The lower-case name of a format.</summary>
    /// <param name="format">A format.</param>
    public static string Name(CorpusFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>
    /// The string form of a word in corpus files: symbols juxtaposed when every symbol name is one
    /// character (<c>abba</c>), otherwise separated by single spaces (<c>a1 b0</c>); the empty word is
    /// the empty string (never <c>ε</c>, which ML tokenizers would treat as a symbol).
    /// </summary>
    /// <param name="word">The word.</param>
    /// <param name="alphabet">Its alphabet.</param>
    public static string FormatWord(Word word, Alphabet alphabet)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(alphabet);
        if (word.Length == 0) return "";
        if (alphabet.AllSingleCharacter)
        {
            return string.Create(word.Length, (word, alphabet), static (span, st) =>
            {
                for (int i = 0; i < span.Length; i++) span[i] = st.alphabet[st.word[i]][0];
            });
        }
        return word.Format(alphabet);
    }

    /// <summary>
    /// Parses the corpus form of a word (the inverse of <see cref="FormatWord"/>): one symbol per
    /// character when every symbol name is one character, otherwise space-separated names; the empty
    /// string is ε. Allocation-light: one array per word.
    /// </summary>
    /// <param name="text">The string as written in a corpus.</param>
    /// <param name="alphabet">The alphabet.</param>
    /// <param name="word">The word, when valid.</param>
    /// <param name="error">Why the text is not a word over the alphabet, otherwise null.</param>
    public static bool TryParseWord(string text, Alphabet alphabet, out Word? word, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(alphabet);
        if (!alphabet.AllSingleCharacter) return Word.TryParse(text, alphabet, out word, out error);
        Span<int> map = stackalloc int[128];
        map.Fill(-1);
        for (int a = 0; a < alphabet.Count; a++) map[alphabet[a][0]] = a; // names are ASCII identifiers
        var symbols = new int[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            int a = c < 128 ? map[c] : -1;
            if (a < 0)
            {
                word = null;
                error = $"'{c}' at offset {i} is not a symbol of the alphabet {alphabet}";
                return false;
            }
            symbols[i] = a;
        }
        word = Word.Of(symbols);
        error = null;
        return true;
    }
}
