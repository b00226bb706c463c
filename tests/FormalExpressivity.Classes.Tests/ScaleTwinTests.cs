using CsCheck;
using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Classes.Algebra;
using FormalExpressivity.Classes.Certificates;
using FormalExpressivity.Classes.Deciders;
using FormalExpressivity.Core.Collections;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Classes.Tests;

/// <summary>
/// Issue 16 twins: the flat Froidure–Pin semigroup against <see cref="ReferenceSemigroup"/> (elements, words,
/// both Cayley graphs, Green's relations), and every class row of the cheapest-test chain against the literal
/// semigroup identities. CsCheck draws seeds; a failure names the seed, and the DFA is rebuilt from it.
/// </summary>
public class ScaleTwinTests
{
    private static readonly Gen<int> Seeds = Gen.Int[0, int.MaxValue];

    /// <summary>
    /// A random minimal DFA: uniform (mostly groups), partially ordered (R-trivial, often large aperiodic
    /// monoids) or partially ordered with a few back edges (LR, DA, LT shapes), over 1–3 letters.
    /// </summary>
    /// <summary>A minimal monotone chain DFA over {a, b}: a walks q → q + 1, b jumps 0–3 states ahead (seeded), random acceptance.</summary>
    internal static Dfa MonotoneChain(int n, int seed)
    {
        var random = new Random(seed);
        var table = new int[2 * n];
        var jumps = new[] { 0, 0, 1, 2, 3 };
        for (int q = 0; q < n; q++)
        {
            table[2 * q] = Math.Min(n - 1, q + 1);
            table[2 * q + 1] = Math.Min(n - 1, q + jumps[random.Next(jumps.Length)]);
        }
        var acc = new BitSet(n);
        for (int q = 0; q < n; q++) if (random.Next(2) == 0) acc.Add(q);
        return Dfa.Create(RandomDfa.Letters(2), 0, table, acc).Minimize();
    }

    internal static Dfa Draw(int seed, int maxStates = 7)
    {
        var random = new Random(seed);
        var alphabet = RandomDfa.Letters(1 + random.Next(3));
        int n = 1 + random.Next(maxStates), k = alphabet.Count, shape = random.Next(3);
        if (shape == 0) return RandomDfa.Create(random, n, alphabet).Minimize();
        var table = new int[n * k];
        for (int q = 0; q < n; q++)
            for (int a = 0; a < k; a++)
                table[q * k + a] = shape == 2 && random.Next(6) == 0 ? random.Next(n) : q + random.Next(n - q);
        var acc = new BitSet(n);
        for (int q = 0; q < n; q++) if (random.Next(2) == 0) acc.Add(q);
        return Dfa.Create(alphabet, 0, table, acc).Minimize();
    }

    [Test]
    public void Flat_froidure_pin_equals_the_reference_semigroup() =>
        Seeds.Sample(seed =>
        {
            var dfa = Draw(seed);
            var reference = ReferenceSemigroup.Create(dfa, 400);
            if (reference is null) return;
            var s = TransitionSemigroup.Create(dfa, 400);
            int k = dfa.SymbolCount;
            Check(s.Count == reference.Count, seed, "size");
            for (int i = 0; i < s.Count; i++)
            {
                Check(s.Element(i).SequenceEqual(reference.Elements[i]), seed, $"element {i}");
                Check(s.Representative(i).Equals(reference.Words[i]), seed, $"representative {i}");
                Check(s.ElementOf(reference.Words[i]) == i, seed, $"element of word {i}");
                for (int a = 0; a < k; a++)
                {
                    Check(s.RightMultiplyBySymbol(i, a) == reference.Right[i * k + a], seed, $"right Cayley {i}·{a}");
                    Check(s.LeftMultiplyBySymbol(i, a) == reference.Left[i * k + a], seed, $"left Cayley {a}·{i}");
                }
                Check(s.IsIdempotent(i) == reference.Idempotent(i), seed, $"idempotent {i}");
            }
            var random = new Random(seed);
            for (int t = 0; t < 50 && s.Count > 0; t++)
            {
                int x = random.Next(s.Count), y = random.Next(s.Count);
                Check(s.Multiply(x, y) == reference.Mul(x, y), seed, $"product {x}·{y}");
            }
            if (s.Count <= 60)
            {
                Check(Partition(s.Green.RClass).SequenceEqual(reference.Partition(left: false, right: true)), seed, "R-classes");
                Check(Partition(s.Green.LClass).SequenceEqual(reference.Partition(left: true, right: false)), seed, "L-classes");
                Check(Partition(s.Green.JClass).SequenceEqual(reference.Partition(left: true, right: true)), seed, "J-classes");
            }
        }, iter: 300);

