using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Temporal;
using FormalExpressivity.Testing;
using Snapshooter.NUnit;

namespace FormalExpressivity.Syntax.Tests.Temporal;

public class LtlParserTests
{
    private static readonly LtlFormula A = Ltl.Atom("a"), B = Ltl.Atom("b"), C = Ltl.Atom("c");

    private static LtlFormula P(string text)
    {
        var r = LtlParser.Parse(text);
        Assert.That(r.Success, Is.True, () => $"{text}: {DiagnosticFormatter.RenderAll(r.Diagnostics, text)}");
        return r.Value;
    }

    [Test]
    public void Parses_the_reference_formulas_of_theory_section_2()
    {
        Assert.That(P("P(a & !P true)"), Is.SameAs(Ltl.Past(Ltl.And(A, Ltl.Not(Ltl.Past(Ltl.True))))));
        Assert.That(P("Y a"), Is.SameAs(Ltl.Yesterday(A)));
        Assert.That(P("Y b & Y Y a"), Is.SameAs(Ltl.And(Ltl.Yesterday(B), Ltl.Yesterday(Ltl.Yesterday(A)))));
        Assert.That(P("P(b & P a)"), Is.SameAs(Ltl.Past(Ltl.And(B, Ltl.Past(A)))));
        Assert.That(P("P(b & Y a)"), Is.SameAs(Ltl.Past(Ltl.And(B, Ltl.Yesterday(A)))));
        Assert.That(P("Y[<=3] a"), Is.SameAs(Ltl.WindowYesterday(3, A)));
        Assert.That(P("Y[<=3,>=2] a"), Is.SameAs(Ltl.WindowCount(3, 2, A)));
    }

    [TestCase("a -> b -> c", "a -> (b -> c)")]
    [TestCase("a & b | c", "(a & b) | c")]
    [TestCase("a | b & c", "a | (b & c)")]
    [TestCase("a S b S c", "a S (b S c)")]
    [TestCase("a S b U c", "a S (b U c)")]
    [TestCase("a & b S c", "a & (b S c)")]
    [TestCase("!a S b", "(!a) S b")]
    [TestCase("Y a S b", "(Y a) S b")]
    [TestCase("a <-> b -> c", "a <-> (b -> c)")]
    [TestCase("a | b -> c", "(a | b) -> c")]
    [TestCase("a | b | c", "(a | b) | c")]
    [TestCase("P Y !a", "P(Y(!(a)))")]
    public void Precedence_and_associativity_match_the_printer(string text, string bracketed)
    {
        Assert.That(P(text), Is.SameAs(P(bracketed)));
    }

    [TestCase("¬a ∧ b ∨ c → a ↔ b", "!a & b | c -> a <-> b")]
    [TestCase("~a && b || c => a <=> b", "!a & b | c -> a <-> b")]
    [TestCase("a ⇒ b ⇔ c", "a -> b <-> c")]
    [TestCase("⊤ & ⊥ | a", "true & false | a")]
    [TestCase("O a & ◆ b & ■ c", "P a & P b & H c")]
    [TestCase("○ a & ◇ b & ♢ c & □ a", "X a & F b & F c & G a")]
    [TestCase("Y[≤3] a | Y[≤4,≥2] b", "Y[<=3] a | Y[<=4,>=2] b")]
    [TestCase("'a' & 'b'", "a & b")]
    [TestCase("  P(\n a\t)  ", "P a")]
    public void Alternative_spellings_denote_the_same_formula(string spelled, string ascii)
    {
        Assert.That(P(spelled), Is.SameAs(P(ascii)));
    }

    [Test]
    public void Operators_are_separate_words_and_quoted_names_are_atoms()
    {
        Assert.That(P("Pa"), Is.SameAs(Ltl.Atom("Pa")));
        Assert.That(P("'P' & P 'Y'"), Is.SameAs(Ltl.And(Ltl.Atom("P"), Ltl.Past(Ltl.Atom("Y")))));
        Assert.That(LtlPrinter.Print(Ltl.And(Ltl.Atom("P"), Ltl.Past(Ltl.Atom("S")))), Is.EqualTo("'P' & P 'S'"));
    }

    [Test]
    public void Parse_of_print_is_the_same_object_on_random_formulas()
    {
        const int seed = 20261129;
        var random = new Random(seed);
        string[] atoms = ["a", "b", "b0", "P", "true"];
        var all = TemporalOperators.AnyPast | TemporalOperators.AnyFuture;
        for (int i = 0; i < 3000; i++)
        {
            var f = RandomLtl.Create(random, 1 + random.Next(14), atoms.Where(s => s != "true").ToArray(), all, maxWindow: 6);
            if (random.Next(3) == 0) f = Ltl.Implies(f, Ltl.Iff(RandomLtl.Create(random, 4, atoms[..3], all), f));
            string text = LtlPrinter.Print(f);
            var r = LtlParser.Parse(text);
            Assert.That(r.Success, Is.True, $"seed {seed} #{i}: {text}");
            Assert.That(r.Value, Is.SameAs(f), $"seed {seed} #{i}: {text} reparsed as {r.Value}");
        }
    }

