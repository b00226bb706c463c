using CsCheck;
using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Classes.Certificates;
using FormalExpressivity.Classes.Deciders;
using FormalExpressivity.Core.Collections;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Classes.Tests;

/// <summary>
/// Issue 16: the least PT k on the classes of Simon's congruence (<see cref="TestabilityParameters.IsPiecewiseTestableByClasses"/>,
/// <see cref="TestabilityParameters.PiecewiseK"/>) against the slow twin that keeps every subword set as a bit set and
/// asks only for a function to acceptance (<see cref="TestabilityParameters.IsPiecewiseTestable"/>), searched linearly.
/// </summary>
public class PiecewiseParameterTests
{
    private static readonly Gen<int> Seeds = Gen.Int[0, int.MaxValue];

    [Test]
    public void Subword_classes_test_equals_the_bit_set_product() =>
        Seeds.Sample(seed =>
        {
            var dfa = ScaleTwinTests.Draw(seed, maxStates: 7);
            for (int k = 0; k <= 4; k++)
            {
                bool? twin = Budgeted(() => TestabilityParameters.IsPiecewiseTestable(dfa, k, 50_000));
                bool? fast = Budgeted(() => TestabilityParameters.IsPiecewiseTestableByClasses(dfa, k, 50_000));
                if (twin is null || fast is null) return;
                Check(twin == fast, seed, $"k = {k}: bit sets {twin}, classes {fast}");
            }
        }, iter: 300);

    /// <summary>Single words over two letters: {w} is (|w| + 1)-testable only through subwords as long as w; both tests agree at every k.</summary>
    [Test]
    public void Subword_classes_test_equals_the_bit_set_product_on_single_words() =>
        Gen.Int[0, 1].Array[1, 5].Sample(w =>
        {
            int n = w.Length + 2;
            var table = new int[2 * n];
            for (int q = 0; q < n; q++)
                for (int a = 0; a < 2; a++)
                    table[2 * q + a] = q < w.Length && w[q] == a ? q + 1 : n - 1;
            var acc = new BitSet(n);
            acc.Add(w.Length);
            var dfa = Dfa.Create(RandomDfa.Letters(2), 0, table, acc).Minimize();
            for (int k = 0; k <= w.Length + 1; k++)
                Assert.That(TestabilityParameters.IsPiecewiseTestableByClasses(dfa, k, 50_000),
                    Is.EqualTo(TestabilityParameters.IsPiecewiseTestable(dfa, k, 50_000)), $"{string.Concat(w)} at k = {k}");
        }, iter: 100);

    /// <summary>
    /// For piecewise testable languages (random partially ordered DFAs whose PT row says yes): the least k of
    /// <see cref="TestabilityParameters.PiecewiseK"/> equals the linear search of the bit-set twin, the DFA's depth is a
    /// k for which the twin succeeds (Klíma–Polák 2013), and the letter-block bound is not above it.
    /// </summary>
    [Test]
    public void Least_piecewise_k_equals_the_linear_twin_and_the_depth_bounds_it() =>
        Seeds.Sample(seed =>
        {
            var dfa = ScaleTwinTests.Draw(seed, maxStates: 7);
            if (!ClassDeciders.Decide(LanguageClass.PT, dfa).Member) return;
            int? linear = null;
            int depth = TestabilityParameters.Depth(dfa);
            try
            {
                for (int k = 0; k <= depth && linear is null; k++)
                    if (TestabilityParameters.IsPiecewiseTestable(dfa, k, 50_000)) linear = k;
                Check(TestabilityParameters.IsPiecewiseTestable(dfa, depth, 50_000), seed, $"not {depth}-piecewise testable at its depth");
            }
            catch (BudgetExceededException) { return; }
            var bounds = TestabilityParameters.PiecewiseK(dfa, 50_000);
            Check(bounds.Least && bounds.Lower == linear, seed, $"PiecewiseK [{bounds.Lower}, {bounds.Upper}] vs linear {linear}");
            Check(bounds.Depth == depth && bounds.Block.Bound <= linear, seed, "depth and block bound");
        }, iter: 300);

    /// <summary>
    /// A budget too small for the test between the bounds: no least k is claimed, the bounds still hold against the twin,
    /// and the stop names the flag.
    /// </summary>
    [Test]
    public void A_budget_stop_reports_both_bounds_and_never_a_least_k()
    {
        int checkedCases = 0;
        for (int seed = 0; seed < 4000 && checkedCases < 20; seed++)
        {
            var dfa = ScaleTwinTests.Draw(seed, maxStates: 7);
            if (!ClassDeciders.Decide(LanguageClass.PT, dfa).Member) continue;
            var exact = TestabilityParameters.PiecewiseK(dfa, 50_000);
            if (exact.Block.Bound >= exact.Depth || !exact.Least) continue;
            var stopped = TestabilityParameters.PiecewiseK(dfa, 1);
            if (stopped.Least)
            {
                Assert.That(stopped.Lower, Is.EqualTo(exact.Lower), $"seed {seed}");
                continue;
            }
            checkedCases++;
            Assert.That(stopped.Stop!.Flag, Is.EqualTo("--max-parameter-states"));
            Assert.That(stopped.Lower, Is.LessThanOrEqualTo(exact.Lower), $"seed {seed}");
            Assert.That(stopped.Upper, Is.GreaterThanOrEqualTo(exact.Lower), $"seed {seed}");
        }
        Assert.That(checkedCases, Is.GreaterThan(0), "no drawn DFA had a gap between its bounds");
    }

    /// <summary>
    /// A monotone chain (a walks q → q + 1, b jumps ahead or stays): the letter-block bound (a's walk to the last state) meets the depth,
    /// so the least k is exact without a single test, and the certificate checker accepts it (its twin runs out of budget
    /// at k and k − 1 and falls back to the depth and the block, recomputed by other algorithms).
    /// </summary>
    [TestCase(15, 15)]
    [TestCase(5000, 5000)]
    public void A_monotone_chain_has_its_depth_as_least_k(int n, int seed)
    {
        var dfa = ScaleTwinTests.MonotoneChain(n, seed);
        var pt = ClassDeciders.Decide(LanguageClass.PT, dfa);
        if (!pt.Member) Assert.Ignore("this draw is not piecewise testable");
        var bounds = TestabilityParameters.PiecewiseK(dfa, 50_000);
        Assert.That(bounds.Least, Is.True);
        Assert.That(bounds.Lower, Is.EqualTo(bounds.Depth));
        Assert.That(bounds.Block.Bound, Is.EqualTo(bounds.Depth));
        Assert.That(pt.Parameter, Is.EqualTo(bounds.Lower));
        Assert.That(ClassCertificateChecker.Check(dfa, pt), Is.Empty);
    }

    private static bool? Budgeted(Func<bool> f)
    {
        try { return f(); }
        catch (BudgetExceededException) { return null; }
    }

    private static void Check(bool ok, int seed, string what)
    {
        if (!ok) throw new InvalidOperationException($"seed {seed}: {what}");
    }
}
