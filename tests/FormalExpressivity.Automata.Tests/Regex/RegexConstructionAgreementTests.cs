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
    private static readonly RegexCompilerOptions Derivatives = new() { Construction = RegexConstruction.Derivatives };

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
            var derivative = RegexCompiler.ToDfa(node, Derivatives);
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
    public void Position_automaton_dfa_has_the_canonical_table_of_its_twins_and_skips_minimization_only_when_minimal()
    {
        int supported = 0, proved = 0;
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var alphabet = Alphabets[random.Next(Alphabets.Length)];
            var raw = RandomRegex.Create(random, alphabet.Count, 1 + random.Next(14), extended: random.Next(4) == 0);
            var text = raw.ToText(alphabet, random.Next(6));
            var node = RegexParser.Parse(text, alphabet).Value;
            var positions = GlushkovConstruction.TryToDfa(node, RegexCompilerOptions.DefaultMaxStates, out bool minimal);
            var thompson = RegexCompiler.ToDfa(node, Thompson);
            string where = $"seed {seed}: {text}  (node {node})";
            if (positions is null)
            {
                Assert.That(GlushkovConstruction.Supports(node), Is.False, where);
                Assert.That(RegexCompiler.ToDfa(node).Table.ToArray(), Is.EqualTo(thompson.Table.ToArray()), where);
                return;
            }
            supported++;
            if (minimal) proved++;
            Assert.That(positions.IsCanonical(), Is.True, where);
            Assert.That(positions.Table.ToArray(), Is.EqualTo(thompson.Table.ToArray()), where);
            Assert.That(positions.AcceptingStates(), Is.EqualTo(thompson.AcceptingStates()), where);
            Assert.That(RegexCompiler.ToDfa(node).Table.ToArray(), Is.EqualTo(thompson.Table.ToArray()), where);
        }, iter: 1500, threads: 1);
        TestContext.Out.WriteLine($"{supported} in the fragment, {proved} proved minimal without Hopcroft");
        Assert.That(supported, Is.GreaterThan(500));
        Assert.That(proved, Is.GreaterThan(0));
    }

    [TestCase(1)]
    [TestCase(5)]
    [TestCase(12)]
    public void The_kth_last_symbol_family_is_proved_minimal_and_matches_Thompson(int k)
    {
        var alphabet = Alphabet.Of("a", "b");
        var node = RegexParser.Parse($"(a|b)*a(a|b){{{k}}}", alphabet).Value;
        var dfa = GlushkovConstruction.TryToDfa(node, 1 << 20, out bool minimal)!;
        Assert.That(minimal, Is.True);
        Assert.That(dfa.StateCount, Is.EqualTo(1 << (k + 1)));
        var twin = RegexCompiler.ToDfa(node, Thompson with { MaxStates = 1 << 20 });
        Assert.That(dfa.Table.ToArray(), Is.EqualTo(twin.Table.ToArray()));
        Assert.That(dfa.AcceptingStates(), Is.EqualTo(twin.AcceptingStates()));
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
