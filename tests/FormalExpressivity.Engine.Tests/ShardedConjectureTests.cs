using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Census;
using FormalExpressivity.Classes.Verdicts;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Sharding;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Engine.Claims;
using NUnit.Framework;

namespace FormalExpressivity.Engine.Tests;

/// <summary>
/// <see cref="ConjectureChecker.Scan"/> over the n shards of a partition and <see cref="ConjectureChecker.Combine"/> give the
/// unsharded result — status, languages checked, open languages, both witnesses — for refuted, confirmed and open
/// conjectures, uneven splits and more shards than languages; an exhausted enumeration budget in a shard that a
/// counterexample of another shard precedes does not turn the refutation into an error.
/// </summary>
public class ShardedConjectureTests
{
    private static readonly Alphabet AB = Alphabet.Of("a", "b");
    // The search over P of window types settles the open rows of these small languages already at depth 1; the tests
    // need open conjectures, so they run the chain without it.
    private static readonly VerdictEngine Depth1 = new(VerdictOptions.From(Budgets.Default with { MaxDepth = 1 }),
        VerdictEngine.DefaultStages.Where(s => s is not PastOfWindowStage));

    private static ConjectureResult Sharded(Architecture left, Architecture right, int states, int n, VerdictEngine engine, long maxLanguages = Budgets.DefaultMaxLanguages)
    {
        var scans = Enumerable.Range(0, n).Select(i => ConjectureChecker.Scan(left, right, AB, states, engine, maxLanguages, new Shard(i, n))).Reverse().ToList();
        Assert.That(scans.Sum(s => s.Checked), Is.LessThanOrEqualTo(scans.Max(s => s.Enumerated)));
        return ConjectureChecker.Combine(left, right, AB, states, engine, maxLanguages, scans);
    }

    private static object Facts(ConjectureResult r) => (r.Status, r.LanguagesChecked, r.UnknownCount,
        r.Counterexample is { } c ? (CensusRunner.KeyOf(c.Dfa), c.Left.Answer, c.Right.Answer) : default,
        r.FirstUnknown is { } u ? (CensusRunner.KeyOf(u.Dfa), u.Left.Answer, u.Right.Answer) : default);

    [TestCase("local:3", "local:2", ClaimStatus.Confirmed)]
    [TestCase("local:2", "local:3", ClaimStatus.Refuted)]
    [TestCase("hybrid:3", "global", ClaimStatus.Unknown)]
    [TestCase("global", "local:1", ClaimStatus.Refuted)]
    public void Shards_combine_to_the_unsharded_result(string left, string right, ClaimStatus status)
    {
        static Architecture Parse(string text) => Architecture.TryParse(text, out var x) ? x : throw new ArgumentException(text);
        var a = Parse(left);
        var b = Parse(right);
        var whole = ConjectureChecker.Check(a, b, AB, 3, Depth1);
        Assert.That(whole.Status, Is.EqualTo(status));
        Assert.That(whole.LanguagesChecked, Is.GreaterThan(0L), "enumerated, not settled by the hierarchy");
        foreach (int n in new[] { 1, 2, 7, 1500 })
            Assert.That(Facts(Sharded(a, b, 3, n, Depth1)), Is.EqualTo(Facts(whole)), $"n = {n}");
    }

    [Test]
    public void A_counterexample_before_the_budget_wins_over_a_shard_that_ran_out()
    {
        // global ⊆ local(1) is refuted by language 8 (9 checked); with 20 languages allowed, the shards that do not
        // own language 8 and find no counterexample of their own below 20 exceed the budget — the unsharded run never gets there.
        var whole = ConjectureChecker.Check(Architecture.Global, Architecture.Local(1), AB, 3, Depth1, maxLanguages: 20);
        Assert.That((whole.Status, whole.LanguagesChecked), Is.EqualTo((ClaimStatus.Refuted, 9L)));
        var scans = Enumerable.Range(0, 4).Select(i => ConjectureChecker.Scan(Architecture.Global, Architecture.Local(1), AB, 3, Depth1, 20, new Shard(i, 4))).ToList();
        Assert.That(scans.Count(s => s.BudgetExceeded), Is.Positive, "some shard must run out for the test to mean anything");
        Assert.That(Facts(ConjectureChecker.Combine(Architecture.Global, Architecture.Local(1), AB, 3, Depth1, 20, scans)), Is.EqualTo(Facts(whole)));
        // Without a counterexample the budget error is the unsharded run's.
        var e1 = Assert.Throws<BudgetExceededException>(() => ConjectureChecker.Check(Architecture.Local(3), Architecture.Local(2), AB, 3, Depth1, maxLanguages: 20))!;
        var e2 = Assert.Throws<BudgetExceededException>(() => Sharded(Architecture.Local(3), Architecture.Local(2), 3, 3, Depth1, 20))!;
        Assert.That(e2.Message, Is.EqualTo(e1.Message));
    }

    [Test]
    public void Scans_that_are_not_one_partition_are_refused()
    {
        var s0 = ConjectureChecker.Scan(Architecture.Local(3), Architecture.Local(2), AB, 2, Depth1, 100, new Shard(0, 2));
        Assert.Throws<ArgumentException>(() => ConjectureChecker.Combine(Architecture.Local(3), Architecture.Local(2), AB, 2, Depth1, 100, [s0]));
        Assert.Throws<ArgumentException>(() => ConjectureChecker.Combine(Architecture.Local(3), Architecture.Local(2), AB, 2, Depth1, 100, [s0, s0]));
    }
}
