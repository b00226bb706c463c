using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Synthesis;
using FormalExpressivity.Classes.Verdicts;

namespace FormalExpressivity.Classes.Tests.Architectures;

/// <summary>
/// The bounded least-depth search (<see cref="LeastDepthStage"/>) against its unbounded twin
/// (<c>new LeastDepthStage(false)</c>): the bounds (the row's smallest formula, the coarser fragments' formulas and
/// pairs) only ever lower the work and never weaken the answer — equal answers, a depth never larger, and every
/// least depth the twin proves proved equal. Work is counted in steps of the engine (each a bounded piece: 64 type
/// product nodes, one lasso candidate, …), not in wall time.
/// </summary>
public class LeastDepthBoundTests
{
    private static readonly int[] Windows = [1, 2, 4];

    private static VerdictEngine Twin(VerdictEngine engine) =>
        new(engine.Options, engine.Stages.Select(s => s is LeastDepthStage ? new LeastDepthStage(false) : s));

    private static Architecture Parse(string key) => Architecture.TryParse(key, out var a) ? a : throw new ArgumentException(key);

    private static List<Architecture> Rows() =>
        [.. Architecture.Defaults(Windows), .. Windows.SelectMany(k => new[] { Architecture.WindowLogic(k), Architecture.PastWindowLogic(k) })];

    /// <summary>The rows and the steps spent in the least-depth stage (and in all), after warming the process-wide smallest-formula tables.</summary>
    private static (IReadOnlyDictionary<Architecture, Verdict> Rows, int LeastDepthSteps, int AllSteps) Run(VerdictEngine engine, Dfa dfa)
    {
        var rows = Rows();
        // The enumeration tables are shared by the process (whichever stage builds them first pays); building them
        // here first makes the counts independent of the order the tests run in.
        foreach (var a in rows) SmallestFormulaSearch.Find(dfa, a, engine.Options.Smallest);
        var session = engine.Open(dfa);
        int least = 0, all = 0;
        foreach (var _ in session.DecideStepwise(rows))
        {
            all++;
            if (session.CurrentStage == "least-depth") least++;
        }
        return (session.Decide(rows), least, all);
    }

    private static void AssertNoWeaker(Dfa dfa, IReadOnlyDictionary<Architecture, Verdict> bounded, IReadOnlyDictionary<Architecture, Verdict> twin, string context)
    {
        foreach (var (a, t) in twin)
        {
            var b = bounded[a];
            Assert.That(b.Answer, Is.EqualTo(t.Answer), $"{context} {a.Key}: answer");
            VerdictAssertions.Evidence(dfa, a, b, context);
            if (t.Answer != Answer.Yes) continue;
            if (t.Depth is int td) Assert.That(b.Depth, Is.LessThanOrEqualTo(td), $"{context} {a.Key}: the bounded depth is never larger");
            if (t.Least is { Proved: true, Depth: var least })
                Assert.That((b.Least?.Proved, b.Least?.Depth), Is.EqualTo(((bool?)true, least)), $"{context} {a.Key}: the twin proves least depth {least}");
        }
    }

    [Test]
    public void A_c_between_a_b_words_proves_every_least_depth_with_little_search()
    {
        // (a|b)*c(a|b)* over {a, b, c}: before the bounds, hybrid:1/2/4 searched depth 2 until max-types (50 000
        // types each) and left their depth unproved; the global row's pair (c, cc) at depth 1 proves hybrid:1, and
        // the smallest formula's depth 2 keeps every other search at depth 1.
        var dfa = FormalExpressivity.Classes.Tests.Languages.Build(["a", "b", "c"], 3, "0 a|b 0, 0 c 1, 1 a|b 1, 1 c 2, 2 * 2", 1);
        var (bounded, boundedSteps, boundedAll) = Run(VerdictEngine.Default, dfa);
        var (twin, twinSteps, twinAll) = Run(Twin(VerdictEngine.Default), dfa);
        AssertNoWeaker(dfa, bounded, twin, "(a|b)*c(a|b)*");
        foreach (var key in new[] { "global", "hybrid:1", "hybrid:2", "hybrid:4", "PYwin:1", "PYwin:2", "PYwin:4" })
        {
            var v = bounded[Parse(key)];
            Assert.That((v.Answer, v.Depth, v.Least?.Proved), Is.EqualTo((Answer.Yes, (int?)2, (bool?)true)), $"{key}: yes at least depth 2, proved");
        }
        Assert.That(twin[Parse("hybrid:2")].Least?.Proved, Is.False, "the twin runs out of max-types at depth 2 (this test's work bound would not catch a regression otherwise)");
        Assert.That(boundedSteps, Is.LessThan(1000), $"least-depth steps: bounded {boundedSteps}, twin {twinSteps}");
        Assert.That(twinSteps, Is.GreaterThan(5 * boundedSteps), $"least-depth steps: bounded {boundedSteps}, twin {twinSteps}");
        Assert.That(boundedAll, Is.LessThan(twinAll), "all steps");
    }

    [Test]
    public void Bounded_least_depths_are_never_weaker_than_the_unbounded_twin_on_small_dfas()
    {
        // Every minimal DFA of ≤ 2 states over {a, b} and a seeded sample of ≤ 3-state DFAs over {a, b} and {a, b, c}
        // (small budgets, so that the twin's searches run out where the bounds matter).
        var engine = VerdictAssertions.Fast;
        var twin = Twin(engine);
        var dfas = SmallDfas.AllMinimal(2, Languages.AB)
            .Concat(SmallDfas.Random(2026, 60, 3, Languages.AB).Select(p => p.Dfa))
            .Concat(SmallDfas.Random(7, 30, 3, Languages.ABC).Select(p => p.Dfa))
            .ToList();
        int proved = 0;
        foreach (var dfa in dfas)
        {
            var rows = Rows();
            var b = engine.Decide(dfa, rows);
            var t = twin.Decide(dfa, rows);
            AssertNoWeaker(dfa, b, t, SmallDfas.Key(dfa));
            proved += b.Values.Count(v => v.Least is { Proved: true }) - t.Values.Count(v => v.Least is { Proved: true });
        }
        Assert.That(dfas, Has.Count.GreaterThan(40));
        Assert.That(proved, Is.GreaterThanOrEqualTo(0));
    }
}
