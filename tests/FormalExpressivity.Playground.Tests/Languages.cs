using FormalExpressivity.Syntax.Claims;

namespace FormalExpressivity.Playground.Tests;

/// <summary>A language as the page takes it (text + alphabet field) and as <c>fex classify</c> takes it (arguments).</summary>
public sealed record LanguageCase(string Name, string Text, string Alphabet, string[] CliArguments)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>Every language of examples/ and tests/data/claims: claims files' declarations, .lang files, JSON automata.</summary>
public static class Languages
{
    /// <summary>The repository root (the folder holding FormalExpressivity.sln).</summary>
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FormalExpressivity.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("FormalExpressivity.sln not found above the test assembly");
        }
    }

    /// <summary>All cases, in a stable order.</summary>
    public static IEnumerable<LanguageCase> All()
    {
        var claims = Directory.EnumerateFiles(Path.Combine(Root, "examples"), "*.claims", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "tests", "data", "claims"), "*.claims", SearchOption.AllDirectories))
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
                yield return new LanguageCase($"{Path.GetFileName(file)}:{l.Name.Name}", text, alphabet, ["classify", text, "--alphabet", alphabet, "--json"]);
            }
        }
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "examples"), "*.lang", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            yield return new LanguageCase(Path.GetFileName(file), File.ReadAllText(file), "", ["classify", file, "--json"]);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "examples"), "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".att", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            yield return new LanguageCase(Path.GetFileName(file), File.ReadAllText(file), "", ["classify", file, "--json"]);
    }
}
