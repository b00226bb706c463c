using FormalExpressivity.Classes.Claims;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Claims;
using NUnit.Framework;

namespace FormalExpressivity.Classes.Tests.Claims;

public class ConjectureCheckerTests
{
    private static readonly Alphabet AB = Alphabet.Of("a", "b");
    private static readonly StructuralArchitectureOracle Oracle = new();
    private static readonly Architecture Global = new(ArchitectureKind.Global, 0);
    private static readonly Architecture Uha = new(ArchitectureKind.Uha, 0);

    [Test]
    public void Global_is_included_in_hybrid_1()
    {
        var r = ConjectureChecker.Check(Global, Architecture.Hybrid(1), AB, 3, Oracle);
        Assert.That((r.Status, r.LanguagesChecked, r.Counterexample, r.UnknownCount), Is.EqualTo((ClaimStatus.Confirmed, 2L + 24 + 1028, (ConjectureWitness?)null, 0L)));
    }

    [Test]
    public void Hybrid_1_is_not_included_in_global_and_the_counterexample_is_smallest()
    {
        var r = ConjectureChecker.Check(Architecture.Hybrid(1), Global, AB, 3, Oracle);
        Assert.That(r.Status, Is.EqualTo(ClaimStatus.Refuted));
        var c = r.Counterexample!;
        Assert.That((c.Left.Verdict, c.Right.Verdict), Is.EqualTo((Verdict.Yes, Verdict.No)));
        // Smallest: no language with fewer states is a counterexample.
        foreach (var d in MinimalDfaEnumeration.Enumerate(AB, c.Dfa.StateCount - 1))
            Assert.That(Oracle.Decide(d, Architecture.Hybrid(1)).Verdict == Verdict.Yes && Oracle.Decide(d, Global).Verdict == Verdict.No, Is.False);
        Assert.That(c.Dfa.StateCount, Is.EqualTo(2), "Σ*a (or Σ*b) has two states");
    }

    [Test]
    public void Hybrid_2_is_included_in_hybrid_1_by_the_necessary_condition()
    {
        var r = ConjectureChecker.Check(Architecture.Hybrid(2), Architecture.Hybrid(1), AB, 3, Oracle);
        Assert.That(r.Status, Is.EqualTo(ClaimStatus.Confirmed));
    }

    [Test]
    public void Bounded_cases_make_the_converse_unknown_never_a_guess()
    {
        var r = ConjectureChecker.Check(Architecture.Hybrid(1), Architecture.Hybrid(2), AB, 2, Oracle);
        Assert.That(r.Status, Is.EqualTo(ClaimStatus.Unknown));
        Assert.That(r.UnknownCount, Is.GreaterThan(0));
        Assert.That(r.FirstUnknown!.Right.Verdict, Is.EqualTo(Verdict.Unknown));
        Assert.That(r.FirstUnknown.Left.Verdict, Is.EqualTo(Verdict.Yes));
    }

    [Test]
    public void Uha_is_not_included_in_hybrid_1_dyck_sized_counterexample()
    {
        var r = ConjectureChecker.Check(Uha, Architecture.Hybrid(1), AB, 3, Oracle);
        Assert.That(r.Status, Is.EqualTo(ClaimStatus.Refuted));
        Assert.That(r.Counterexample!.Dfa.StateCount, Is.EqualTo(3));
    }
}
