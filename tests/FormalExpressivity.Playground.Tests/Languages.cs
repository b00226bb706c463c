using FormalExpressivity.Testing;

namespace FormalExpressivity.Playground.Tests;

/// <summary>A language as the page takes it (text + alphabet field) and as <c>fex classify</c> takes it (arguments).</summary>
public sealed record LanguageCase(string Name, string Text, string Alphabet, string[] CliArguments)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>Every language of examples/ and tests/data/claims (<see cref="ExampleLanguages"/>), as page input and as <c>fex classify --json</c> arguments.</summary>
public static class Languages
{
    /// <summary>The repository root (the folder holding FormalExpressivity.sln).</summary>
    public static string Root => RepositoryRoot.Path;

    /// <summary>All cases, in a stable order.</summary>
    public static IEnumerable<LanguageCase> All() =>
        ExampleLanguages.All().Select(l => new LanguageCase(l.Name, l.Text, l.Alphabet, [.. l.ClassifyArguments, "--json"]));
}
