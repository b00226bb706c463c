using FormalExpressivity.Classes.Certificates;
using Snapshooter.NUnit;

namespace FormalExpressivity.Classes.Tests;

public class LanguageTests
{
    // theory.md §4 and §9: what each language is stated to be (class → expected membership).
    private static readonly (string Prefix, (LanguageClass Class, bool Member)[] Stated)[] Statements =
    [
        ("PARITY", [(LanguageClass.REG, true), (LanguageClass.SF, false)]),
        ("DYCK-(1,2)", [(LanguageClass.SF, true), (LanguageClass.LR, false)]),
        ("DYCK-(1,1)", [(LanguageClass.LR, true), (LanguageClass.R, false)]),
        ("LT-2", [(LanguageClass.LR, true), (LanguageClass.R, false)]),
        ("RDP-1", [(LanguageClass.L, true), (LanguageClass.R, false), (LanguageClass.LR, false), (LanguageClass.SF, true)]),
        ("LAST", [(LanguageClass.D, true)]),
        ("PT-2", [(LanguageClass.R, true)]),
        ("LT-1", [(LanguageClass.R, true)]),
        ("LDP-1", [(LanguageClass.R, true)]),
        ("LDP-2", [(LanguageClass.R, true)]),
        ("FIRST", [(LanguageClass.R, true)]),
        ("aΣ* {a,b}", [(LanguageClass.R, true), (LanguageClass.D, false)]),
        ("Σ*a {a,b}", [(LanguageClass.D, true), (LanguageClass.R, false)]),
        ("Σ*ab {a,b}", [(LanguageClass.D, true), (LanguageClass.R, false)]),
        ("Σ*aΣ*bΣ* {a,b}", [(LanguageClass.R, true), (LanguageClass.PT, true)]),
        ("Σ*abΣ* {a,b}", [(LanguageClass.R, true)]),
        ("Σ*abΣ* {a,b,c}", [(LanguageClass.R, false), (LanguageClass.LR, true), (LanguageClass.LT, true)]),
        ("L_2", [(LanguageClass.D, true), (LanguageClass.R, false)]),
        ("L_3", [(LanguageClass.D, true), (LanguageClass.R, false)]),
        ("aΣ* ∩ L_2", [(LanguageClass.D, false), (LanguageClass.R, false), (LanguageClass.LR, true)]),
    ];

    [Test]
    public void Languages_of_theory_sections_4_and_9_are_classified_as_stated()
    {
        var all = Languages.All();
        foreach (var (prefix, stated) in Statements)
        {
            var (name, dfa) = all.Single(l => l.Name.StartsWith(prefix, StringComparison.Ordinal));
            var verdicts = ClassDeciders.DecideAll(dfa);
            foreach (var (c, member) in stated)
                Assert.That(verdicts[c].Member, Is.EqualTo(member), $"{name}: {c}: {verdicts[c].Evidence.Describe(dfa.Alphabet)}");
            foreach (var v in verdicts.Values)
                Assert.That(ClassCertificateChecker.Check(dfa, v), Is.Empty, $"{name} {v.Class}");
            Assert.That(ClassHierarchy.Violations(verdicts), Is.Empty, name);
        }
    }

    [Test]
    public void Verdicts_of_all_listed_languages_match_the_snapshot()
    {
        var text = string.Join("\n", Languages.All().Select(l =>
            $"== {l.Name} ({l.Dfa.StateCount} states)\n{ClassVerdictJson.Render(ClassDeciders.DecideAll(l.Dfa), l.Dfa.Alphabet).TrimEnd('\n')}"));
        Snapshot.Match(text);
    }

    [Test]
    public void Parameters_of_reference_languages()
    {
        var all = Languages.All().ToDictionary(l => l.Name.Split(' ')[0] + " " + l.Name.Split(' ')[1], l => l.Dfa);
        int? P(string prefix, LanguageClass c) =>
            ClassDeciders.Decide(c, Languages.All().Single(l => l.Name.StartsWith(prefix, StringComparison.Ordinal)).Dfa).Parameter;
        Assert.That(P("Σ*ab {a,b}", LanguageClass.D), Is.EqualTo(2));
        Assert.That(P("L_3", LanguageClass.D), Is.EqualTo(3));
        Assert.That(P("aΣ* {a,b}", LanguageClass.K), Is.EqualTo(1));
        Assert.That(P("DYCK-(1,1)", LanguageClass.SL), Is.EqualTo(2));
        Assert.That(P("Σ*abΣ* {a,b,c}", LanguageClass.LT), Is.EqualTo(2));
        Assert.That(P("LT-1", LanguageClass.PT), Is.EqualTo(1));
        Assert.That(P("PT-2", LanguageClass.PT), Is.EqualTo(2));
        Assert.That(P("Σ* {a,b}", LanguageClass.PT), Is.EqualTo(0));
        Assert.That(P("{ε} {a,b}", LanguageClass.SL), Is.EqualTo(1));
        Assert.That(all, Is.Not.Empty);
    }
}
