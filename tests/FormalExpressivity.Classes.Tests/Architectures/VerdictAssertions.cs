using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Certificates;
using FormalExpressivity.Classes.Exact;
using FormalExpressivity.Classes.Synthesis;
using FormalExpressivity.Classes.Types;
using FormalExpressivity.Classes.Verdicts;

namespace FormalExpressivity.Classes.Tests.Architectures;

/// <summary>Re-checks the evidence of a verdict independently of the decider.</summary>
public static class VerdictAssertions
{
    /// <summary>Small budgets that keep the suite fast.</summary>
    public static VerdictEngine Fast { get; } = new(VerdictOptions.Default.WithSearch(new TypeSearchOptions(MaxDepth: 3, MaxTypes: 6_000, MaxStates: 20_000)) with { MaxRepetition = 8 });

    public static TypeFragment? FragmentOf(string key) => Architecture.TryParse(key, out var a) ? a.Fragment : throw new ArgumentException(key);

    /// <summary>Formula: proved equivalent again; witnesses: on the right sides of L and equal types at the stated depth.</summary>
    public static void Evidence(Dfa dfa, Architecture a, Verdict v, string context)
    {
        string key = a.Key;
        if (v.Formula is { Formula: var f } fe)
        {
            var proof = FormulaProof.Check(f, dfa);
            Assert.That(proof.Equivalent, Is.True, $"{context} {key}: formula {f} differs on {proof.Difference?.Format(dfa.Alphabet)} ({proof.Note})");
            Assert.That(fe.Proved || fe.NotProvedBecause is not null, Is.True, $"{context} {key}");
            Assert.That(FragmentAllows(key, f), Is.True, $"{context} {key}: formula {f} is outside the fragment");
        }
        if (v.Witnesses is { } w)
        {
            Assert.That(dfa.Accepts(w.InLanguage), Is.True, $"{context} {key}: u ∉ L");
            Assert.That(dfa.Accepts(w.NotInLanguage), Is.False, $"{context} {key}: v ∈ L");
            if (FragmentOf(key) is { } fragment)
                Assert.That(TypeChecker.Agree(fragment, dfa.SymbolCount, w.InLanguage, w.NotInLanguage, w.Depth), Is.True, $"{context} {key}: witnesses separated at depth {w.Depth}");
            else
                Assert.That(v.Certificate, Is.InstanceOf<PumpingCertificate>(), $"{context} {key}: uha witnesses come from a pumping family");
        }
        if (v.Least?.Below is { } below)
        {
            Assert.That(v.Answer, Is.EqualTo(Answer.Yes));
            Assert.That(v.Least.Proved, Is.True);
            Assert.That(below.Depth, Is.EqualTo(v.Depth - 1), $"{context} {key}: the least-depth pair is stated one below the depth");
            Assert.That(dfa.Accepts(below.InLanguage) && !dfa.Accepts(below.NotInLanguage), Is.True, $"{context} {key}: least-depth pair on the wrong sides");
            Assert.That(TypeChecker.Agree(FragmentOf(key)!, dfa.SymbolCount, below.InLanguage, below.NotInLanguage, below.Depth), Is.True, $"{context} {key}: least-depth pair separated at depth {below.Depth}");
        }
        if (v.Least is { Proved: true } && v.Depth > 0) Assert.That(v.Least.Below, Is.Not.Null, $"{context} {key}: a least depth ≥ 1 carries its pair");
        switch (v.Certificate)
        {
            case LassoCertificate lasso:
                Assert.That(v.Answer, Is.EqualTo(Answer.No));
                Exact.LassoCertificateTests.AssertValid(dfa, lasso, maxDepth: 4);
                break;
            case StutterCertificate stutter:
                Assert.That(stutter.Check(dfa), Is.Null, $"{context} {key}");
                for (int r = 0; r <= 6; r++)
                    Assert.That(TypeChecker.Agree(TypeFragment.PastNonStrict, dfa.SymbolCount, stutter.Single, stutter.Doubled, r), Is.True, $"{context} {key}: stutter pair separated at depth {r}");
                break;
            case PumpingCertificate pumping:
                Assert.That(pumping.Check(dfa), Is.Null, $"{context} {key}");
                break;
        }
        if (v.Answer == Answer.Unknown) Assert.That(v.Witnesses is not null || v.Bound is { Depth: < 0 } || v.Evidence.OfType<BudgetStop>().Any(), Is.True, $"{context} {key}: unknown without witnesses or a budget");
        if (v.Identity is { } id)
            Assert.That(FormalExpressivity.Classes.Algebra.IdentityEvaluator.IsViolated(id.Identity, id.Assignment, dfa), Is.True, $"{context} {key}: {id.Identity} holds under the assignment");
    }

    /// <summary>Whether the formula uses only the operators of the architecture's fragment.</summary>
    public static bool FragmentAllows(string key, FormalExpressivity.Syntax.Temporal.LtlFormula f)
    {
        var fragment = FragmentOf(key);
        if (fragment is null) return f.IsPastOnly; // uha: any past formula is in LTL[S]
        foreach (var g in f.Subformulas())
        {
            switch (g.Kind)
            {
                case FormalExpressivity.Syntax.Temporal.LtlKind.Past or FormalExpressivity.Syntax.Temporal.LtlKind.Historically: // H φ = ¬P¬φ
                    if (!fragment.Past) return false;
                    break;
                case FormalExpressivity.Syntax.Temporal.LtlKind.Yesterday:
                    if (fragment.Window != 1) return false;
                    break;
                case FormalExpressivity.Syntax.Temporal.LtlKind.WindowYesterday:
                    if (fragment.Window != g.Window) return false;
                    break;
                case FormalExpressivity.Syntax.Temporal.LtlKind.WindowCount:
                    if (fragment.Window != g.Window || fragment.Semantics != WindowSemantics.Multiset) return false;
                    break;
                default:
                    if (g.IsTemporal) return false;
                    break;
            }
        }
        return true;
    }
}
