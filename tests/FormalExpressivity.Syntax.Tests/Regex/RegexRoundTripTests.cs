using CsCheck;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Regex;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Syntax.Tests.Regex;

public class RegexRoundTripTests
{
    private static readonly Alphabet[] Alphabets =
    [
        Alphabet.Of("a", "b"),
        Alphabet.Of("a", "b", "c"),
        Alphabet.Of("a", "b0", "b1", "c"),
        Alphabet.Of("e", "p", "s", "foo"),
    ];

    [Test]
    public void Parse_of_print_is_the_same_node()
    {
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var alphabet = Alphabets[random.Next(Alphabets.Length)];
            var builder = new RegexBuilder(alphabet);
            var raw = RandomRegex.Create(random, alphabet.Count, 1 + random.Next(14), extended: true);
            var node = raw.ToNode(builder);
            var printed = RegexPrinter.Print(node);
            var reparsed = RegexParser.Parse(printed, builder);
            Assert.That(reparsed.Success, Is.True, () => $"seed {seed}: '{printed}': {string.Join("; ", reparsed.Diagnostics)}");
            Assert.That(reparsed.Value, Is.SameAs(node), $"seed {seed}: printed '{printed}' reparsed as '{reparsed.Value}'");
        }, iter: 3000, threads: 1);
    }

    [Test]
    public void Parsing_the_written_text_gives_the_node_of_the_smart_constructors()
    {
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var alphabet = Alphabets[random.Next(Alphabets.Length)];
            var builder = new RegexBuilder(alphabet);
            var raw = RandomRegex.Create(random, alphabet.Count, 1 + random.Next(14), extended: true);
            var text = raw.ToText(alphabet, random.Next(6));
            var parsed = RegexParser.Parse(text, builder);
            Assert.That(parsed.Success, Is.True, () => $"seed {seed}: '{text}': {string.Join("; ", parsed.Diagnostics)}");
            Assert.That(parsed.Value, Is.SameAs(raw.ToNode(builder)), $"seed {seed}: '{text}'");
        }, iter: 3000, threads: 1);
    }
}
