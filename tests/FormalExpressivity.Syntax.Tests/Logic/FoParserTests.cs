using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Logic;
using FormalExpressivity.Testing;
using Snapshooter.NUnit;

namespace FormalExpressivity.Syntax.Tests.Logic;

public class FoParserTests
{
    private static FoFormula P(string text)
    {
        var r = FoParser.Parse(text);
        Assert.That(r.Success, Is.True, () => $"{text}: {DiagnosticFormatter.RenderAll(r.Diagnostics, text)}");
        return r.Value;
    }

    [Test]
    public void Parses_the_atomic_formulas_and_quantifiers()
    {
        var f = P("exists x. exists y. a(x) & succ(x, y) & b(y) & x < y & !(x = y) & first(x) | last(y)");
        var expected = Fo.Exists("x", Fo.Exists("y", Fo.Or(
            Fo.And(Fo.And(Fo.And(Fo.And(Fo.And(Fo.Label("a", "x"), Fo.Successor("x", "y")), Fo.Label("b", "y")), Fo.Less("x", "y")), Fo.Not(Fo.Equal("x", "y"))), Fo.First("x")),
            Fo.Last("y"))));
        Assert.That(f, Is.SameAs(expected));
    }

    [TestCase("forall x. a(x) -> b(x) -> c(x)", "forall x. (a(x) -> (b(x) -> c(x)))")]
    [TestCase("(exists x. a(x)) & (exists y. b(y))", "(exists x. a(x)) & exists y. b(y)")]
    [TestCase("exists x. a(x) & exists y. b(y) | c(x)", "exists x. (a(x) & (exists y. (b(y) | c(x))))")]
    [TestCase("exists x, y. x < y", "exists x. exists y. x < y")]
    [TestCase("!exists x. a(x)", "!(exists x. a(x))")]
    [TestCase("forall x. !a(x) | b(x)", "forall x. ((!a(x)) | b(x))")]
    public void Precedence_and_quantifier_scope(string text, string bracketed)
    {
        Assert.That(P(text), Is.SameAs(P(bracketed)));
    }

    [TestCase("∃x. ∀y: a(x) ∧ ¬b(y) ∨ x ≤ y → x ≠ y ↔ ⊤", "exists x. forall y. a(x) & !b(y) | x <= y -> x != y <-> true")]
    [TestCase("exists x. exists y. x <= y", "exists x. exists y. x < y | x = y")]
    [TestCase("exists x. exists y. x > y", "exists x. exists y. y < x")]
    [TestCase("exists x. exists y. x >= y", "exists x. exists y. y < x | x = y")]
    [TestCase("exists x. exists y. x != y", "exists x. exists y. !(x = y)")]
    [TestCase("exists x. 'first'(x) && ~'b'(x) || ⊥", "exists x. 'first'(x) & !b(x) | false")]
    public void Alternative_spellings_and_sugar(string spelled, string core)
    {
        Assert.That(P(spelled), Is.SameAs(P(core)));
    }

    [Test]
    public void Parse_of_print_is_the_same_object_on_random_sentences()
    {
        const int seed = 99;
        var random = new Random(seed);
        for (int i = 0; i < 3000; i++)
        {
            var f = RandomFo.Sentence(random, 1 + random.Next(16), ["a", "b", "first"], ["x", "y", "z"]);
            string text = FoPrinter.Print(f);
            var r = FoParser.Parse(text);
            Assert.That(r.Success, Is.True, () => $"seed {seed} #{i}: {text}: {DiagnosticFormatter.RenderAll(r.Diagnostics, text)}");
            Assert.That(r.Value, Is.SameAs(f), $"seed {seed} #{i}: {text} reparsed as {r.Value}");
        }
    }

    [Test]
    public void Free_variables_are_positioned_errors()
    {
        var r = FoParser.Parse("exists x. a(x) & x < y | (exists y. b(y)) & c(y)");
        Assert.That(r.Success, Is.False);
        Assert.That(r.Diagnostics.Select(d => (d.Code, d.Span.Offset)), Is.EqualTo(new[] { ("FO010", 21), ("FO010", 46) }));
    }

    [Test]
    public void Shadowing_is_allowed_and_evaluated_innermost()
    {
        var ab = Alphabet.Of("a", "b");
        var f = P("exists x. a(x) & exists x. b(x) & !a(x)");
        Assert.That(FoEvaluator.Accepts(f, ab, Word.Parse("ab", ab).Symbols), Is.True);
        Assert.That(FoEvaluator.Accepts(f, ab, Word.Parse("aa", ab).Symbols), Is.False);
    }

    [Test]
    public void Evaluator_follows_the_definitions_on_small_examples()
    {
        var ab = Alphabet.Of("a", "b");
        bool E(string s, string w) => FoEvaluator.Accepts(P(s), ab, Word.Parse(w, ab).Symbols);
        Assert.That(E("exists x. first(x) & a(x)", "ab"), Is.True);
        Assert.That(E("exists x. first(x) & a(x)", "ba"), Is.False);
        Assert.That(E("exists x. a(x)", ""), Is.False);
        Assert.That(E("forall x. a(x)", ""), Is.True);
        Assert.That(E("exists x. exists y. succ(x, y) & a(x) & b(y)", "bbab"), Is.True);
        Assert.That(E("exists x. exists y. succ(x, y) & a(x) & b(y)", "bbaa"), Is.False);
        Assert.That(E("exists x. last(x) & b(x)", "aab"), Is.True);
        Assert.That(E("exists x. exists y. x < y & b(x) & a(y)", "aab"), Is.False);
    }

