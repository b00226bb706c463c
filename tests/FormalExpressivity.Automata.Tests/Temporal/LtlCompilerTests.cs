using System.Diagnostics;
using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Temporal;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Automata.Tests.Temporal;

public class LtlCompilerTests
{
    private static readonly Alphabet Ab = Alphabet.Of("a", "b");
    private static readonly Alphabet Abc = Alphabet.Of("a", "b", "c");

    private static readonly TemporalOperators Future = TemporalOperators.AnyFuture;
    private static readonly TemporalOperators Past = TemporalOperators.AnyPast;
    private static readonly TemporalOperators All = TemporalOperators.AnyPast | TemporalOperators.AnyFuture;

    private static void AssertMatchesEvaluator(LtlFormula f, Alphabet alphabet, LtlCompilerOptions options, string context)
    {
        var dfa = LtlCompiler.ToDfa(f, alphabet, options);
        Assert.That(dfa.IsCanonical(), Is.True, context);
        // Moore, the twin (Minimize would return a table the construction proved minimal as it is).
        Assert.That(dfa.MinimizeMoore().StateCount, Is.EqualTo(dfa.StateCount), context);
        int maxLength = alphabet.Count == 2 ? 8 : 6;
        bool zero = options.EvaluateAt == LtlEvaluationPoint.Zero;
        foreach (var w in RandomDfa.AllWords(alphabet, maxLength))
        {
            bool expected = zero ? LtlEvaluator.AcceptsAtZero(f, alphabet, w.Symbols) : LtlEvaluator.Accepts(f, alphabet, w.Symbols);
            if (dfa.Accepts(w) != expected)
                Assert.Fail($"{context}: {f} at {options.EvaluateAt} via {LtlCompiler.ConstructionName(f, options)} on '{w.Format(alphabet)}': automaton {dfa.Accepts(w)}, evaluator {expected}");
        }
    }

    private static IEnumerable<(LtlFormula F, Alphabet Sigma, string Context)> Formulas(int seed, int count, TemporalOperators ops, int maxSize, Func<LtlFormula, bool>? keep = null)
    {
        var random = new Random(seed);
        int made = 0;
        for (int trial = 0; made < count && trial < count * 50; trial++)
        {
            var alphabet = trial % 3 == 2 ? Abc : Ab;
            var f = RandomLtl.Create(random, 1 + random.Next(maxSize), alphabet.Symbols, ops, maxWindow: 3);
            if (keep is not null && !keep(f)) continue;
            made++;
            yield return (f, alphabet, $"seed {seed} trial {trial}");
        }
    }

    [TestCase(LtlEvaluationPoint.EndMarker)]
    [TestCase(LtlEvaluationPoint.Zero)]
    public void Future_formulas_match_the_evaluator(LtlEvaluationPoint at)
    {
        foreach (var (f, sigma, context) in Formulas(11, 120, Future, 8))
            AssertMatchesEvaluator(f, sigma, new LtlCompilerOptions { EvaluateAt = at }, context);
    }

    [Test]
    public void Future_formulas_at_zero_use_the_mirror_construction()
    {
        var f = LtlParser.ParseOrThrow("F(b & X a)");
        Assert.That(LtlCompiler.ConstructionName(f, new LtlCompilerOptions { EvaluateAt = LtlEvaluationPoint.Zero }), Is.EqualTo("mirror"));
        Assert.That(LtlCompiler.ConstructionName(f), Is.EqualTo("constant"));
        Assert.That(LtlCompiler.ConstructionName(LtlParser.ParseOrThrow("P(b & Y a)")), Is.EqualTo("past"));
        Assert.That(LtlCompiler.ConstructionName(LtlParser.ParseOrThrow("P(b & F a)")), Is.EqualTo("fo"));
        // F(b ∧ X a) at 0 = Σ*baΣ* (a factor ba).
        var dfa = LtlCompiler.ToDfa(f, Ab, new LtlCompilerOptions { EvaluateAt = LtlEvaluationPoint.Zero });
        Assert.That(dfa.Accepts(Word.Parse("aaba", Ab)), Is.True);
        Assert.That(dfa.Accepts(Word.Parse("aabb", Ab)), Is.False);
    }

