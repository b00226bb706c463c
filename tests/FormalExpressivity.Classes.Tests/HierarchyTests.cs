using FormalExpressivity.Classes.Deciders;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Tests;

public class HierarchyTests
{
    private static IReadOnlyList<IReadOnlyDictionary<LanguageClass, ClassVerdict>>? _verdicts;

    private static IReadOnlyList<IReadOnlyDictionary<LanguageClass, ClassVerdict>> Verdicts => _verdicts ??=
        SmallDfas.AllMinimal(3, Alphabet.Of("a", "b")).Concat(Languages.All().Select(l => l.Dfa))
            .Select(d => ClassDeciders.DecideAll(new DecisionContext(d))).ToList();

    [Test]
    public void Every_proper_inclusion_is_strict_on_some_language()
    {
        foreach (var (sub, super) in ClassHierarchy.Inclusions)
        {
            if (ClassHierarchy.IsIncluded(super, sub)) continue; // PT = J
            Assert.That(Verdicts.Any(v => v[super].Member && !v[sub].Member), Is.True, $"{sub} ⊊ {super} has no separating language");
        }
    }

    [TestCase(LanguageClass.R, LanguageClass.D)]
    [TestCase(LanguageClass.D, LanguageClass.R)]
    [TestCase(LanguageClass.L, LanguageClass.LR)]
    [TestCase(LanguageClass.LR, LanguageClass.DA)]
    [TestCase(LanguageClass.DA, LanguageClass.LR)]
    [TestCase(LanguageClass.LT, LanguageClass.DA)]
    [TestCase(LanguageClass.J, LanguageClass.LT)]
    [TestCase(LanguageClass.SF, LanguageClass.LR)]
    public void Incomparable_pairs_are_not_in_the_lattice_and_are_separated(LanguageClass a, LanguageClass b)
    {
        Assert.That(ClassHierarchy.IsIncluded(a, b), Is.False);
        Assert.That(Verdicts.Any(v => v[a].Member && !v[b].Member), Is.True, $"no language in {a} ∖ {b}");
    }

    [Test]
    public void The_lattice_closure_has_the_stated_chains()
    {
        Assert.That(ClassHierarchy.IsIncluded(LanguageClass.D, LanguageClass.SF), Is.True);
        Assert.That(ClassHierarchy.IsIncluded(LanguageClass.K, LanguageClass.LR), Is.True);
        Assert.That(ClassHierarchy.IsIncluded(LanguageClass.SL, LanguageClass.LR), Is.True);
        Assert.That(ClassHierarchy.IsIncluded(LanguageClass.PT, LanguageClass.DA), Is.True);
        Assert.That(ClassHierarchy.IsIncluded(LanguageClass.J, LanguageClass.PT) && ClassHierarchy.IsIncluded(LanguageClass.PT, LanguageClass.J), Is.True);
        Assert.That(ClassHierarchy.IsIncluded(LanguageClass.REG, LanguageClass.SF), Is.False);
        var bad = new Dictionary<LanguageClass, ClassVerdict>
        {
            [LanguageClass.D] = new(LanguageClass.D, true, 1, new ClassMembership("x", "y")),
            [LanguageClass.SF] = new(LanguageClass.SF, false, null, new ClassMembership("x", "y")),
        };
        Assert.That(ClassHierarchy.Violations(bad), Has.Count.EqualTo(1));
    }
}