    [Test]
    public void Alphabet_check_and_keyword_warning()
    {
        var r = FoParser.Parse("exists x. a(x) | z(x)", Alphabet.Of("a", "b"));
        Assert.That(r.Diagnostics.Single().Code, Is.EqualTo("FO009"));
        var q = FoParser.Parse("exists x. 'last'(x)", Alphabet.Of("a", "last"));
        Assert.That(q.Success, Is.True);
        Assert.That(q.Diagnostics.Single().Code, Is.EqualTo("FO011"));
    }

    [TestCase("(", 100_000)]
    [TestCase("!", 100_000)]
    [TestCase("exists x. ", 100_000)]
    [TestCase("a(x) & ", 100_000)]
    [TestCase("a(x) -> ", 100_000)]
    public void Deep_nesting_is_a_diagnostic_not_a_stack_overflow(string unit, int times)
    {
        string text = "exists x. " + string.Concat(Enumerable.Repeat(unit, times)) + "a(x)" + (unit == "(" ? new string(')', times) : "");
        var r = FoParser.Parse(text);
        Assert.That(r.Success, Is.False);
        Assert.That(r.Diagnostics[0].Code, Is.EqualTo("FO004"));
    }

    [Test]
    public void Nesting_just_under_the_limit_parses()
    {
        int n = FoParser.MaxNesting - 2;
        Assert.That(FoParser.Parse("exists x. " + new string('(', n) + "a(x)" + new string(')', n)).Success, Is.True);
        Assert.That(FoParser.Parse(string.Concat(Enumerable.Repeat("exists x. ", n)) + "a(x)").Success, Is.True);
    }

    private static readonly string[] Malformed =
    [
        "",
        "a(x)",
        "exists x a(x)",
        "exists . a(x)",
        "exists x. a(x",
        "exists x. a(x))",
        "exists x. a(x) &",
        "exists x. succ(x) ",
        "exists x. succ(x, x, x)",
        "exists x. first(x, x)",
        "exists x. x <",
        "exists x. x << x",
        "exists x. a(x) b(x)",
        "exists x. a()",
        "exists x. a(1)",
        "exists x. # a(x)",
        "forall first. a(first)",
        "exists x. a(x) & y = x",
        "exists x. 'a(x)",
        "exists x.\n  a(x) &\n  b(y)",
        "exists x. x",
        "exists x, . a(x)",
        "exists x. a(x) | | b(x)",
        "exists x. true false",
        "exists x. a(x) -> -> b(x)",
        "exists x. (a(x) & ) ",
        "exists x. ä(x)",
    ];

    [Test]
    public void Golden_diagnostics_with_carets_for_malformed_sentences()
    {
        var sb = new System.Text.StringBuilder();
        foreach (var text in Malformed)
        {
            var r = FoParser.Parse(text);
            Assert.That(r.Success, Is.False, text);
            sb.Append("== ").Append(text.Replace("\n", "\\n")).Append('\n');
            sb.Append(DiagnosticFormatter.RenderAll(r.Diagnostics, text));
        }
        Snapshot.Match(sb.ToString());
    }

    [Test]
    public void Random_garbage_yields_diagnostics_and_never_throws()
    {
        const int seed = 4711;
        var random = new Random(seed);
        string[] pieces = ["a", "b", "x", "y", "exists", "forall", "succ", "first", "last", "(", ")", "!", "&", "|", "->", "<->", ".", ",",
            "<", "=", "<=", "!=", "true", "'", "∃", "∀", " ", "\n", "#", "exists x.", "a(x)", "x < y", "\ud800", "'a'"];
        int failures = 0;
        for (int i = 0; i < 10_000; i++)
        {
            int len = random.Next(1, 14);
            var text = string.Concat(Enumerable.Range(0, len).Select(_ => random.Next(6) == 0 ? ((char)random.Next(32, 0x2300)).ToString() : pieces[random.Next(pieces.Length)]));
            ParseResult<FoFormula> r;
            try
            {
                r = FoParser.Parse(text);
            }
            catch (Exception e)
            {
                Assert.Fail($"seed {seed} #{i}: {text} threw {e}");
                return;
            }
            if (!r.Success)
            {
                failures++;
                foreach (var d in r.Diagnostics)
                {
                    Assert.That(d.Code, Does.StartWith("FO"));
                    Assert.That(d.Span.Offset, Is.InRange(0, text.Length));
                    Assert.That(DiagnosticFormatter.Render(d, text), Does.Contain("^"));
                }
            }
            else Assert.That(FoParser.Parse(FoPrinter.Print(r.Value)).Value, Is.SameAs(r.Value), $"seed {seed} #{i}: {text}");
        }
        Assert.That(failures, Is.GreaterThan(5000), "most garbage must be rejected");
    }
}
