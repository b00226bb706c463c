using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Certificates;
using FormalExpressivity.Classes.Exact;
using FormalExpressivity.Classes.Synthesis;
using FormalExpressivity.Classes.Types;
using Lang = FormalExpressivity.Classes.Tests.Architectures.Languages;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Tests.Exact;

/// <summary>
/// Lasso certificates (docs/theory.md §Lasso certificates): every certificate the search emits is
/// re-checked by the independent <see cref="LassoCertificateChecker"/> and, with explicit n, by the
/// bounded <see cref="TypeChecker"/> at every depth ≤ 6; languages the type search proves definable
/// never get one (the twin direction).
/// </summary>
public class LassoCertificateTests
{
    static readonly TypeFragment[] Fragments =
    [
        TypeFragment.Local(2), TypeFragment.Local(3), TypeFragment.Hybrid(2), TypeFragment.Hybrid(3),
        TypeFragment.WindowLogic(2), TypeFragment.PastWindowLogic(3), TypeFragment.PastOnly, TypeFragment.PastNonStrict,
    ];

    static readonly LassoSearchOptions Small = new(MaxPrefix: 2, MaxLoop: 3, MaxTailNodes: 32);

    internal static void AssertValid(Dfa dfa, LassoCertificate c, int maxDepth = 6)
    {
        Assert.That(LassoCertificateChecker.Check(dfa, c), Is.Null, () => c.Describe(dfa.Alphabet));
        for (int r = 0; r <= maxDepth; r++)
        {
            var (u, v) = c.WordsAt(c.RepetitionFor(r));
            Assert.That(dfa.Accepts(u), Is.True, () => $"{c.Describe(dfa.Alphabet)}: {u.Format(dfa.Alphabet)} ∉ L");
            Assert.That(dfa.Accepts(v), Is.False, () => $"{c.Describe(dfa.Alphabet)}: {v.Format(dfa.Alphabet)} ∈ L");
            Assert.That(TypeChecker.Agree(c.Fragment, dfa.SymbolCount, u, v, r), Is.True,
                () => $"{c.Describe(dfa.Alphabet)}: types differ at depth {r} for n = {c.RepetitionFor(r)}");
        }
    }

    [Test]
    public void Ends_with_a_is_outside_hybrid_k_for_k_at_least_2_at_every_depth()
    {
        foreach (int k in new[] { 2, 3, 4 })
        {
            var c = LassoSearch.Find(Lang.EndsWithA, TypeFragment.Hybrid(k)).Certificate;
            Assert.That(c, Is.Not.Null, $"hybrid:{k}");
            AssertValid(Lang.EndsWithA, c!);
        }
    }

    [Test]
    public void Ends_with_a_is_outside_local_k_for_k_at_least_2_at_every_depth()
    {
        foreach (int k in new[] { 2, 3, 4 })
        {
            var c = LassoSearch.Find(Lang.EndsWithA, TypeFragment.Local(k)).Certificate;
            Assert.That(c, Is.Not.Null, $"local:{k}");
            AssertValid(Lang.EndsWithA, c!);
        }
    }

    [Test]
    public void Factor_ab_over_abc_is_outside_hybrid_4_at_every_depth()
    {
        // Σ*abΣ* over {a, b, c}: (aaac)ⁿ·ab ∈ L, (aaac)ⁿ·b ∉ L; a 4-window holds a multiset, so the a right before b is not told apart from the a's before it.
        var factor = Lang.FactorAB;
        var c = LassoSearch.Find(factor, TypeFragment.Hybrid(4)).Certificate;
        Assert.That(c, Is.Not.Null);
        AssertValid(factor, c!, maxDepth: 6);
    }

    [Test]
    public void Definable_languages_get_no_certificate()
    {
        Assert.That(LassoSearch.Find(Lang.EndsWithA, TypeFragment.Local(1)).Certificate, Is.Null);
        Assert.That(LassoSearch.Find(Lang.AmongLast(2), TypeFragment.Local(2)).Certificate, Is.Null);
        Assert.That(LassoSearch.Find(Lang.StartsWithA, TypeFragment.PastOnly).Certificate, Is.Null);
        Assert.That(LassoSearch.Find(Lang.AbStar, TypeFragment.PastWindowLogic(1)).Certificate, Is.Null);
    }

    [Test]
    public void The_checker_rejects_tampered_certificates()
    {
        var c = LassoSearch.Find(Lang.EndsWithA, TypeFragment.Hybrid(2)).Certificate!;
        Assert.That(LassoCertificateChecker.Check(Lang.EndsWithA, c with { InTail = c.OutTail }), Is.Not.Null);
        Assert.That(LassoCertificateChecker.Check(Lang.EndsWithA, c with { Fragment = TypeFragment.Hybrid(1) }), Is.Not.Null);
    }

    [Test]
    public void Every_certificate_on_small_languages_rechecks_and_definable_languages_get_none()
    {
        int certificates = 0, definable = 0;
        var corpus = SmallDfas.AllMinimal(3, Lang.AB).Where((_, i) => i % 4 == 0).Concat(SmallDfas.Random(424242, 20, 5, Lang.ABC).Select(t => t.Dfa));
        foreach (var dfa in corpus)
            foreach (var f in Fragments)
            {
                var c = LassoSearch.Find(dfa, f, Small).Certificate;
                var search = TypeSearch.Search(dfa, f, new TypeSearchOptions(MaxDepth: 2, MaxTypes: 4_000, MaxStates: 8_000));
                if (search.Definable)
                {
                    definable++;
                    Assert.That(c, Is.Null, () => $"{f.Name}: definable at depth {search.Depth} but certificate {c!.Describe(dfa.Alphabet)}");
                }
                if (c is null) continue;
                certificates++;
                AssertValid(dfa, c, maxDepth: 4);
            }
        Assert.That(certificates, Is.GreaterThan(50), "certificates");
        Assert.That(definable, Is.GreaterThan(50), "definable");
        TestContext.Out.WriteLine($"{certificates} certificates, {definable} definable rows");
    }
}