    [Test]
    public void Every_class_row_equals_the_literal_semigroup_identities() =>
        Seeds.Sample(seed =>
        {
            var dfa = Draw(seed, maxStates: 6);
            var reference = ReferenceSemigroup.Create(dfa, 60);
            if (reference is null) return;
            var all = ClassDeciders.DecideAll(new DecisionContext(dfa, new DeciderOptions { MaxSemigroup = 1000 }));
            foreach (var (c, v) in all)
            {
                Check(v.Decided, seed, $"{c} undecided");
                if (c == LanguageClass.LTT && reference.Count > 12) continue;
                if (reference.Member(c) is bool expected)
                    Check(v.Member == expected, seed, $"{c}: chain says {v.Member} ({v.DecidedBy}), identities say {expected}");
                var problems = ClassCertificateChecker.Check(dfa, v);
                Check(problems.Count == 0, seed, $"{c} certificate: {string.Join("; ", problems)}");
            }
            Check(ClassHierarchy.Violations(all).Count == 0, seed, "lattice: " + string.Join("; ", ClassHierarchy.Violations(all)));
        }, iter: 300);

    [Test]
    public void Fast_semigroup_checks_equal_the_checks_over_every_idempotent() =>
        Seeds.Sample(seed =>
        {
            var dfa = Draw(seed, maxStates: 6);
            TransitionSemigroup s;
            try { s = TransitionSemigroup.Create(dfa, 300); }
            catch (FormalExpressivity.Core.Text.BudgetExceededException) { return; }
            var reference = ReferenceSemigroup.Create(dfa, 300)!;
            // One idempotent per J-class (LT, LR) and per R-/L-class (Thérien–Weiss) against all idempotents.
            Check((SemigroupChecks.FindLocallyTestableViolation(s) is null) == reference.Member(LanguageClass.LT), seed, "LT per J-class");
            Check((SemigroupChecks.FindLocalRViolation(s) is null) == reference.Member(LanguageClass.LR), seed, "LR per J-class");
            if (reference.Count <= 12 && SemigroupChecks.FindAperiodicViolation(s) is null)
                Check((SemigroupChecks.FindTherienWeissViolation(s, long.MaxValue) is null) == reference.Member(LanguageClass.LTT), seed, "LTT per R- and L-class");
            Check(GeneralizedDefiniteDecider.Decide(dfa).Member == GeneralizedDefiniteDecider.DecideBySemigroup(s).Member, seed, "LI: comparable-pair graph vs e·s·e = e");
        }, iter: 300);