    [TestCase(LtlEvaluationPoint.EndMarker)]
    [TestCase(LtlEvaluationPoint.Zero)]
    public void Mixed_formulas_match_the_evaluator(LtlEvaluationPoint at)
    {
        foreach (var (f, sigma, context) in Formulas(23, 80, All, 7, f => !f.IsPastOnly && !f.IsFutureOnly))
            AssertMatchesEvaluator(f, sigma, new LtlCompilerOptions { EvaluateAt = at }, context);
    }

    [TestCase(LtlEvaluationPoint.EndMarker)]
    [TestCase(LtlEvaluationPoint.Zero)]
    public void Past_formulas_match_the_evaluator(LtlEvaluationPoint at)
    {
        foreach (var (f, sigma, context) in Formulas(31, 120, Past, 8))
            AssertMatchesEvaluator(f, sigma, new LtlCompilerOptions { EvaluateAt = at }, context);
    }

    [Test]
    public void First_order_route_agrees_with_the_direct_constructions()
    {
        var fo = new LtlCompilerOptions { Construction = LtlConstruction.FirstOrder };
        foreach (var (f, sigma, context) in Formulas(47, 80, Past, 6))
        {
            var direct = LtlCompiler.ToDfa(f, sigma);
            var viaFo = LtlCompiler.ToDfa(f, sigma, fo);
            Assert.That(Equivalence.FindDifference(direct, viaFo)?.Format(sigma), Is.Null, $"{context}: {f}");
            Assert.That(viaFo.Table.ToArray(), Is.EqualTo(direct.Table.ToArray()), $"{context}: canonical tables of {f}");
        }
        var foZero = fo with { EvaluateAt = LtlEvaluationPoint.Zero };
        foreach (var (f, sigma, context) in Formulas(53, 60, Future, 6))
        {
            var mirror = LtlCompiler.ToDfa(f, sigma, new LtlCompilerOptions { EvaluateAt = LtlEvaluationPoint.Zero });
            var viaFo = LtlCompiler.ToDfa(f, sigma, foZero);
            Assert.That(Equivalence.FindDifference(mirror, viaFo)?.Format(sigma), Is.Null, $"{context}: {f}");
        }
    }

    [Test]
    public void Window_expansion_preserves_the_language()
    {
        foreach (var (f, sigma, context) in Formulas(61, 60, TemporalOperators.WindowYesterday | TemporalOperators.WindowCount | TemporalOperators.Past, 6))
        {
            var expanded = LtlRewriting.ExpandWindows(f);
            Assert.That(expanded.Operators & (TemporalOperators.WindowCount | TemporalOperators.WindowYesterday), Is.EqualTo(TemporalOperators.None));
            Assert.That(Equivalence.AreEquivalent(LtlCompiler.ToDfa(f, sigma), LtlCompiler.ToDfa(expanded, sigma)), Is.True, $"{context}: {f} vs {expanded}");
        }
    }

    [TestCase(LtlEvaluationPoint.EndMarker)]
    [TestCase(LtlEvaluationPoint.Zero)]
    public void Negation_compiles_to_the_complement(LtlEvaluationPoint at)
    {
        var options = new LtlCompilerOptions { EvaluateAt = at };
        foreach (var (f, sigma, context) in Formulas(71, 80, All, 6))
        {
            var positive = LtlCompiler.ToDfa(f, sigma, options);
            var negative = LtlCompiler.ToDfa(Ltl.Not(f), sigma, options);
            Assert.That(Equivalence.FindDifference(negative, positive.Complement())?.Format(sigma), Is.Null, $"{context}: L(!φ) = Σ* \\ L(φ) for {f}");
        }
    }

    [Test]
    public void Unknown_atoms_and_budgets_are_reported()
    {
        var e = Assert.Throws<InputException>(() => LtlCompiler.ToDfa(LtlParser.ParseOrThrow("F z & P a"), Ab));
        Assert.That(e!.Diagnostics[0].Code, Is.EqualTo("LTL100"));
        var big = LtlParser.ParseOrThrow("P(a & F(b & P(a & F b)))");
        var b = Assert.Throws<BudgetExceededException>(() => LtlCompiler.ToDfa(big, Ab, new LtlCompilerOptions { MaxStates = 3 }));
        Assert.That(b!.BudgetName, Is.EqualTo("max-states"));
    }
}
