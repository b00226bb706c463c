using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Tests.Architectures;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Tests.Exact;

/// <summary>Every reported depth of a yes is the least one, with two words of equal type one depth below (the examples).</summary>
public class LeastDepthTests
{
    static Dfa Regex(string text, params string[] symbols) =>
        FormalExpressivity.Automata.Operations.Minimization.Minimize(RegexCompiler.ToDfa(Syntax.Regex.RegexParser.Parse(text, Alphabet.Of(symbols)).Value!));

    [Test]
    public void No_aa_factor_has_PYwin_1_depth_2()
    {
        var facts = new LanguageFacts(Regex("~(Σ*aaΣ*)", "a", "b"));
        var v = ArchitectureDecider.DecideLogic(facts, true, 1, VerdictAssertions.Fast);
        VerdictAssertions.Evidence(facts.Minimal, v, "~(Σ*aaΣ*)");
        Assert.That((v.Verdict, v.Depth, v.DepthIsLeast), Is.EqualTo((Verdict.Yes, (int?)2, true)));
    }

    [Test]
    public void Ab_or_aabb_has_Ywin_1_depth_5_and_global_depth_3()
    {
        var facts = new LanguageFacts(Regex("ab|aabb", "a", "b"));
        var y = ArchitectureDecider.DecideLogic(facts, false, 1, VerdictAssertions.Fast);
        var g = ArchitectureDecider.Decide(facts, new Architecture(ArchitectureKind.Global), VerdictAssertions.Fast);
        VerdictAssertions.Evidence(facts.Minimal, y, "ab|aabb");
        VerdictAssertions.Evidence(facts.Minimal, g, "ab|aabb");
        Assert.That((y.Depth, y.DepthIsLeast), Is.EqualTo(((int?)5, true)));
        Assert.That((g.Depth, g.DepthIsLeast), Is.EqualTo(((int?)3, true)));
    }
}
