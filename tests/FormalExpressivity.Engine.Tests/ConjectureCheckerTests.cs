using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Enumeration;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Engine.Claims;
using NUnit.Framework;
using Verdict = FormalExpressivity.Classes.Verdicts.Answer;

namespace FormalExpressivity.Engine.Tests;

public class ConjectureCheckerTests
{
    private static readonly Alphabet AB = Alphabet.Of("a", "b");
    private static readonly Classes.Verdicts.VerdictEngine Oracle = ChainReferenceTests.Fast;
    private static readonly Architecture Global = Architecture.Global;
    private static readonly Architecture Uha = Architecture.Uha;

    [Test]
    public void Global_is_included_in_hybrid_1_by_the_hierarchy()
    {
        var r = ConjectureChecker.Check(Global, Architecture.Hybrid(1), AB, 3, Oracle);
        Assert.That((r.Status, r.LanguagesChecked, r.Counterexample, r.UnknownCount), Is.EqualTo((ClaimStatus.Confirmed, 0L, (ConjectureWitness?)null, 0L)));
        Assert.That(r.Inclusion, Is.EqualTo(new[] { InclusionRule.GlobalInHybrid }));
    }

    [Test]
    public void Local_2_in_hybrid_2_holds_by_definition()
    {
        var r = ConjectureChecker.Check(Architecture.Local(2), Architecture.Hybrid(2), AB, 3, Oracle);
        Assert.That((r.Status, r.Inclusion), Is.EqualTo((ClaimStatus.Confirmed, new[] { InclusionRule.LocalInHybrid })));
    }

    [Test]
    public void Without_the_hierarchy_no_language_up_to_3_states_contradicts_global_in_hybrid_1()
    {
        // The same inclusion asked of the enumeration directly: every language is decided by the chain.
        long count = 0;
        foreach (var d in MinimalDfaEnumeration.Enumerate(AB, 3))
        {
            count++;
            var rows = Oracle.Decide(d, [Global, Architecture.Hybrid(1)]);
            if (rows[Global].Answer == Verdict.Yes) Assert.That(rows[Architecture.Hybrid(1)].Answer, Is.EqualTo(Verdict.Yes));
        }
        Assert.That(count, Is.EqualTo(2L + 24 + 1028));
    }

    [Test]
    public void Hybrid_1_is_not_included_in_global_and_the_counterexample_is_smallest()
    {
        var r = ConjectureChecker.Check(Architecture.Hybrid(1), Global, AB, 3, Oracle);
        Assert.That(r.Status, Is.EqualTo(ClaimStatus.Refuted));
        var c = r.Counterexample!;
        Assert.That((c.Left.Answer, c.Right.Answer), Is.EqualTo((Verdict.Yes, Verdict.No)));
        // Smallest: no language with fewer states is a counterexample.
        foreach (var d in MinimalDfaEnumeration.Enumerate(AB, c.Dfa.StateCount - 1))
            Assert.That(Oracle.Decide(d, Architecture.Hybrid(1)).Answer == Verdict.Yes && Oracle.Decide(d, Global).Answer == Verdict.No, Is.False);
        Assert.That(c.Dfa.StateCount, Is.EqualTo(2), "Σ*a (or Σ*b) has two states");
    }

    [Test]
    public void Hybrid_2_is_included_in_hybrid_1_by_the_hierarchy()
    {
        var r = ConjectureChecker.Check(Architecture.Hybrid(2), Architecture.Hybrid(1), AB, 3, Oracle);
        Assert.That((r.Status, r.Inclusion), Is.EqualTo((ClaimStatus.Confirmed, new[] { InclusionRule.WindowInOne })));
    }

    [Test]
    public void Hybrid_1_is_not_included_in_hybrid_2_by_a_lasso_certificate()
    {
        // Σ*a (two states) is LR but outside hybrid(2) at every depth (docs/theory.md §4, §Lasso certificates).
        var r = ConjectureChecker.Check(Architecture.Hybrid(1), Architecture.Hybrid(2), AB, 2, Oracle);
        Assert.That(r.Status, Is.EqualTo(ClaimStatus.Refuted));
        Assert.That(r.Counterexample!.Dfa.StateCount, Is.EqualTo(2));
        Assert.That(r.Counterexample.Right.Certificate, Is.Not.Null);
    }

    [Test]
    public void Bounded_cases_leave_a_conjecture_unknown_never_a_guess()
    {
        // hybrid(2) ⊆ local(2)? aΣ* is in hybrid(2) (via global) and outside local(2) (not definite): refuted.
        // local(3) ⊆ Ywin(3) is open where the multiset search finds a formula the set search cannot refute.
        var r = ConjectureChecker.Check(Architecture.Hybrid(2), Architecture.Local(2), AB, 2, Oracle);
        Assert.That(r.Status, Is.EqualTo(ClaimStatus.Refuted));
        var open = ConjectureChecker.Check(Architecture.Local(3), Architecture.WindowLogic(3), AB, 3, Oracle);
        Assert.That(open.LanguagesChecked, Is.GreaterThan(0L), "not settled by the hierarchy: local(3) ⊆ Ywin(3) is false in general (§3.1)");
        if (open.Status == ClaimStatus.Unknown)
        {
            Assert.That(open.FirstUnknown!.Left.Answer, Is.Not.EqualTo(Verdict.No));
            Assert.That(open.FirstUnknown.Right.Answer, Is.Not.EqualTo(Verdict.Yes));
        }
        else if (open.Status == ClaimStatus.Refuted)
            Assert.That((open.Counterexample!.Left.Answer, open.Counterexample.Right.Answer), Is.EqualTo((Verdict.Yes, Verdict.No)));
    }

    [Test]
    public void Uha_is_not_included_in_hybrid_1_dyck_sized_counterexample()
    {
        var r = ConjectureChecker.Check(Uha, Architecture.Hybrid(1), AB, 3, Oracle);
        Assert.That(r.Status, Is.EqualTo(ClaimStatus.Refuted));
        Assert.That(r.Counterexample!.Dfa.StateCount, Is.EqualTo(3));
    }
}
