using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Cli.Infrastructure;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using NUnit.Framework;

namespace FormalExpressivity.Cli.Tests.FrontEnds;

public class LogicFrontEndsTests
{
    private static readonly Alphabet Abc = Alphabet.Of("a", "b", "c");

    [Test]
    public void Ltl_and_fo_arguments_compile_to_the_same_language()
    {
        var ltl = LogicFrontEnds.LoadLtl("P(b & Y a)", Abc);
        var fo = LogicFrontEnds.LoadFo("exists x, y. succ(x, y) & a(x) & b(y)", Abc);
        Assert.That(ltl.Alphabet, Is.EqualTo(Abc));
        Assert.That(Equivalence.AreEquivalent(ltl, fo), Is.True);
        Assert.That(ltl.Accepts(Word.Parse("cab", Abc)), Is.True);
    }

    [Test]
    public void Without_alphabet_the_mentioned_symbols_sorted_by_name_are_used()
    {
        Assert.That(LogicFrontEnds.LoadLtl("P(b & Y a)", null).Alphabet, Is.EqualTo(Alphabet.Of("a", "b")));
        Assert.That(LogicFrontEnds.LoadFo("exists x. c(x) | a(x)", null).Alphabet, Is.EqualTo(Alphabet.Of("a", "c")));
        var e = Assert.Throws<CliInputException>(() => LogicFrontEnds.LoadLtl("P true", null));
        Assert.That(e!.Rendered, Does.Contain("--alphabet"));
    }

    [Test]
    public void Bad_formulas_are_rendered_with_carets()
    {
        var e = Assert.Throws<CliInputException>(() => LogicFrontEnds.LoadLtl("P(b & Y z)", Abc));
        Assert.That(e!.Rendered, Is.EqualTo("ltl:1:9: error LTL009: atom 'z' is not a symbol of the alphabet {a, b, c}\n  P(b & Y z)\n          ^\n"));
        var f = Assert.Throws<CliInputException>(() => LogicFrontEnds.LoadFo("exists x. a(y)", Abc));
        Assert.That(f!.Rendered, Does.StartWith("fo:1:13: error FO010"));
    }

    [Test]
    public void Language_files_compile_and_report_positions_in_the_file()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"fex-lang-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            string good = Path.Combine(dir, "lt2.lang");
            File.WriteAllText(good, "alphabet {a, b, c}\nlanguage = ltl\"P(b & Y a)\"\n");
            var dfa = LogicFrontEnds.LoadLanguageFile(good, null);
            Assert.That(Equivalence.AreEquivalent(dfa, LogicFrontEnds.LoadLtl("P(b & Y a)", Abc)), Is.True);
            string bad = Path.Combine(dir, "bad.lang");
            File.WriteAllText(bad, "alphabet {a, b}\nlanguage = fo\"exists x. a(x) &\"\n");
            var e = Assert.Throws<CliInputException>(() => LogicFrontEnds.LoadLanguageFile(bad, null));
            Assert.That(e!.Rendered, Does.StartWith($"{bad}:2:31: error FO003"));
            string re = Path.Combine(dir, "re.lang");
            File.WriteAllText(re, "alphabet {a, b}\nlanguage = re\"a*\"\n");
            Assert.That(Assert.Throws<CliInputException>(() => LogicFrontEnds.LoadLanguageFile(re, null))!.Rendered, Does.Contain("not available"));
            var relocated = Assert.Throws<CliInputException>(() => LogicFrontEnds.LoadLanguageFile(re, null,
                (t, s) => ParseResult<FormalExpressivity.Automata.Dfa>.Fail(Diagnostic.Error("RE002", t, 1, 1, "stub regex front end rejects this"))));
            Assert.That(relocated!.Rendered, Does.StartWith($"{re}:2:16: error RE002"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
