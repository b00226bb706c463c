using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Claims;
using FormalExpressivity.Syntax.Logic;
using FormalExpressivity.Syntax.Regex;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Syntax.Tests;

/// <summary>One code scheme across the grammars (grammars/README.md, "Diagnostic codes"): the same kind of problem has the same last digits.</summary>
public sealed class DiagnosticCodeSchemeTests
{
    private static readonly Alphabet Ab = Alphabet.Of("a", "b");

    private static string Code<T>(ParseResult<T> result)
    {
        Assert.That(result.Success, Is.False);
        return result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error).Code;
    }

    private static string Re(string text) => Code(RegexParser.Parse(text, Ab));
    private static string Ltl(string text) => Code(LtlParser.Parse(text, Ab));
    private static string Fo(string text) => Code(FoParser.Parse(text, Ab));

    [Test]
    public void A_character_outside_the_syntax_is_001()
    {
        Assert.That(Re("a # b"), Is.EqualTo("RE001"));
        Assert.That(Ltl("a # b"), Is.EqualTo("LTL001"));
        Assert.That(Fo("exists x. a(x) # b(x)"), Is.EqualTo("FO001"));
        Assert.That(Code(ClaimsParser.Parse("alphabet {a, b}\nlanguage L = re\"a\" %\n")), Is.EqualTo("CLM001"));
    }

    [Test]
    public void An_unexpected_token_is_002_and_an_early_end_003()
    {
        Assert.That(Re("a | | b"), Is.EqualTo("RE002"));
        Assert.That(Ltl("a & & b"), Is.EqualTo("LTL002"));
        Assert.That(Fo("exists x. a(x) & & b(x)"), Is.EqualTo("FO002"));
        Assert.That(Re("a |"), Is.EqualTo("RE003"));
        Assert.That(Ltl("a &"), Is.EqualTo("LTL003"));
        Assert.That(Fo("exists x. a(x) &"), Is.EqualTo("FO003"));
    }

    [Test]
    public void Unmatched_parentheses_are_007_and_empty_input_008()
    {
        Assert.That(Re("(a"), Is.EqualTo("RE007"));
        Assert.That(Re("a)"), Is.EqualTo("RE007"));
        Assert.That(Ltl("(a"), Is.EqualTo("LTL007"));
        Assert.That(Fo("exists x. (a(x)"), Is.EqualTo("FO007"));
        Assert.That(Re("  "), Is.EqualTo("RE008"));
        Assert.That(Ltl("  "), Is.EqualTo("LTL008"));
        Assert.That(Fo("  "), Is.EqualTo("FO008"));
    }

    [Test]
    public void A_symbol_outside_the_declared_alphabet_is_009()
    {
        Assert.That(Re("a c"), Is.EqualTo("RE009"));
        Assert.That(Ltl("P c"), Is.EqualTo("LTL009"));
        Assert.That(Fo("exists x. c(x)"), Is.EqualTo("FO009"));
    }

    [Test]
    public void Nesting_limits_are_004_and_numbers_out_of_range_005()
    {
        Assert.That(Re(new string('(', 5000) + "a" + new string(')', 5000)), Is.EqualTo("RE004"));
        Assert.That(Ltl(new string('(', 5000) + "a" + new string(')', 5000)), Is.EqualTo("LTL004"));
        Assert.That(Fo("exists x. " + new string('(', 5000) + "a(x)" + new string(')', 5000)), Is.EqualTo("FO004"));
        Assert.That(Re("a{300000}"), Is.EqualTo("RE005")); // above the default max-states (RegexParser.DefaultMaxRepetitionCount)
        Assert.That(Ltl("Y[<=100000] a"), Is.EqualTo("LTL005"));
    }
}