    [Test]
    public void Alphabet_check_reports_unknown_atoms_and_warns_about_operator_names()
    {
        var ab = Alphabet.Of("a", "b");
        var r = LtlParser.Parse("P(a & Y zz) | zz", ab);
        Assert.That(r.Success, Is.False);
        Assert.That(r.Diagnostics.Select(d => (d.Code, d.Span.Column)), Is.EqualTo(new[] { ("LTL009", 9), ("LTL009", 15) }));
        var withP = LtlParser.Parse("P 'P'", Alphabet.Of("a", "P"));
        Assert.That(withP.Success, Is.True);
        Assert.That(withP.Value, Is.SameAs(Ltl.Past(Ltl.Atom("P"))));
        Assert.That(withP.Diagnostics.Single().Code, Is.EqualTo("LTL010"));
    }

    [TestCase("(", 100_000)]
    [TestCase("!", 100_000)]
    [TestCase("Y ", 100_000)]
    [TestCase("a & ", 100_000)]
    [TestCase("a -> ", 100_000)]
    [TestCase("a S ", 100_000)]
    public void Deep_nesting_is_a_diagnostic_not_a_stack_overflow(string unit, int times)
    {
        string text = string.Concat(Enumerable.Repeat(unit, times)) + "a" + (unit == "(" ? new string(')', times) : "");
        var r = LtlParser.Parse(text);
        Assert.That(r.Success, Is.False);
        Assert.That(r.Diagnostics[0].Code, Is.EqualTo("LTL004"));
    }

    [Test]
    public void Nesting_just_under_the_limit_parses()
    {
        int n = LtlParser.MaxNesting - 1;
        var parens = LtlParser.Parse(new string('(', n) + "a" + new string(')', n));
        Assert.That(parens.Value, Is.SameAs(A));
        var ys = LtlParser.Parse(string.Concat(Enumerable.Repeat("Y ", n)) + "a");
        Assert.That(ys.Value, Is.SameAs(Ltl.YesterdayPower(n, A)));
        var mixed = LtlParser.Parse(string.Concat(Enumerable.Repeat("!(Y ", 300)) + "a" + new string(')', 300));
        Assert.That(mixed.Success, Is.True);
        Assert.That(mixed.Value.Depth, Is.EqualTo(300));
    }

    private static readonly string[] Malformed =
    [
        "",
        "   ",
        "a &",
        "& a",
        "(a",
        "a)",
        "P(a & b))",
        "((a) | (b)",
        "a b",
        "Y[<=0] a",
        "Y[<=3,>=4] a",
        "Y[<=99999999999] a",
        "Y[<=3 a",
        "Y[3] a",
        "Y[<=2,>=] a",
        "a # b",
        "a & $",
        "a -> -> b",
        "P",
        "a S",
        "S a",
        "!",
        "'P",
        "a\n& (b |\n   ^ c)",
        "X[<=2] a",
        "true false",
        "a <- b",
        "a = b",
        "ȧ & b",
        "a & \ud83d\ude00",
        "a & 'b c'",
    ];

    [Test]
    public void Golden_diagnostics_with_carets_for_malformed_formulas()
    {
        var sb = new System.Text.StringBuilder();
        foreach (var text in Malformed)
        {
            var r = LtlParser.Parse(text);
            Assert.That(r.Success, Is.False, text);
            sb.Append("== ").Append(text.Replace("\n", "\\n")).Append('\n');
            sb.Append(DiagnosticFormatter.RenderAll(r.Diagnostics, text));
        }
        Snapshot.Match(sb.ToString());
    }

    [Test]
    public void Random_garbage_yields_diagnostics_and_never_throws()
    {
        const int seed = 777;
        var random = new Random(seed);
        string[] pieces = ["a", "b", "P", "Y", "H", "S", "X", "F", "G", "U", "(", ")", "!", "&", "|", "->", "<->", "[", "]", "<=", ">=", ",",
            "3", "0", "true", "false", "'", "¬", "∧", "→", " ", "\n", "#", "é", "\u0000", "Y[<=2]", "'P'", "~", "=>", "\ud83d"];
        int failures = 0;
        for (int i = 0; i < 10_000; i++)
        {
            int len = random.Next(1, 14);
            var text = string.Concat(Enumerable.Range(0, len).Select(_ => random.Next(5) == 0 ? ((char)random.Next(32, 0x2200)).ToString() : pieces[random.Next(pieces.Length)]));
            ParseResult<LtlFormula> r;
            try
            {
                r = LtlParser.Parse(text);
            }
            catch (Exception e)
            {
                Assert.Fail($"seed {seed} #{i}: {text} threw {e}");
                return;
            }
            if (!r.Success)
            {
                failures++;
                Assert.That(r.Diagnostics, Is.Not.Empty);
                foreach (var d in r.Diagnostics)
                {
                    Assert.That(d.Code, Does.StartWith("LTL"));
                    Assert.That(d.Span.Offset, Is.InRange(0, text.Length));
                    Assert.That(DiagnosticFormatter.Render(d, text), Does.Contain("^"));
                }
            }
            else Assert.That(LtlParser.Parse(LtlPrinter.Print(r.Value)).Value, Is.SameAs(r.Value), $"seed {seed} #{i}: {text}");
        }
        Assert.That(failures, Is.GreaterThan(5000), "most garbage must be rejected");
    }
}
