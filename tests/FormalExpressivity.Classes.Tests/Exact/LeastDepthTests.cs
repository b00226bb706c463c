using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Tests.Architectures;
using FormalExpressivity.Classes.Verdicts;
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
        var dfa = Regex("~(Σ*aaΣ*)", "a", "b");
        var v = VerdictAssertions.Fast.Decide(dfa, Architecture.PastWindowLogic(1));
        VerdictAssertions.Evidence(dfa, Architecture.PastWindowLogic(1), v, "~(Σ*aaΣ*)");
        Assert.That((v.Answer, v.Depth, v.Least?.Proved), Is.EqualTo((Answer.Yes, (int?)2, (bool?)true)));
    }

    [Test]
    public void Ab_or_aabb_has_Ywin_1_depth_5_and_global_depth_3()
    {
        var dfa = Regex("ab|aabb", "a", "b");
        var rows = VerdictAssertions.Fast.Decide(dfa, [Architecture.WindowLogic(1), Architecture.Global]);
        var (y, g) = (rows[Architecture.WindowLogic(1)], rows[Architecture.Global]);
        VerdictAssertions.Evidence(dfa, Architecture.WindowLogic(1), y, "ab|aabb");
        VerdictAssertions.Evidence(dfa, Architecture.Global, g, "ab|aabb");
        Assert.That((y.Depth, y.Least?.Proved), Is.EqualTo(((int?)5, (bool?)true)));
        Assert.That((g.Depth, g.Least?.Proved), Is.EqualTo(((int?)3, (bool?)true)));
    }
}
