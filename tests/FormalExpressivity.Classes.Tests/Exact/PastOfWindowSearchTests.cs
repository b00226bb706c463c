using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Enumeration;
using FormalExpressivity.Classes.Exact;
using FormalExpressivity.Classes.Synthesis;
using FormalExpressivity.Classes.Types;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Temporal;
using Lang = FormalExpressivity.Classes.Tests.Architectures.Languages;

namespace FormalExpressivity.Classes.Tests.Exact;

/// <summary>
/// The search over P of window types (docs/theory.md §"P over window types"): every formula it returns lies
/// in the row's fragment, is proved equivalent by the formula DFA (bisimulation) and agrees with the direct
/// LTL evaluator on every short word; a language with an all-depth lasso certificate never gets one (twin).
/// </summary>
public class PastOfWindowSearchTests
{
    static void AssertCorrect(Dfa dfa, LtlFormula f, Architecture row)
    {
        Assert.That(row.Computes(f), Is.True, () => $"{f} is not a {row.Key} formula");
        Assert.That(FormulaProof.Check(f, dfa, 1_000_000).Equivalent, Is.True, () => $"{f} is not equivalent");
        var words = new List<int[]> { Array.Empty<int>() };
        for (int i = 0; i < words.Count; i++)
            if (words[i].Length < 6) for (int a = 0; a < dfa.SymbolCount; a++) words.Add([.. words[i], a]);
        foreach (var w in words)
            Assert.That(LtlEvaluator.Accepts(f, dfa.Alphabet, w), Is.EqualTo(dfa.Accepts(w)), () => $"{Word.Of(w).Format(dfa.Alphabet)}: {f}");
    }

    [Test]
    public void Factor_ab_over_abc_is_hybrid_2_at_depth_3()
    {
        // Σ*abΣ* over {a, b, c}: the type search runs out of types at depth 3; this search finds P(σ) ∨ ε with σ of window depth 2.
        var dfa = Lang.FactorAB;
        var r = PastOfWindowSearch.Search(dfa, TypeFragment.Hybrid(2));
        Assert.That(r.Formula, Is.Not.Null);
        Assert.That(r.Formula!.Depth, Is.EqualTo(3));
        AssertCorrect(dfa, r.Formula, Architecture.Hybrid(2));
    }

    [Test]
    public void Ends_with_a_gets_no_formula()
    {
        // Σ*a is outside hybrid(k) for k ≥ 2 (a lasso certificate proves it), so the search must come back empty.
        foreach (int k in new[] { 2, 3 })
            Assert.That(PastOfWindowSearch.Search(Lang.EndsWithA, TypeFragment.Hybrid(k)).Formula, Is.Null, $"hybrid:{k}");
    }

    [Test]
    public void Every_formula_on_small_languages_is_correct_and_never_meets_a_certificate()
    {
        var rows = new[] { (Architecture.Hybrid(2), TypeFragment.Hybrid(2)), (Architecture.PastWindowLogic(2), TypeFragment.PastWindowLogic(2)), (Architecture.Hybrid(3), TypeFragment.Hybrid(3)) };
        var options = new TypeSearchOptions(MaxDepth: 2);
        int found = 0, refuted = 0;
        foreach (var dfa in MinimalDfaEnumeration.Enumerate(Alphabet.Of("a", "b"), 3))
            foreach (var (row, fragment) in rows)
            {
                var r = PastOfWindowSearch.Search(dfa, fragment, options);
                var certificate = LassoSearch.Find(dfa, fragment, new LassoSearchOptions(MaxPrefix: 2, MaxLoop: 3, MaxTailNodes: 32)).Certificate;
                if (certificate is not null) refuted++;
                if (r.Formula is not { } f) continue;
                found++;
                Assert.That(certificate, Is.Null, () => $"{row.Key}: formula {f} and certificate {certificate!.Describe(dfa.Alphabet)}");
                AssertCorrect(dfa, f, row);
            }
        Assert.That(found, Is.GreaterThan(100));
        Assert.That(refuted, Is.GreaterThan(10));
    }
}
