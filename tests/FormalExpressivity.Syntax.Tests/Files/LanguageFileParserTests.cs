using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Files;
using FormalExpressivity.Syntax.Logic;
using FormalExpressivity.Syntax.Temporal;
using Snapshooter.NUnit;

namespace FormalExpressivity.Syntax.Tests.Files;

public class LanguageFileParserTests
{
    [Test]
    public void Reads_alphabet_and_each_notation()
    {
        var ltl = LanguageFileParser.Parse("# factor ab\nalphabet {a, b, c}\nlanguage = ltl\"P(b & Y a)\"\n").GetValueOrThrow();
        Assert.That(ltl.Alphabet, Is.EqualTo(Alphabet.Of("a", "b", "c")));
        Assert.That(ltl.Notation, Is.EqualTo(LanguageNotation.Ltl));
        Assert.That(ltl.ParseLtl().Value, Is.SameAs(LtlParser.ParseOrThrow("P(b & Y a)")));
        var fo = LanguageFileParser.Parse("language = fo\"exists x.\n  a(x)\"  alphabet{a,b}").GetValueOrThrow();
        Assert.That(fo.ParseFo().Value, Is.SameAs(FoParser.ParseOrThrow("exists x. a(x)")));
        var re = LanguageFileParser.Parse("alphabet {a, b}\nlanguage = re\"(a|b)*\\\"\\\\\"").GetValueOrThrow();
        Assert.That(re.Notation, Is.EqualTo(LanguageNotation.Regex));
        Assert.That(re.Definition, Is.EqualTo("(a|b)*\"\\"));
    }

    [Test]
    public void Definition_diagnostics_point_into_the_file()
    {
        string text = "alphabet {a, b}\nlanguage = ltl\"P(b & \\\"Y z)\"\n";
        var file = LanguageFileParser.Parse(text).GetValueOrThrow();
        var r = file.ParseLtl();
        Assert.That(r.Success, Is.False);
        var rendered = DiagnosticFormatter.RenderAll(r.Diagnostics, text, "x.lang");
        Assert.That(rendered, Does.StartWith("x.lang:2:22: error LTL001"));
        var unknown = LanguageFileParser.Parse("alphabet {a, b}\nlanguage = ltl\"P(b & Y z)\"").GetValueOrThrow().ParseLtl();
        Assert.That(unknown.Diagnostics.Single().Code, Is.EqualTo("LTL009"));
        Assert.That(unknown.Diagnostics.Single().Span.Column, Is.EqualTo(24));
    }

    private static readonly string[] Malformed =
    [
        "",
        "alphabet {a, b}",
        "language = ltl\"a\"",
        "alphabet {a, a}\nlanguage = ltl\"a\"",
        "alphabet {a, 1b}\nlanguage = ltl\"a\"",
        "alphabet a, b\nlanguage = ltl\"a\"",
        "alphabet {a, b\nlanguage = ltl\"a\"",
        "alphabet {a}\nlanguage = regex\"a\"",
        "alphabet {a}\nlanguage = ltl \"a\"",
        "alphabet {a}\nlanguage ltl\"a\"",
        "alphabet {a}\nlanguage = ltl\"a",
        "alphabet {a}\nlanguage = ltl\"a\\n\"",
        "alphabet {a}\nalphabet {b}\nlanguage = ltl\"a\"",
        "alphabet {a}\nlanguage = ltl\"a\"\nlanguage = fo\"true\"",
        "alphabet {a}\nlanguage = ltl\"a\" extra",
        "alphabet {a}\n$ language = ltl\"a\"",
    ];

    [Test]
    public void Golden_diagnostics_for_malformed_files()
    {
        var sb = new System.Text.StringBuilder();
        foreach (var text in Malformed)
        {
            var r = LanguageFileParser.Parse(text);
            Assert.That(r.Success, Is.False, text);
            sb.Append("== ").Append(text.Replace("\n", "\\n")).Append('\n');
            sb.Append(DiagnosticFormatter.RenderAll(r.Diagnostics, text));
        }
        Snapshot.Match(sb.ToString());
    }

    [Test]
    public void Random_garbage_yields_diagnostics_and_never_throws()
    {
        const int seed = 31337;
        var random = new Random(seed);
        string[] pieces = ["alphabet", "language", "{", "}", "a", ",", "b", "=", "ltl", "fo", "re", "\"", "\\", "#", "\n", " ", "x", "P a", "\ud800"];
        for (int i = 0; i < 10_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            ParseResult<LanguageFile> r;
            try
            {
                r = LanguageFileParser.Parse(text);
                if (r.Success && r.Value.Notation == LanguageNotation.Ltl) r.Value.ParseLtl();
                if (r.Success && r.Value.Notation == LanguageNotation.Fo) r.Value.ParseFo();
            }
            catch (Exception e)
            {
                Assert.Fail($"seed {seed} #{i}: {text} threw {e}");
                return;
            }
            if (!r.Success) Assert.That(r.Diagnostics[0].Code, Does.StartWith("LANG"), $"seed {seed} #{i}");
        }
    }
}
