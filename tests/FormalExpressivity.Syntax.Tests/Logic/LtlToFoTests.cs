using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Logic;
using FormalExpressivity.Syntax.Temporal;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Syntax.Tests.Logic;

/// <summary>The LTL → FO[&lt;] translation against the two direct evaluators, with no automaton involved.</summary>
public class LtlToFoTests
{
    [TestCase(LtlEvaluationPoint.EndMarker, 3)]
    [TestCase(LtlEvaluationPoint.Zero, 4)]
    public void Translation_holds_exactly_where_the_formula_does(LtlEvaluationPoint at, int seed)
    {
        var random = new Random(seed);
        var sigma = Alphabet.Of("a", "b");
        var ops = TemporalOperators.AnyPast | TemporalOperators.AnyFuture;
        for (int trial = 0; trial < 150; trial++)
        {
            var f = RandomLtl.Create(random, 1 + random.Next(7), sigma.Symbols, ops, maxWindow: 3);
            var sentence = LtlToFo.Translate(f, at);
            Assert.That(sentence.IsSentence, Is.True);
            foreach (var w in RandomDfa.AllWords(sigma, 6))
            {
                bool expected = at == LtlEvaluationPoint.Zero ? LtlEvaluator.AcceptsAtZero(f, sigma, w.Symbols) : LtlEvaluator.Accepts(f, sigma, w.Symbols);
                Assert.That(FoEvaluator.Accepts(sentence, sigma, w.Symbols), Is.EqualTo(expected), $"seed {seed} trial {trial}: {f} ↦ {sentence} on '{w.Format(sigma)}'");
            }
        }
    }

    [Test]
    public void Translation_uses_three_variables_and_keeps_sharing()
    {
        var f = LtlParser.ParseOrThrow("(a S b) S (a S b) & P(a S b)");
        var sentence = LtlToFo.Translate(f);
        var variables = sentence.Subformulas().SelectMany(s => s.Variables).Distinct().OrderBy(v => v, StringComparer.Ordinal);
        Assert.That(variables, Is.EqualTo(new[] { "x0", "x1", "x2" }));
        Assert.That(sentence.Subformulas().Count, Is.LessThan(60));
    }

    [Test]
    public void Windows_expand_into_Y_chains_with_the_same_meaning()
    {
        var random = new Random(9);
        var sigma = Alphabet.Of("a", "b");
        for (int trial = 0; trial < 100; trial++)
        {
            var f = RandomLtl.Create(random, 1 + random.Next(5), sigma.Symbols, TemporalOperators.WindowYesterday | TemporalOperators.WindowCount | TemporalOperators.Yesterday, maxWindow: 4);
            var g = LtlRewriting.ExpandWindows(f);
            foreach (var w in RandomDfa.AllWords(sigma, 7))
                Assert.That(LtlEvaluator.Accepts(g, sigma, w.Symbols), Is.EqualTo(LtlEvaluator.Accepts(f, sigma, w.Symbols)), $"seed 9 trial {trial}: {f} vs {g} on '{w.Format(sigma)}'");
        }
    }
}
