using System.Diagnostics;
using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Logic;
using FormalExpressivity.Syntax.Temporal;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Automata.Tests.Logic;

/// <summary>Differential tests against MONA (installed by .ci/run): same languages, same minimal sizes.</summary>
public class MonaOracleTests
{
    private static readonly Alphabet Ab = Alphabet.Of("a", "b");
    private static readonly Alphabet Abc = Alphabet.Of("a", "b", "c");

    [SetUp]
    public void RequireMona()
    {
        if (!MonaOracle.IsAvailable)
            Assert.Ignore("MONA is not on the PATH (Debian package 'mona', installed by .ci/run): the MONA oracle tests are skipped");
    }

    private static void AssertSameLanguage(Dfa ours, Dfa mona, Alphabet sigma, string context)
    {
        var difference = Equivalence.FindDifference(ours, mona);
        Assert.That(difference?.Format(sigma), Is.Null, $"{context}: shortlex-least word in the symmetric difference");
        Assert.That(mona.Minimize().StateCount, Is.EqualTo(ours.StateCount), $"{context}: minimal sizes");
    }

    [Test]
    public void Random_FO_sentences_have_MONA_s_language()
    {
        const int seed = 1234;
        var random = new Random(seed);
        for (int trial = 0; trial < 150; trial++)
        {
            var sigma = trial % 3 == 2 ? Abc : Ab;
            var f = RandomFo.Sentence(random, 1 + random.Next(12), sigma.Symbols, ["x", "y", "z"]);
            var ours = FoCompiler.ToDfa(f, sigma);
            var mona = MonaOracle.Compile(f, sigma, FoEvaluator.Accepts(f, sigma, []), out _);
            AssertSameLanguage(ours, mona, sigma, $"seed {seed} trial {trial}: {f}");
        }
    }

    [TestCase(TemporalOperators.AnyPast, 7, 100)]
    [TestCase(TemporalOperators.AnyPast | TemporalOperators.AnyFuture, 11, 60)]
    public void Random_LTL_formulas_through_the_FO_encoding_have_MONA_s_language(TemporalOperators ops, int seed, int count)
    {
        var random = new Random(seed);
        for (int trial = 0; trial < count; trial++)
        {
            var sigma = trial % 3 == 2 ? Abc : Ab;
            var f = RandomLtl.Create(random, 1 + random.Next(8), sigma.Symbols, ops, maxWindow: 3);
            var ours = LtlCompiler.ToDfa(f, sigma);
            var mona = MonaOracle.Compile(LtlToFo.Translate(f), sigma, LtlEvaluator.Accepts(f, sigma, []), out _);
            AssertSameLanguage(ours, mona, sigma, $"seed {seed} trial {trial}: {f} via {LtlCompiler.ConstructionName(f)}");
        }
    }

    [Test]
    public void Future_formulas_at_position_zero_have_MONA_s_language()
    {
        const int seed = 5;
        var random = new Random(seed);
        var zero = new LtlCompilerOptions { EvaluateAt = LtlEvaluationPoint.Zero };
        for (int trial = 0; trial < 60; trial++)
        {
            var sigma = trial % 3 == 2 ? Abc : Ab;
            var f = RandomLtl.Create(random, 1 + random.Next(8), sigma.Symbols, TemporalOperators.AnyFuture);
            var ours = LtlCompiler.ToDfa(f, sigma, zero);
            var mona = MonaOracle.Compile(LtlToFo.Translate(f, LtlEvaluationPoint.Zero), sigma, LtlEvaluator.AcceptsAtZero(f, sigma, []), out _);
            AssertSameLanguage(ours, mona, sigma, $"seed {seed} trial {trial}: {f} at 0");
        }
    }

    [Test]
    public void Importer_reads_a_known_MONA_automaton()
    {
        // Σ*aΣ* over {a, b}: two minimal states.
        var f = FoParser.ParseOrThrow("exists x. a(x)");
        var mona = MonaOracle.Compile(f, Ab, acceptsEmpty: false, out _);
        Assert.That(mona.Accepts(Word.Parse("bba", Ab)), Is.True);
        Assert.That(mona.Accepts(Word.Parse("bbb", Ab)), Is.False);
        Assert.That(mona.Minimize().StateCount, Is.EqualTo(2));
    }
}
