using FormalExpressivity.Classes.Deciders;

namespace FormalExpressivity.Classes.Tests;

public class DfaTestSanityTests
{
    private static ClassVerdict D(string name) => DefiniteDecider.Decide(Find(name));
    private static ClassVerdict R(string name) => RTrivialDecider.Decide(Find(name));
    private static ClassVerdict LR(string name) => LocallyRTrivialDecider.Decide(Find(name));

    private static FormalExpressivity.Automata.Dfa Find(string prefix) => Languages.All().Single(l => l.Name.StartsWith(prefix, StringComparison.Ordinal)).Dfa;

    [TestCase("Σ*a {a,b}", true, 1)]
    [TestCase("Σ*ab {a,b}", true, 2)]
    [TestCase("LAST", true, 1)]
    [TestCase("L_2", true, 2)]
    [TestCase("aΣ* {a,b}", false, null)]
    [TestCase("PARITY", false, null)]
    [TestCase("DYCK-(1,1)", false, null)]
    public void Definite(string name, bool member, int? degree)
    {
        var v = D(name);
        Assert.That((v.Member, v.Parameter), Is.EqualTo((member, degree)), v.Evidence.Describe(Find(name).Alphabet));
    }

    [TestCase("aΣ* {a,b}", true)]
    [TestCase("PT-2", true)]
    [TestCase("LDP-2", true)]
    [TestCase("FIRST", true)]
    [TestCase("L_2", false)]
    [TestCase("DYCK-(1,1)", false)]
    [TestCase("LT-2", false)]
    [TestCase("RDP-1", false)]
    public void RTrivial(string name, bool member) => Assert.That(R(name).Member, Is.EqualTo(member));

    [TestCase("DYCK-(1,1)", true)]
    [TestCase("LT-2", true)]
    [TestCase("RDP-1", false)]
    [TestCase("aΣ* ∩ L_2", true)]
    [TestCase("DYCK-(1,2)", false)]
    [TestCase("PARITY", false)]
    public void LocallyRTrivial(string name, bool member) => Assert.That(LR(name).Member, Is.EqualTo(member));
}