    /// <summary>PT = J (and L on an R-trivial DFA) by local confluence (Klíma–Polák 2013) against the J-trivial and L-trivial identities over S.</summary>
    [Test]
    public void Local_confluence_of_a_partially_ordered_dfa_equals_the_j_trivial_identities() =>
        Seeds.Sample(seed =>
        {
            var dfa = Draw(seed, maxStates: 10);
            if (!RTrivialDecider.Decide(dfa).Member) return; // local confluence is the test of partially ordered DFAs only
            var reference = ReferenceSemigroup.Create(dfa, 400);
            if (reference is null) return;
            var violation = FormalExpressivity.Classes.Conditions.LocalConfluence.FindViolation(dfa, 1_000_000);
            Check((violation is null) == reference.Member(LanguageClass.J), seed, $"confluent {violation is null}, J-trivial identities {reference.Member(LanguageClass.J)}");
            Check((violation is null) == reference.Member(LanguageClass.L), seed, "on an R-trivial DFA L = J");
            if (violation is not null)
                Check(IdentityEvaluator.IsViolated(violation.Identity, violation.Assignment, dfa), seed, "the refuting words violate y (xy)^ω = (xy)^ω");
            foreach (var c in new[] { LanguageClass.J, LanguageClass.PT, LanguageClass.L })
            {
                var v = ClassDeciders.Decide(c, new DecisionContext(dfa));
                Check(v.DecidedBy == ClassDeciders.ConfluenceTest || v.DecidedBy!.StartsWith("inclusion", StringComparison.Ordinal), seed, $"{c} decided by {v.DecidedBy}");
                Check(ClassCertificateChecker.Check(dfa, v).Count == 0, seed, $"{c} certificate");
            }
        }, iter: 500);

    [Test]
    public void Non_aperiodic_search_finds_the_first_non_aperiodic_element() =>
        Seeds.Sample(seed =>
        {
            var dfa = Draw(seed);
            var reference = ReferenceSemigroup.Create(dfa, 400);
            if (reference is null) return;
            var w = TransitionSemigroup.FindNonAperiodic(dfa, 400, out int seen);
            int first = Enumerable.Range(0, reference.Count).FirstOrDefault(x => reference.Mul(reference.Omega(x), x) != reference.Omega(x), -1);
            Check(first < 0 ? w is null : reference.Words[first].Equals(w), seed, "first non-aperiodic element");
            Check(seen == (first < 0 ? reference.Count : first + 1), seed, "elements seen");
        }, iter: 300);

    [Test]
    public void Definiteness_by_state_merging_equals_the_pair_graph_and_the_level_iteration() =>
        Seeds.Sample(seed =>
        {
            var dfa = Draw(seed, maxStates: 12);
            int? merged = DefiniteDecider.DegreeByMerging(dfa);
            Check(merged == DefiniteDecider.Degree(dfa), seed, $"merging {merged} vs pair graph {DefiniteDecider.Degree(dfa)}");
            Check(merged == FormalExpressivity.Classes.Conditions.Definiteness.Degree(dfa), seed, "merging vs topological order of the pair graph");
            var sl = ClassDeciders.Decide(LanguageClass.SL, dfa);
            Check(sl.Member == StrictlyLocalDecider.Decide(dfa).Member && sl.Parameter == StrictlyLocalDecider.Decide(dfa).Parameter, seed, $"SL through D ({sl.DecidedBy})");
        }, iter: 500);

    [Test]
    public void Galloping_parameter_search_equals_the_linear_search() =>
        Seeds.Sample(seed =>
        {
            var dfa = Draw(seed, maxStates: 6);
            int? linearPt = null, linearLt = null;
            try
            {
                for (int k = 0; k <= dfa.StateCount && linearPt is null; k++)
                    if (TestabilityParameters.IsPiecewiseTestable(dfa, k, 50_000)) linearPt = k;
                for (int k = 1; k <= 6 && linearLt is null; k++)
                    if (TestabilityParameters.IsLocallyTestable(dfa, k, 50_000)) linearLt = k;
            }
            catch (FormalExpressivity.Core.Text.BudgetExceededException) { return; }
            // PiecewiseK needs a piecewise testable language (a partially ordered minimal DFA); under this budget it is exact on ≤ 6 states.
            if (linearPt is not null)
            {
                var pt = TestabilityParameters.PiecewiseK(dfa, 50_000);
                Check(pt.Least && pt.Lower == linearPt, seed, $"PT k: {pt.Lower}..{pt.Upper} against {linearPt}");
            }
            Check(TestabilityParameters.LeastLocallyTestableK(dfa, 6, 50_000) == linearLt, seed, "LT k");
        }, iter: 100);

