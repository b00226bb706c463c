namespace FormalExpressivity.Classes.Tests;

/// <summary>The "in" and "out" languages quoted in every decider's remarks.</summary>
public class RemarkExampleTests
{
    [TestCase(LanguageClass.SL, "DYCK-(1,1)", true, 2)]
    [TestCase(LanguageClass.SL, "Σ*abΣ* {a,b}", false, null)]
    [TestCase(LanguageClass.LT, "Σ*abΣ* {a,b,c}", true, 2)]
    [TestCase(LanguageClass.LT, "PT-2", false, null)]
    [TestCase(LanguageClass.LTT, "Σ*abΣ* {a,b,c}", true, null)]
    [TestCase(LanguageClass.LTT, "PT-2", false, null)]
    [TestCase(LanguageClass.PT, "PT-2", true, 2)]
    [TestCase(LanguageClass.PT, "Σ*ab {a,b}", false, null)]
    [TestCase(LanguageClass.D, "Σ*a {a,b}", true, 1)]
    [TestCase(LanguageClass.D, "aΣ* {a,b}", false, null)]
    [TestCase(LanguageClass.K, "aΣ* {a,b}", true, 1)]
    [TestCase(LanguageClass.K, "Σ*a {a,b}", false, null)]
    [TestCase(LanguageClass.LI, "aΣ*b {a,b}", true, null)]
    [TestCase(LanguageClass.LI, "LT-1", false, null)]
    [TestCase(LanguageClass.R, "PT-2", true, null)]
    [TestCase(LanguageClass.R, "DYCK-(1,1)", false, null)]
    [TestCase(LanguageClass.L, "Σ*a {a,b}", true, null)]
    [TestCase(LanguageClass.L, "aΣ* {a,b}", false, null)]
    [TestCase(LanguageClass.J, "PT-2", true, null)]
    [TestCase(LanguageClass.J, "aΣ* {a,b}", false, null)]
    [TestCase(LanguageClass.DA, "PT-2", true, null)]
    [TestCase(LanguageClass.DA, "DYCK-(1,1)", false, null)]
    [TestCase(LanguageClass.LR, "DYCK-(1,1)", true, null)]
    [TestCase(LanguageClass.LR, "DYCK-(1,2)", false, null)]
    [TestCase(LanguageClass.SF, "DYCK-(1,2)", true, null)]
    [TestCase(LanguageClass.SF, "PARITY", false, null)]
    [TestCase(LanguageClass.REG, "PARITY", true, null)]
    public void Remark_example(LanguageClass c, string prefix, bool member, int? parameter)
    {
        var dfa = Languages.All().Single(l => l.Name.StartsWith(prefix, StringComparison.Ordinal)).Dfa;
        var v = ClassDeciders.Decide(c, dfa);
        Assert.That((v.Member, v.Parameter), Is.EqualTo((member, parameter)), v.Evidence.Describe(dfa.Alphabet));
    }
}
