using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Classes.Certificates;
using FormalExpressivity.Classes.Deciders;
using FormalExpressivity.Core.Collections;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Classes.Tests;

public class StructuredLanguageTests
{
    /// <summary>Σ*aΣ^{m−1} over {a,b}: 2^m states, strongly connected, definite of degree m.</summary>
    private static Dfa NthFromEnd(int m)
    {
        int n = 1 << m;
        var table = new int[n * 2];
        for (int q = 0; q < n; q++) for (int a = 0; a < 2; a++) table[q * 2 + a] = ((q << 1) | (a == 0 ? 1 : 0)) & (n - 1);
        var acc = new BitSet(n);
        for (int q = 0; q < n; q++) if ((q >> (m - 1) & 1) == 1) acc.Add(q);
        return Dfa.Create(RandomDfa.Letters(2), 0, table, acc).Minimize();
    }

    [TestCase(3)]
    [TestCase(5)]
    public void Nth_symbol_from_the_end_has_the_textbook_parameters(int m)
    {
        var dfa = NthFromEnd(m);
        Assert.That(dfa.StateCount, Is.EqualTo(1 << m));
        var all = ClassDeciders.DecideAll(new DecisionContext(dfa));
        Assert.That(all[LanguageClass.D].Parameter, Is.EqualTo(m));
        Assert.That(all[LanguageClass.SL].Parameter, Is.EqualTo(m + 1));
        Assert.That(all[LanguageClass.LT].Parameter, Is.EqualTo(m + 1));
        Assert.That((all[LanguageClass.R].Member, all[LanguageClass.K].Member, all[LanguageClass.LR].Member, all[LanguageClass.PT].Member), Is.EqualTo((false, false, true, false)));
        Assert.That(ClassHierarchy.Violations(all), Is.Empty);
        foreach (var v in all.Values) Assert.That(ClassCertificateChecker.Check(dfa, v), Is.Empty, v.Class.ToString());
    }
}
