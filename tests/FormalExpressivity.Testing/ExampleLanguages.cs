using FormalExpressivity.Syntax.Claims;

namespace FormalExpressivity.Testing;

/// <summary>
/// A language of examples/ or tests/data/claims: as an input box takes it (<see cref="Text"/> and the alphabet field)
/// and as <c>fex classify</c> takes it (<see cref="Argument"/> and <c>--alphabet</c>).
/// </summary>
/// <param name="Name">File and language name.</param>
/// <param name="Text">The language text: <c>re:…</c>, <c>ltl:…</c>, <c>fo:…</c>, or a file's content.</param>
/// <param name="Alphabet">The declared alphabet, comma-separated; empty when the file declares its own.</param>
/// <param name="Argument">The LANG argument: the prefixed text, or the file's path.</param>
public sealed record ExampleLanguage(string Name, string Text, string Alphabet, string Argument)
{
    /// <summary>The <c>fex classify</c> arguments (without options other than <c>--alphabet</c>).</summary>
    public string[] ClassifyArguments => Alphabet.Length == 0 ? ["classify", Argument] : ["classify", Argument, "--alphabet", Alphabet];

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>Every language of examples/ and tests/data/claims: claims files' declarations, .lang files, JSON and AT&amp;T automata.</summary>
public static class ExampleLanguages
{
    /// <summary>All languages, in a stable order (a claims language declared twice alike is listed once).</summary>
    public static IEnumerable<ExampleLanguage> All()
    {
        var claims = Directory.EnumerateFiles(RepositoryRoot.Combine("examples"), "*.claims", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(RepositoryRoot.Combine("tests", "data", "claims"), "*.claims", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        foreach (var file in claims)
        {
            var parsed = ClaimsParser.Parse(File.ReadAllText(file));
            if (!parsed.Success) continue; // files of bad input: their languages are not all well-formed
            foreach (var l in parsed.Value.Languages)
            {
                string alphabet = string.Join(",", l.Alphabet.Symbols);
                string? text = l.Kind switch
                {
                    LanguageSourceKind.Regex => "re:" + l.Text,
                    LanguageSourceKind.Ltl => "ltl:" + l.Text,
                    LanguageSourceKind.Fo => "fo:" + l.Text,
                    _ => null,
                };
                if (text is null || !seen.Add((text, alphabet))) continue;
                yield return new ExampleLanguage($"{System.IO.Path.GetFileName(file)}:{l.Name.Name}", text, alphabet, text);
            }
        }
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot.Combine("examples"), "*.lang", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            yield return new ExampleLanguage(System.IO.Path.GetFileName(file), File.ReadAllText(file), "", file);
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot.Combine("examples"), "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".att", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            yield return new ExampleLanguage(System.IO.Path.GetFileName(file), File.ReadAllText(file), "", file);
    }
}
