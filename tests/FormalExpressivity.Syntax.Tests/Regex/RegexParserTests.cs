using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Regex;

namespace FormalExpressivity.Syntax.Tests.Regex;

public class RegexParserTests
{
    private static readonly Alphabet Abc = Alphabet.Of("a", "b", "c");
    private static readonly Alphabet Rdp = Alphabet.Of("a", "b0", "b1", "c");

    private static RegexNode Parse(string text, RegexBuilder builder)
    {
        var result = RegexParser.Parse(text, builder);
        Assert.That(result.Success, Is.True, () => text + ": " + string.Join("; ", result.Diagnostics));
        return result.Value;
    }

    [TestCase("Σ*abΣ*", "Σ*abΣ*")]
    [TestCase(".*ab.*", "Σ*abΣ*")]
    [TestCase("(a(ab)*b)*", "(a(ab)*b)*")]
    [TestCase("a|b c", "a|bc")]
    [TestCase("a b|c", "c|ab")]
    [TestCase("a|b", "[a b]")]
    [TestCase("a&b*|c", "c|a&b*")]
    [TestCase("~a*", "~a*")]
    [TestCase("(~a)*", "(~a)*")]
    [TestCase("~a b", "~ab")]
    [TestCase("!(a b)", "~(ab)")]
    [TestCase("¬¬a", "a")]
    [TestCase("a-b-c", "a&~b&~c")]
    [TestCase("a?", "a?")]
    [TestCase("(a b)?", "(ab)?")]
    [TestCase("a+", "a+")]
    [TestCase("a{2}", "a{2}")]
    [TestCase("a{2,}", "a{2,}")]
    [TestCase("a{2,5}", "a{2,5}")]
    [TestCase("a{0,1}", "a?")]
    [TestCase("a{0,}", "a*")]
    [TestCase("a{1}", "a")]
    [TestCase("a{0}", "ε")]
    [TestCase("eps", "ε")]
    [TestCase("empty", "∅")]
    [TestCase("eps a", "a")]
    [TestCase("empty a|b", "b")]
    [TestCase("[a b]", "[a b]")]
    [TestCase("[ab]", "[a b]")]
    [TestCase("[a,b]", "[a b]")]
    [TestCase("[^a]", "[b c]")]
    [TestCase("[^a b]", "c")]
    [TestCase("[^]", "Σ")]
    [TestCase("[]", "∅")]
    [TestCase("[a b c]", "Σ")]
    [TestCase("~empty", "Σ*")]
    [TestCase("~Σ*", "∅")]
    [TestCase("(a*)*", "a*")]
    [TestCase("(a+)*", "a*")]
    [TestCase("(a?)*", "a*")]
    [TestCase("eps|a*", "a*")]
    [TestCase("a∪b∩c", "a")]
    [TestCase("a ∖ b", "a&~b")]
    [TestCase("a & eps", "∅")]
    [TestCase("a* & eps", "ε")]
    [TestCase("[a b]&[b c]", "b")]
    [TestCase("a b c", "abc")]
    [TestCase("ab*", "ab*")]
    [TestCase("(ab)*", "(ab)*")]
    [TestCase("~ab", "~ab")]
    [TestCase("~(ab)", "~(ab)")]
    [TestCase("abc{2}", "abc{2}")]
    [TestCase("!ab+c", "~ab+c")]
    [TestCase("(a b) c", "abc")]
    [TestCase("a (b c)", "abc")]
    public void Parses_and_prints_over_abc(string text, string printed)
    {
        var builder = new RegexBuilder(Abc);
        var node = Parse(text, builder);
        Assert.That(RegexPrinter.Print(node), Is.EqualTo(printed));
        Assert.That(Parse(printed, builder), Is.SameAs(node), "parse(print(x)) = x");
    }

    [TestCase("[^b0]* a [^a b1]*", "[^b0]*a[b0 c]*")]
    [TestCase("[^b0]*a[^ab1]*", "[^b0]*a[b0 c]*")]
    [TestCase("ab0b1c", "ab0b1c")]
    [TestCase("b0*b1", "b0*b1")]
    public void Identifiers_are_a_letter_and_its_digits(string text, string printed)
    {
        var builder = new RegexBuilder(Rdp);
        var node = Parse(text, builder);
        Assert.That(RegexPrinter.Print(node), Is.EqualTo(printed));
        Assert.That(Parse(printed, builder), Is.SameAs(node));
    }