    /// <summary>
    /// The letter-block lower bound of the least PT k (x·a^(t−1)·y and x·a^t·y agree on subwords of length ≤ t − 1) against
    /// the linear search: never above the least k, and its state and letter show q·a^(t−1) ≠ q·a^t.
    /// </summary>
    [Test]
    public void Piecewise_lower_bound_never_exceeds_the_least_k() =>
        Seeds.Sample(seed =>
        {
            var dfa = Draw(seed, maxStates: 7);
            int? linear = null;
            try
            {
                for (int k = 0; k <= dfa.StateCount && linear is null; k++)
                    if (TestabilityParameters.IsPiecewiseTestable(dfa, k, 50_000)) linear = k;
            }
            catch (FormalExpressivity.Core.Text.BudgetExceededException) { return; }
            if (linear is null) return; // not piecewise testable
            var (bound, state, symbol) = TestabilityParameters.PiecewiseLowerBound(dfa);
            Check(bound <= linear, seed, $"lower bound {bound} above the least k {linear}");
            if (bound == 0) return;
            int q = state;
            for (int i = 0; i < bound - 1; i++) q = dfa.Next(q, symbol);
            Check(q != dfa.Next(q, symbol), seed, "the bound's block does not change the state");
        }, iter: 300);

    /// <summary>
    /// Issue 16: the least PT k of a 5 000-state monotone DFA (a walks a chain, b jumps ahead). Its letter-block bound is
    /// in the thousands and meets the depth of the DFA (Klíma–Polák 2013), so k is exact with no subword test at all.
    /// </summary>
    [Test]
    public void Least_piecewise_k_of_a_5000_state_chain_is_where_its_two_bounds_meet()
    {
        var dfa = MonotoneChain(5000, 3);
        var (bound, _, _) = TestabilityParameters.PiecewiseLowerBound(dfa);
        Assert.That(bound, Is.GreaterThan(4000));
        var k = TestabilityParameters.PiecewiseK(dfa, 50_000);
        Assert.That(k.Least, Is.True, $"{k.Lower}..{k.Upper}");
        Assert.That(k.Lower, Is.EqualTo(bound));
        Assert.That(k.Upper, Is.EqualTo(TestabilityParameters.Depth(dfa)));
    }

    /// <summary>Large PT parameters against the linear search: the single word a^m and "at least m a's", PT k = m + 1 resp. m.</summary>
    [TestCase(17)]
    [TestCase(24)]
    [TestCase(40)]
    public void Large_piecewise_parameters_agree_with_the_linear_search(int m)
    {
        foreach (var single in new[] { true, false })
        {
            int n = m + 2;
            var table = new int[n];
            for (int q = 0; q < n; q++) table[q] = single ? Math.Min(q + 1, m + 1) : Math.Min(q + 1, m);
            var acc = new BitSet(n);
            acc.Add(m);
            var dfa = Dfa.Create(RandomDfa.Letters(1), 0, table, acc).Minimize();
            int? linear = null;
            for (int k = 0; k <= dfa.StateCount && linear is null; k++)
                if (TestabilityParameters.IsPiecewiseTestable(dfa, k, 50_000)) linear = k;
            Assert.That(linear, Is.Not.Null);
            var least = TestabilityParameters.PiecewiseK(dfa, 50_000);
            Assert.That(least.Least, Is.True);
            Assert.That(least.Lower, Is.EqualTo(linear), single ? "a^m" : "at least m a's");
        }
    }

    private static List<string> Partition(IReadOnlyList<int> cls) =>
        Enumerable.Range(0, cls.Count).GroupBy(i => cls[i]).Select(g => string.Join(',', g.Order())).Order(StringComparer.Ordinal).ToList();

    private static void Check(bool ok, int seed, string what)
    {
        if (!ok) throw new InvalidOperationException($"seed {seed}: {what}");
    }
}
