using FormalExpressivity.Automata.Languages;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Automata.Tests.Languages;

/// <summary>The one language dispatcher (<see cref="LanguageDispatcher"/>) used by <c>fex</c> and the playground.</summary>
public class LanguageDispatcherTests
{
    private static readonly Alphabet Abc = Alphabet.Of("a", "b", "c");

    private static Dfa Ok(LanguageLoad load)
    {
        Assert.That(load.Error, Is.Null);
        return load.Dfa!;
    }

    [Test]
    public void Ltl_and_fo_arguments_compile_to_the_same_language()
    {
        var ltl = Ok(LanguageDispatcher.Load("ltl:P(b & Y a)", Abc));
        var fo = Ok(LanguageDispatcher.Load("fo:exists x, y. succ(x, y) & a(x) & b(y)", Abc));
        Assert.That(ltl.Alphabet, Is.EqualTo(Abc));
        Assert.That(Equivalence.AreEquivalent(ltl, fo), Is.True);
        Assert.That(ltl.Accepts(Word.Parse("cab", Abc)), Is.True);
    }

    [Test]
    public void An_ltl_argument_returns_the_formula_it_declares_and_others_none()
    {
        var ltl = LanguageDispatcher.Load("ltl:P(b & Y a)", Abc);
        Assert.That(ltl.Formula, Is.Not.Null);
        Assert.That(ltl.Formula!.Atoms(), Is.EquivalentTo(new[] { "a", "b" }));
        Assert.That(LanguageDispatcher.Load("re:Σ*abΣ*", Abc).Formula, Is.Null);
        Assert.That(LanguageDispatcher.LoadText("alphabet {a, b}\nlanguage = ltl\"Y a\"\n", null, "x.lang").Formula, Is.Not.Null);
    }

    [Test]
    public void Without_alphabet_the_mentioned_symbols_sorted_by_name_are_used()
    {
        Assert.That(Ok(LanguageDispatcher.Load("ltl:P(b & Y a)", null)).Alphabet, Is.EqualTo(Alphabet.Of("a", "b")));
        Assert.That(Ok(LanguageDispatcher.Load("fo:exists x. c(x) | a(x)", null)).Alphabet, Is.EqualTo(Alphabet.Of("a", "c")));
        Assert.That(Ok(LanguageDispatcher.Load("re:c*ba", null)).Alphabet, Is.EqualTo(Alphabet.Of("a", "b", "c")));
        var e = LanguageDispatcher.Load("ltl:P true", null);
        Assert.That(e.Error, Does.StartWith("ltl:1:1: error LTL006").And.Contain("--alphabet"));
    }

    [Test]
    public void Bad_formulas_are_rendered_with_carets()
    {
        var e = LanguageDispatcher.Load("ltl:P(b & Y z)", Abc);
        Assert.That(e.Error, Is.EqualTo("ltl:1:9: error LTL009: atom 'z' is not a symbol of the alphabet {a, b, c}\n  P(b & Y z)\n          ^\n"));
        Assert.That(LanguageDispatcher.Load("fo:exists x. a(y)", Abc).Error, Does.StartWith("fo:1:13: error FO010"));
    }

    [Test]
    public void Text_input_spans_point_into_the_whole_text()
    {
        var e = LanguageDispatcher.LoadText("  ltl:P(b & Y z)", Abc, "unused");
        Assert.That(e.Spans, Is.EqualTo(new[] { (2 + 4 + 8, 1) }));
        Assert.That(LanguageDispatcher.FormatOfText(" {\"type\":\"dfa\"}"), Is.EqualTo(LanguageFormat.Json));
        Assert.That(LanguageDispatcher.FormatOfText("0 1 a\n"), Is.EqualTo(LanguageFormat.Att));
        Assert.That(LanguageDispatcher.FormatOfText("alphabet {a}"), Is.EqualTo(LanguageFormat.LangFile));
        Assert.That(LanguageDispatcher.LoadText("zz:abc", null, "x").Error, Is.EqualTo("fex: error: unknown language prefix 'zz:'; known: re:, ltl:, fo:\n"));
        Assert.That(LanguageDispatcher.LoadText("hello", null, "x").Error, Does.StartWith("fex: error: cannot tell the format of the language"));
    }

    [Test]
    public void Arguments_dispatch_on_prefix_then_extension_and_extend_to_the_declared_alphabet()
    {
        Assert.That(LanguageDispatcher.Load("zz:abc", null).Error, Is.EqualTo("fex: error: unknown language prefix 'zz:'; known: re:, ltl:, fo:\n"));
        Assert.That(LanguageDispatcher.Load("file.txt", null).Error, Does.StartWith("fex: error: cannot tell the format of 'file.txt'"));
        Assert.That(LanguageDispatcher.Load("missing.json", null).Error, Is.EqualTo("fex: error: cannot read 'missing.json': no such file\n"));
        var extended = Ok(LanguageDispatcher.Load("re:a*", Alphabet.Of("b", "a")));
        Assert.That(extended.Alphabet.Symbols, Is.EqualTo(new[] { "b", "a" }), "the declared order");
        Assert.That(extended.Accepts(Word.Parse("aa", extended.Alphabet)) && !extended.Accepts(Word.Parse("ab", extended.Alphabet)), Is.True);
    }

    [Test]
    public void A_budget_of_the_construction_throws_with_its_name()
    {
        var e = Assert.Throws<BudgetExceededException>(() => LanguageDispatcher.Load("re:(a|b)*a(a|b){12}", null, Budgets.Default with { MaxStates = 100 }));
        Assert.That(e!.BudgetName, Is.EqualTo("max-states"));
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
            var dfa = Ok(LanguageDispatcher.Load(good, null));
            Assert.That(Equivalence.AreEquivalent(dfa, Ok(LanguageDispatcher.Load("ltl:P(b & Y a)", Abc))), Is.True);
            string bad = Path.Combine(dir, "bad.lang");
            File.WriteAllText(bad, "alphabet {a, b}\nlanguage = fo\"exists x. a(x) &\"\n");
            Assert.That(LanguageDispatcher.Load(bad, null).Error, Does.StartWith($"{bad}:2:31: error FO003"));
            string re = Path.Combine(dir, "re.lang");
            File.WriteAllText(re, "alphabet {a, b}\nlanguage = re\"a(\"\n");
            Assert.That(LanguageDispatcher.Load(re, null).Error, Does.StartWith($"{re}:2:"), "regex diagnostics are relocated into the file");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
