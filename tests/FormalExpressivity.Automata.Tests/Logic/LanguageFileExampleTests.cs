using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Files;

namespace FormalExpressivity.Automata.Tests.Logic;

/// <summary>
/// The example <c>.lang</c> files in <c>examples/languages</c> parse, compile, and accept and reject
/// the words their <c># accepts:</c> / <c># rejects:</c> comments list (comma-separated; an empty entry is ε).
/// </summary>
public class LanguageFileExampleTests
{
    private static string ExamplesDirectory() =>
        ExamplesDirectoryOrNull() ?? throw new DirectoryNotFoundException("repository root (FormalExpressivity.sln) not found above the test directory");

    private static IEnumerable<string> Files() =>
        Directory.Exists(ExamplesDirectoryOrNull()) ? Directory.GetFiles(ExamplesDirectoryOrNull()!, "*.lang").Select(Path.GetFileName).Order(StringComparer.Ordinal)! : [];

    private static string? ExamplesDirectoryOrNull()
    {
        var dir = new DirectoryInfo(FormalExpressivity.Testing.RepositoryRoot.Path);
        return dir is null ? null : Path.Combine(dir.FullName, "examples", "languages");
    }

    [Test]
    public void There_are_example_files() => Assert.That(Files().Count(), Is.GreaterThanOrEqualTo(5));

    [TestCaseSource(nameof(Files))]
    public void Example_compiles_and_classifies_its_listed_words(string name)
    {
        string text = File.ReadAllText(Path.Combine(ExamplesDirectory(), name));
        var parsed = LanguageFileParser.Parse(text);
        Assert.That(parsed.Success, Is.True, () => DiagnosticFormatter.RenderAll(parsed.Diagnostics, text, name));
        var file = parsed.Value;
        var dfa = file.Notation switch
        {
            LanguageNotation.Ltl => LtlCompiler.ToDfa(file.ParseLtl().GetValueOrThrow(), file.Alphabet),
            LanguageNotation.Fo => FoCompiler.ToDfa(file.ParseFo().GetValueOrThrow(), file.Alphabet),
            _ => null,
        };
        if (dfa is null) Assert.Ignore($"{name}: regex examples are compiled by the regex front end's tests");
        int checkedWords = 0;
        foreach (var line in text.Split('\n'))
        {
            foreach (var (prefix, expected) in new[] { ("# accepts:", true), ("# rejects:", false) })
            {
                if (!line.StartsWith(prefix, StringComparison.Ordinal)) continue;
                foreach (var entry in line[prefix.Length..].Split(','))
                {
                    var w = Word.Parse(entry, file.Alphabet);
                    Assert.That(dfa!.Accepts(w), Is.EqualTo(expected), $"{name}: '{entry.Trim()}'");
                    checkedWords++;
                }
            }
        }
        Assert.That(checkedWords, Is.GreaterThanOrEqualTo(4), $"{name} lists too few words");
    }
}
