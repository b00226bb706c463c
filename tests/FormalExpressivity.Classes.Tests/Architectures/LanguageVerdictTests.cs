using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Verdicts;

namespace FormalExpressivity.Classes.Tests.Architectures;

/// <summary>theory.md §4 and §9: every listed language gets the stated verdicts, with evidence that re-checks.</summary>
public class LanguageVerdictTests
{
    // Columns: global, global-nonstrict, local:1, local:2, local:4, hybrid:1, hybrid:2, hybrid:4, uha.
    // Y yes, N no, U unknown, ? not pinned (budget dependent).
    static readonly string[] Keys = ["global", "global-nonstrict", "local:1", "local:2", "local:4", "hybrid:1", "hybrid:2", "hybrid:4", "uha"];

    static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("aΣ*", Languages.StartsWithA, "YYNNNYYYY");
        yield return new TestCaseData("FIRST bΣ*", Languages.FirstB, "YYNNNYYYY");
        yield return new TestCaseData("Σ*a", Languages.EndsWithA, "NNYNNYNNY");
        yield return new TestCaseData("LAST Σ*b", Languages.Last, "NNYNNYNNY");
        yield return new TestCaseData("Σ*ab", Languages.EndsWithAB, "NNYNNYNNY");
        yield return new TestCaseData("LT-1 Σ*aΣ*", Languages.ContainsA, "YYNNNYYYY");
        yield return new TestCaseData("PT-2 Σ*aΣ*bΣ*", Languages.Subsequence, "YYNNNYYYY");
        yield return new TestCaseData("LDP-1", Languages.Ldp1, "Y?NNNYYYY");
        yield return new TestCaseData("LDP-2", Languages.Ldp2Language, "Y?NNNYYYY");
        yield return new TestCaseData("LT-2 Σ*abΣ*", Languages.FactorAB, "NNNNNY??Y");
        yield return new TestCaseData("DYCK-(1,1) (ab)*", Languages.AbStar, "NNNNNYNNY");
        yield return new TestCaseData("DYCK-(1,2) (a(ab)*b)*", Languages.Dyck12, "NNNNNNNNY");
        yield return new TestCaseData("RDP-1", Languages.Rdp1, "NNNNNNNNY");
        yield return new TestCaseData("PARITY", Languages.Parity, "NNNNNNNNN");
        yield return new TestCaseData("L_2 (a among the last 2)", Languages.AmongLast(2), "NNYY?YY?Y");
        yield return new TestCaseData("aΣ* ∩ L_2", Languages.StartsWithAAndAmongLast2, "NNNNNYY?Y");
    }

    [TestCaseSource(nameof(Cases))]
    public void Architecture_verdicts_match_theory(string name, Dfa dfa, string expected)
    {
        var minimal = dfa.Minimize();
        var archs = Keys.Select(k => Architecture.TryParse(k, out var a) ? a : throw new ArgumentException(k)).ToList();
        var rows = VerdictAssertions.Fast.Decide(minimal, archs);
        for (int i = 0; i < Keys.Length; i++)
        {
            var arch = archs[i];
            var v = rows[arch];
            VerdictAssertions.Evidence(minimal, arch, v, name);
            char want = expected[i];
            if (want == '?') continue;
            var wanted = want switch { 'Y' => Answer.Yes, 'N' => Answer.No, _ => Answer.Unknown };
            string note = Report.VerdictText.Reason(v, arch, minimal.Alphabet);
            Assert.That(v.Answer, Is.EqualTo(wanted), $"{name} {arch.Key}: {note}");
            if (v.Answer == Answer.No && arch != Architecture.Uha) Assert.That(v.Witnesses is not null || v.Evidence.OfType<InclusionEvidence>().Any(), Is.True, $"{name} {arch.Key}: {note}");
            if (v.Answer == Answer.No) Assert.That(v.Identity is not null || v.Certificate is not null, Is.True, $"{name} {arch.Key}: a no carries a violated identity or an all-depth certificate");
        }
    }

    [Test]
    public void Two_of_the_last_three_parts_multiset_and_set_windows()
    {
        var m = Languages.TwoOfLastThree.Minimize();
        var rows = VerdictAssertions.Fast.Decide(m, [Architecture.Local(3), Architecture.WindowLogic(3)]);
        var (local3, ywin3) = (rows[Architecture.Local(3)], rows[Architecture.WindowLogic(3)]);
        VerdictAssertions.Evidence(m, Architecture.Local(3), local3, "2of3");
        VerdictAssertions.Evidence(m, Architecture.WindowLogic(3), ywin3, "2of3");
        Assert.That(local3.Answer, Is.EqualTo(Answer.Yes));
        Assert.That(local3.Depth, Is.EqualTo(1));
        Assert.That(ywin3.Answer, Is.Not.EqualTo(Answer.Yes));
    }

    [Test]
    public void Non_strict_global_attention_is_refuted_for_bb_prefix_by_stuttering()
    {
        // LC25 §F: bbΣ* is strict-global but not non-strict.
        var m = Languages.StartsWithBB.Minimize();
        var strict = VerdictAssertions.Fast.Decide(m, Architecture.Global);
        var nonStrict = VerdictAssertions.Fast.Decide(m, Architecture.GlobalNonStrict);
        VerdictAssertions.Evidence(m, Architecture.Global, strict, "bb");
        VerdictAssertions.Evidence(m, Architecture.GlobalNonStrict, nonStrict, "bb");
        Assert.That(strict.Answer, Is.EqualTo(Answer.Yes));
        Assert.That(nonStrict.Answer, Is.EqualTo(Answer.No));
        Assert.That(nonStrict.Certificate, Is.InstanceOf<FormalExpressivity.Classes.Exact.StutterCertificate>());
    }

    [Test]
    public void Reference_formulas_are_synthesized_compactly()
    {
        Assert.That(new LanguageFacts(Languages.StartsWithA).PastFormula!.ToString(), Is.EqualTo("P (a & !P true)"));
        Assert.That(new LanguageFacts(Languages.ContainsA).PastFormula!.ToString(), Is.EqualTo("P a"));
        Assert.That(new LanguageFacts(Languages.EndsWithA).YesterdayFormula!.ToString(), Is.EqualTo("Y a"));
        Assert.That(new LanguageFacts(Languages.EndsWithAB).YesterdayFormula!.Depth, Is.EqualTo(2));
        Assert.That(new LanguageFacts(Languages.FactorAB).PastYesterdayFormula!.Size, Is.LessThanOrEqualTo(15));
    }
}
