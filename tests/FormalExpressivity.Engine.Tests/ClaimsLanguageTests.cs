using FormalExpressivity.Automata.Languages;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Engine.Claims;
using FormalExpressivity.Engine.Languages;
using FormalExpressivity.Syntax.Claims;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Engine.Tests;

/// <summary>
/// A claims file's <c>re"…"</c>, <c>ltl"…"</c> and <c>fo"…"</c> languages compile through the one language
/// dispatcher: the same DFA and the same diagnostics as the <c>re:</c>, <c>ltl:</c> and <c>fo:</c> arguments, placed
/// inside the claims file; an <c>ltl"…"</c> formula is declared to the decider chain only when read at the end.
/// </summary>
public class ClaimsLanguageTests
{
    private static readonly Alphabet AB = Alphabet.Of("a", "b");

    [TestCase(LanguageSourceKind.Regex, LanguageFormat.Regex, "(a|b)*ab")]
    [TestCase(LanguageSourceKind.Ltl, LanguageFormat.Ltl, "Y b & Y Y a")]
    [TestCase(LanguageSourceKind.Ltl, LanguageFormat.Ltl, "F (a & X b)")]
    [TestCase(LanguageSourceKind.Fo, LanguageFormat.Fo, "exists x. exists y. (x < y & a(x) & b(y))")]
    [TestCase(LanguageSourceKind.Regex, LanguageFormat.Regex, "(a|c")]
    [TestCase(LanguageSourceKind.Ltl, LanguageFormat.Ltl, "P c")]
    [TestCase(LanguageSourceKind.Fo, LanguageFormat.Fo, "a(x)")]
    public void Claims_languages_and_arguments_agree(LanguageSourceKind kind, LanguageFormat format, string text)
    {
        var claims = new ClaimsLanguageCompiler().Compile(kind, text, AB, ".");
        var argument = LanguageDispatcher.CompileText(format, text, AB);
        Assert.That(claims.Success, Is.EqualTo(argument.Success));
        Assert.That(claims.Diagnostics.Select(d => d.ToString()), Is.EqualTo(argument.Diagnostics.Select(d => d.ToString())));
        if (claims.Success)
            Assert.That(Equivalence.AreEquivalent(claims.Value.Dfa, argument.Value.Dfa), Is.True);
    }

    [Test]
    public void An_ltl_formula_is_declared_only_when_read_at_the_end()
    {
        var warnings = new List<string>();
        var end = new ClaimsLanguageCompiler(warn: warnings.Add).Compile(LanguageSourceKind.Ltl, "Y a", AB, ".");
        Assert.That(end.Value.Formula, Is.Not.Null);
        Assert.That(warnings, Is.Empty);
        var zero = new ClaimsLanguageCompiler(at: LtlEvaluationPoint.Zero, warn: warnings.Add).Compile(LanguageSourceKind.Ltl, "Y a", AB, ".");
        Assert.That(zero.Value.Formula, Is.Null, "read at position 0 it is no proof for the past fragments");
        Assert.That(warnings, Has.Count.EqualTo(1).And.Some.Contains("ltl\"Y a\""));
    }
}
