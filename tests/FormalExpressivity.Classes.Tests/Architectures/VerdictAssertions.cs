using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Certificates;
using FormalExpressivity.Classes.Exact;
using FormalExpressivity.Classes.Synthesis;
using FormalExpressivity.Classes.Types;

namespace FormalExpressivity.Classes.Tests.Architectures;

/// <summary>Re-checks the evidence of a verdict independently of the decider.</summary>
public static class VerdictAssertions
{
    /// <summary>Small budgets that keep the suite fast.</summary>
    public static ArchitectureOptions Fast { get; } = new()
    {
        Search = new TypeSearchOptions(MaxDepth: 3, MaxTypes: 6_000, MaxStates: 20_000),
        WitnessDepth = 3,
        MaxRepetition = 8,
    };

    public static TypeFragment? FragmentOf(string key)
    {
        if (Architecture.TryParse(key, out var a)) return a!.Fragment;
        var parts = key.Split(':');
        int k = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        return parts[0] == "Ywin" ? TypeFragment.WindowLogic(k) : TypeFragment.PastWindowLogic(k);
    }

    /// <summary>Formula: proved equivalent again; witnesses: on the right sides of L and equal types at the stated depth.</summary>
    public static void Evidence(Dfa dfa, ArchitectureVerdict v, string context)
    {
        if (v.Formula is { } f)
        {
            var proof = FormulaProof.Check(f, dfa);
            Assert.That(proof.Equivalent, Is.True, $"{context} {v.Key}: formula {f} differs on {proof.Difference?.Format(dfa.Alphabet)} ({proof.Note})");
            Assert.That(v.FormulaChecked, Is.True, $"{context} {v.Key}");
            Assert.That(FragmentAllows(v.Key, f), Is.True, $"{context} {v.Key}: formula {f} is outside the fragment");
        }
        if (v.Witnesses is { } w)
        {
            Assert.That(dfa.Accepts(w.InLanguage), Is.True, $"{context} {v.Key}: u ∉ L");
            Assert.That(dfa.Accepts(w.NotInLanguage), Is.False, $"{context} {v.Key}: v ∈ L");
            if (FragmentOf(v.Key) is { } fragment)
                Assert.That(TypeChecker.Agree(fragment, dfa.SymbolCount, w.InLanguage, w.NotInLanguage, w.Depth), Is.True, $"{context} {v.Key}: witnesses separated at depth {w.Depth}");
            else
                Assert.That(v.Certificate, Is.InstanceOf<PumpingCertificate>(), $"{context} {v.Key}: uha witnesses come from a pumping family");
        }
        if (v.Below is { } below)
        {
            Assert.That(v.Verdict, Is.EqualTo(Verdict.Yes));
            Assert.That(v.DepthIsLeast, Is.True);
            Assert.That(below.Depth, Is.EqualTo(v.Depth - 1), $"{context} {v.Key}: the least-depth pair is stated one below the depth");
            Assert.That(dfa.Accepts(below.InLanguage) && !dfa.Accepts(below.NotInLanguage), Is.True, $"{context} {v.Key}: least-depth pair on the wrong sides");
            Assert.That(TypeChecker.Agree(FragmentOf(v.Key)!, dfa.SymbolCount, below.InLanguage, below.NotInLanguage, below.Depth), Is.True, $"{context} {v.Key}: least-depth pair separated at depth {below.Depth}");
        }
        if (v.DepthIsLeast && v.Depth > 0) Assert.That(v.Below, Is.Not.Null, $"{context} {v.Key}: a least depth ≥ 1 carries its pair");
        switch (v.Certificate)
        {
            case LassoCertificate lasso:
                Assert.That(v.Verdict, Is.EqualTo(Verdict.No));
                Exact.LassoCertificateTests.AssertValid(dfa, lasso, maxDepth: 4);
                break;
            case StutterCertificate stutter:
                Assert.That(stutter.Check(dfa), Is.Null, $"{context} {v.Key}");
                for (int r = 0; r <= 6; r++)
                    Assert.That(TypeChecker.Agree(TypeFragment.PastNonStrict, dfa.SymbolCount, stutter.Single, stutter.Doubled, r), Is.True, $"{context} {v.Key}: stutter pair separated at depth {r}");
                break;
            case PumpingCertificate pumping:
                Assert.That(pumping.Check(dfa), Is.Null, $"{context} {v.Key}");
                break;
        }
        if (v.Verdict == Verdict.Unknown) Assert.That(v.Witnesses, Is.Not.Null, $"{context} {v.Key}: unknown without witnesses");
        if (v.Identity is { } id)
            Assert.That(FormalExpressivity.Classes.Algebra.IdentityEvaluator.IsViolated(id.Identity, id.Assignment, dfa), Is.True, $"{context} {v.Key}: {id.Identity} holds under the assignment");
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
                case FormalExpressivity.Syntax.Temporal.LtlKind.Past:
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
