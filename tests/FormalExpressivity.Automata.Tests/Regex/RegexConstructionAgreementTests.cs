using CsCheck;
using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Regex;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Automata.Tests.Regex;

public class RegexConstructionAgreementTests
{
    private static readonly Alphabet[] Alphabets =
    [
        Alphabet.Of("a"),
        Alphabet.Of("a", "b"),
        Alphabet.Of("a", "b", "c"),
        Alphabet.Of("a", "b0", "b1"),
    ];

    private static readonly RegexCompilerOptions Thompson = new() { Construction = RegexConstruction.Thompson };

    [Test]
    public void Derivative_dfa_and_Thompson_dfa_have_identical_canonical_tables_and_the_reference_language()
    {
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var alphabet = Alphabets[random.Next(Alphabets.Length)];
            var raw = RandomRegex.Create(random, alphabet.Count, 1 + random.Next(12), extended: true);
            var text = raw.ToText(alphabet, random.Next(6));
            var node = RegexParser.Parse(text, alphabet).Value;
            var derivative = RegexCompiler.ToDfa(node);
            var thompson = RegexCompiler.ToDfa(node, Thompson);
            string where = $"seed {seed}: {text}  (node {node})";
            Assert.That(derivative.IsCanonical(), Is.True, where);
            Assert.That(thompson.IsCanonical(), Is.True, where);
            Assert.That(derivative.Start, Is.EqualTo(thompson.Start), where);
            Assert.That(derivative.Table.ToArray(), Is.EqualTo(thompson.Table.ToArray()), where);
            Assert.That(derivative.AcceptingStates(), Is.EqualTo(thompson.AcceptingStates()), where);
            foreach (var w in RandomDfa.AllWords(alphabet, alphabet.Count == 1 ? 8 : alphabet.Count == 2 ? 6 : 4))
                Assert.That(derivative.Accepts(w), Is.EqualTo(raw.Matches(w, alphabet.Count)), $"{where}, word {w.Format(alphabet)}");
        }, iter: 1500, threads: 1);
    }

    [Test]
    public void Derivatives_follow_the_quotient_law()
    {
        // a⁻¹L(r) = L(∂a r): the derivative's DFA equals the DFA of r started after reading a.
        var random = new Random(77);
        var alphabet = Alphabet.Of("a", "b");
        for (int trial = 0; trial < 300; trial++)
        {
            var raw = RandomRegex.Create(random, 2, 1 + random.Next(10), extended: true);
            var node = raw.ToNode(new RegexBuilder(alphabet));
            for (int a = 0; a < 2; a++)
            {
                var d = BrzozowskiDerivatives.Derivative(node, a);
                foreach (var w in RandomDfa.AllWords(alphabet, 5))
                    Assert.That(RegexCompiler.ToDfa(d).Accepts(w), Is.EqualTo(raw.Matches(Word.Of(a).Concat(w), 2)), $"trial {trial}, r = {node}, a = {a}, w = {w}");
            }
        }
    }

    [Test]
    public void Thompson_nfa_accepts_the_reference_language()
    {
        var random = new Random(4711);
        var alphabet = Alphabet.Of("a", "b");
        for (int trial = 0; trial < 300; trial++)
        {
            var raw = RandomRegex.Create(random, 2, 1 + random.Next(10), extended: false);
            var node = raw.ToNode(new RegexBuilder(alphabet));
            var nfa = ThompsonConstruction.ToNfa(node);
            foreach (var w in RandomDfa.AllWords(alphabet, 5))
                Assert.That(nfa.Accepts(w), Is.EqualTo(raw.Matches(w, 2)), $"trial {trial}, r = {node}, w = {w}");
        }
    }

    [Test]
    public void Compile_returns_diagnostics_for_bad_text()
    {
        var result = RegexCompiler.Compile("a|(b", Alphabet.Of("a", "b"));
        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics[0].Code, Is.EqualTo("RE007"));
        var ok = RegexCompiler.Compile("Σ*abΣ*", Alphabet.Of("a", "b", "c"));
        Assert.That(ok.Value.StateCount, Is.EqualTo(3));
    }
}
