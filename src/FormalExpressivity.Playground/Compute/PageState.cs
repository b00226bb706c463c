using System.Globalization;
using System.Text;

namespace FormalExpressivity.Playground.Compute;

/// <summary>
/// Everything the user set on the page; it lives in the URL (<c>?lang=…&amp;alphabet=…&amp;arch=…&amp;word=…</c>,
/// plus <c>windows</c>, <c>depth</c>, <c>types</c> when they differ from <c>fex classify</c>'s defaults and <c>heat</c> for numeric heat maps).
/// </summary>
/// <param name="Lang">The language text.</param>
/// <param name="Alphabet">The alphabet field.</param>
/// <param name="Arch">The architecture whose transformer is shown (a verdict key such as <c>hybrid:1</c>).</param>
/// <param name="Word">The word run through the DFA and the transformer.</param>
/// <param name="Settings">Window sizes and budgets.</param>
public sealed record PageState(string Lang, string Alphabet, string Arch, string Word, ClassifySettings Settings)
{
    /// <summary>The heat maps shown: <c>symbolic</c> (the default, not written to the URL), <c>fp32</c> or <c>bf16</c> (<c>heat=</c>).</summary>
    public string Heat { get; init; } = "symbolic";

    /// <summary>The state of a fresh page: (ab)* over {a, b}.</summary>
    public static PageState Initial { get; } = new("re:(ab)*", "a,b", "hybrid:1", "abab", ClassifySettings.Default);

    /// <summary>Reads the state from a URL's query; missing keys keep <see cref="Initial"/>'s values (the language only when none is given).</summary>
    /// <param name="uri">The page's absolute URL.</param>
    public static PageState FromUri(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var q = Parse(new Uri(uri).Query);
        bool any = q.ContainsKey("lang");
        var d = ClassifySettings.Default;
        return new PageState(
            any ? q["lang"] : Initial.Lang,
            q.TryGetValue("alphabet", out var a) ? a : any ? "" : Initial.Alphabet,
            q.TryGetValue("arch", out var arch) ? arch : Initial.Arch,
            q.TryGetValue("word", out var w) ? w : any ? "" : Initial.Word,
            new ClassifySettings(
                q.TryGetValue("windows", out var ks) ? ks : d.WindowSizes,
                q.TryGetValue("depth", out var r) && int.TryParse(r, NumberStyles.Integer, CultureInfo.InvariantCulture, out int depth) ? depth : d.MaxDepth,
                q.TryGetValue("types", out var t) && int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out int types) ? types : d.MaxTypes))
        {
            Heat = q.TryGetValue("heat", out var heat) && heat is "fp32" or "bf16" ? heat : "symbolic",
        };
    }

    /// <summary>The query string (with the leading <c>?</c>) that restores this state.</summary>
    public string ToQuery()
    {
        var parts = new List<string> { Pair("lang", Lang), Pair("alphabet", Alphabet), Pair("arch", Arch), Pair("word", Word) };
        var d = ClassifySettings.Default;
        if (Settings.WindowSizes != d.WindowSizes) parts.Add(Pair("windows", Settings.WindowSizes));
        if (Settings.MaxDepth != d.MaxDepth) parts.Add(Pair("depth", Settings.MaxDepth.ToString(CultureInfo.InvariantCulture)));
        if (Settings.MaxTypes != d.MaxTypes) parts.Add(Pair("types", Settings.MaxTypes.ToString(CultureInfo.InvariantCulture)));
        if (Heat != "symbolic") parts.Add(Pair("heat", Heat));
        return "?" + string.Join("&", parts);
    }

    /// <summary>The <c>fex classify</c> command that computes what the page shows (a <c>.lang</c> or JSON text is written to a file first).</summary>
    public string ToCliCommand()
    {
        var input = new LanguageInput(Lang, Alphabet);
        var sb = new StringBuilder();
        if (input.Kind is FormalExpressivity.Automata.Languages.LanguageFormat.LangFile or FormalExpressivity.Automata.Languages.LanguageFormat.Json or FormalExpressivity.Automata.Languages.LanguageFormat.Att)
            sb.Append("cat > ").Append(input.CliArgument).Append(" <<'EOF'\n").Append(Lang.TrimEnd('\n')).Append("\nEOF\n");
        sb.Append("fex classify ").Append(Quote(input.CliArgument));
        if (!string.IsNullOrWhiteSpace(Alphabet)) sb.Append(" --alphabet ").Append(Quote(Alphabet.Trim()));
        var d = ClassifySettings.Default;
        if (Settings.WindowSizes != d.WindowSizes) sb.Append(" --window-sizes ").Append(Quote(Settings.WindowSizes));
        if (Settings.MaxDepth != d.MaxDepth) sb.Append(" --max-depth ").Append(Settings.MaxDepth.ToString(CultureInfo.InvariantCulture));
        if (Settings.MaxTypes != d.MaxTypes) sb.Append(" --max-types ").Append(Settings.MaxTypes.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    /// <summary>Quotes a shell word (POSIX single quotes) unless it is made only of safe characters.</summary>
    /// <param name="word">The word.</param>
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is ',' or '.' or '_' or '-' or '/' or ':')
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    private static string Pair(string key, string value) => key + "=" + Uri.EscapeDataString(value);

    private static Dictionary<string, string> Parse(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            string key = Uri.UnescapeDataString((eq < 0 ? part : part[..eq]));
            string value = eq < 0 ? "" : Uri.UnescapeDataString(part[(eq + 1)..]);
            result[key] = value;
        }
        return result;
    }
}