    [Test]
    public void Keyword_runs_are_kept_apart_when_printing_symbols()
    {
        var alphabet = Alphabet.Of("e", "m", "p", "s", "t", "y");
        var builder = new RegexBuilder(alphabet);
        var eps = builder.Concat([builder.Symbol("e"), builder.Symbol("p"), builder.Symbol("s")]);
        Assert.That(RegexPrinter.Print(eps), Is.EqualTo("e p s"));
        Assert.That(Parse("e p s", builder), Is.SameAs(eps));
        Assert.That(Parse("eps", builder), Is.SameAs(builder.Epsilon));
        var empty = builder.Concat("empty".Select(ch => builder.Symbol(ch.ToString())));
        Assert.That(RegexPrinter.Print(empty), Is.EqualTo("e m p t y"));
        Assert.That(Parse(RegexPrinter.Print(empty), builder), Is.SameAs(empty));
        Assert.That(RegexPrinter.Print(builder.Concat([eps, builder.Symbol("y")])), Is.EqualTo("epsy"));
        Assert.That(Parse("[eps]", builder), Is.SameAs(builder.Set(new SymbolSet(0b1101))), "inside brackets words are symbols");
    }

    [Test]
    public void Multi_letter_symbols_are_quoted()
    {
        var alphabet = Alphabet.Of("foo", "_x", "eps", "a");
        var builder = new RegexBuilder(alphabet);
        var node = Parse("<foo>* <_x> <eps> a", builder);
        Assert.That(RegexPrinter.Print(node), Is.EqualTo("<foo>*<_x><eps>a"));
        Assert.That(Parse(RegexPrinter.Print(node), builder), Is.SameAs(node));
    }

    [Test]
    public void Default_alphabet_is_the_symbols_that_occur_in_ordinal_order()
    {
        var result = RegexParser.Parse("c* [b1 a] b1 | ~d");
        Assert.That(result.Success, Is.True);
        Assert.That(result.Value.Alphabet.Symbols, Is.EqualTo(new[] { "a", "b1", "c", "d" }));
        var negated = RegexParser.Parse("[^a] b").Value;
        Assert.That(RegexPrinter.Print(negated), Is.EqualTo("bb"), "[^a] is relative to the inferred alphabet {a, b}");
    }

    [Test]
    public void Nullable_flag_follows_the_semantics()
    {
        var builder = new RegexBuilder(Abc);
        Assert.That(Parse("a*", builder).IsNullable, Is.True);
        Assert.That(Parse("a b*", builder).IsNullable, Is.False);
        Assert.That(Parse("~a", builder).IsNullable, Is.True);
        Assert.That(Parse("~(a*)", builder).IsNullable, Is.False);
        Assert.That(Parse("a*&b*", builder).IsNullable, Is.True);
        Assert.That(Parse("(a b){0,3}", builder).IsNullable, Is.True);
        Assert.That(Parse("(a*){2,3}", builder).IsNullable, Is.True);
        Assert.That(Parse("a{2,3}", builder).IsNullable, Is.False);
    }

    [Test]
    public void Equal_expressions_are_the_same_node()
    {
        var builder = new RegexBuilder(Abc);
        Assert.That(Parse("(b|a)(c|a)*", builder), Is.SameAs(Parse("[a b] (a|c)*", builder)));
        Assert.That(Parse("b* & a* & b*", builder), Is.SameAs(Parse("a*&b*", builder)));
        Assert.That(Parse("(a b) (c a)", builder), Is.SameAs(Parse("a ((b c) a)", builder)));
    }

    [Test]
    public void Nodes_of_another_builder_are_rejected()
    {
        var one = new RegexBuilder(Abc);
        var two = new RegexBuilder(Abc);
        Assert.Throws<ArgumentException>(() => one.Concat(one.Symbol("a"), two.Symbol("b")));
    }
}
