using CsCheck;
using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Conditions;
using FormalExpressivity.Classes.Deciders;
using FormalExpressivity.Classes.Report;
using FormalExpressivity.Classes.Synthesis;
using FormalExpressivity.Classes.Verdicts;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Classes.Tests.Architectures;

/// <summary>
/// Property tests over all minimal DFAs with ≤ 3 states over {a,b} and CsCheck-drawn random DFAs with ≤ 8
/// states over ≤ 3 letters (failures shrink and print the seed): verdicts agree with the class deciders
/// (exact cases) and respect the necessary conditions; no report row contradicts an inclusion of the
/// hierarchy (<see cref="ArchitectureHierarchy.Violations"/>); every formula is proved equivalent and inside its
/// fragment; every witness pair is verified by the type checker; the condition finders agree with their twins.
/// </summary>
public class ArchitecturePropertyTests
{
    static readonly VerdictEngine Budget = new(VerdictOptions.Default.WithSearch(new TypeSearchOptions(MaxDepth: 2, MaxTypes: 3_000, MaxStates: 8_000)) with { MaxRepetition = 6 });

    static readonly IReadOnlyList<Architecture> Architectures = Architecture.Defaults([1, 2]);

    static readonly IReadOnlyList<Architecture> Logic = Architecture.LogicClasses([1, 2]);

    static IEnumerable<(Dfa Dfa, string Context)> Corpus() =>
        SmallDfas.AllMinimal(3, Languages.AB).Select((d, i) => (d, $"all≤3 #{i}"));

    /// <summary>Random DFAs with ≤ 8 states over ≤ 3 letters, minimized.</summary>
    static readonly Gen<Dfa> RandomMinimal = DfaGen.Complete(8, 3).Select(d => d.Minimize());

    [Test]
    public void No_report_row_contradicts_an_inclusion_on_random_dfas() =>
        RandomMinimal.Sample(m =>
        {
            var report = FormalExpressivity.Classes.Report.Classifier.Classify(m, new ClassifierOptions { WindowSizes = [1, 2, 3], Engine = Budget });
            var rows = report.Rows.ToDictionary(r => r.Architecture, r => r.Verdict);
            var problems = ArchitectureHierarchy.Violations(rows, report.Classes);
            if (problems.Count > 0) throw new AssertionException(string.Join("; ", problems));
            CheckLanguage(m, "random");
        }, iter: 60);

    [Test]
    public void Condition_finders_agree_with_the_deciders_on_random_dfas() =>
        RandomMinimal.Sample(m => CheckConditions(m, "random"), iter: 200);

    [Test]
    public void Verdicts_are_consistent_with_the_class_deciders_and_their_evidence_checks()
    {
        int count = 0;
        foreach (var (dfa, context) in Corpus())
        {
            CheckLanguage(dfa, context);
            count++;
        }
        Assert.That(count, Is.GreaterThan(100));
    }

    static void CheckLanguage(Dfa dfa, string context)
    {
        var facts = new LanguageFacts(dfa);
        var m = facts.Minimal;
        bool r = RTrivialDecider.Decide(m).Member, d = DefiniteDecider.Decide(m).Member;
        bool lr = LocallyRTrivialDecider.Decide(m).Member, sf = StarFreeDecider.Decide(m).Member;
        var rows = Budget.Decide(m, Architectures.Concat(Logic));
        Assert.That(ArchitectureHierarchy.Violations(rows, ClassDeciders.DecideAll(m)), Is.Empty, context);
        foreach (var arch in Architectures)
        {
            var v = rows[arch];
            VerdictAssertions.Evidence(m, arch, v, context);
            bool? exact = arch.ExactClass switch
            {
                LanguageClass.R => r,
                LanguageClass.D => d,
                LanguageClass.LR => lr,
                LanguageClass.SF => sf,
                _ => null,
            };
            bool necessary = arch.NecessaryClass switch
            {
                LanguageClass.R => r,
                LanguageClass.D => d,
                LanguageClass.LR => lr,
                _ => true,
            };
            if (exact is bool e) Assert.That(v.Answer, Is.EqualTo(e ? Answer.Yes : Answer.No), $"{context} {arch.Key}");
            else if (necessary) Assert.That(v.Answer != Answer.No || v.Certificate is not null, Is.True, $"{context} {arch.Key}: a no inside the necessary class needs an all-depth certificate");
            else Assert.That(v.Answer, Is.EqualTo(Answer.No), $"{context} {arch.Key}: the necessary class fails");
            if (v.Answer == Answer.No && arch != Architecture.Uha) Assert.That(v.Witnesses is not null || v.Evidence.OfType<InclusionEvidence>().Any(), Is.True, $"{context} {arch.Key}: a no has its own witnesses or comes from a superset row");
            if (v.Answer == Answer.Yes && arch != Architecture.Uha) Assert.That(v.Formula is not null || v.Bound is not null, Is.True, $"{context} {arch.Key}");
        }
        foreach (var a in Logic)
        {
            var v = rows[a];
            VerdictAssertions.Evidence(m, a, v, context);
            if (a.Window == 1) Assert.That(v.Answer, Is.EqualTo((a.HasGlobalHeads ? lr : d) ? Answer.Yes : Answer.No), $"{context} {a.Key}");
        }
    }

    [Test]
    public void Condition_finders_agree_with_the_deciders_and_the_four_fold_product()
    {
        foreach (var (dfa, context) in Corpus()) CheckConditions(dfa, context);
    }

    static void CheckConditions(Dfa dfa, string context)
    {
        Assert.That(PartialOrder.FindCycle(dfa) is null, Is.EqualTo(RTrivialDecider.Decide(dfa).Member), context);
        Assert.That(Definiteness.Degree(dfa), Is.EqualTo(DefiniteDecider.Degree(dfa)), context);
        Assert.That(Definiteness.FindCycle(dfa) is null, Is.EqualTo(Definiteness.Degree(dfa) is not null), context);
        var slow = ForbiddenConfiguration.Find(dfa);
        Assert.That(slow is null, Is.EqualTo(LocallyRTrivialDecider.FindConfiguration(dfa) is null), context);
        if (slow is not null) AssertConfiguration(dfa, slow, context);
        Assert.That(LocalPastFormulaSynthesis.Synthesize(dfa) is null, Is.EqualTo(slow is not null), context);
        Assert.That(Aperiodicity.FindViolation(dfa) is null, Is.EqualTo(StarFreeDecider.Decide(dfa).Member), context);
        if (DefiniteDecider.Degree(dfa) is int degree)
        {
            var f = DefiniteFormulaSynthesis.Synthesize(dfa, degree)!;
            Assert.That(f.Depth, Is.LessThanOrEqualTo(degree), context);
            Assert.That(FormulaProof.Check(f, dfa).Equivalent, Is.True, context);
        }
    }

    static void AssertConfiguration(Dfa dfa, LrConfiguration c, string context)
    {
        Assert.That(c.P, Is.Not.EqualTo(c.Q), context);
        Assert.That(c.U.Length, Is.GreaterThan(0), context);
        Assert.That(dfa.Run(c.P, c.U.Symbols), Is.EqualTo(c.P), context);
        Assert.That(dfa.Run(c.Q, c.U.Symbols), Is.EqualTo(c.Q), context);
        Assert.That(dfa.Run(c.R, c.U.Symbols), Is.EqualTo(c.Q), context);
        Assert.That(dfa.Run(c.RPrime, c.U.Symbols), Is.EqualTo(c.P), context);
        Assert.That(dfa.Run(c.P, c.X.Symbols), Is.EqualTo(c.R), context);
        Assert.That(dfa.Run(c.Q, c.Y.Symbols), Is.EqualTo(c.RPrime), context);
    }
}

/// <summary>The contradiction listing the property tests rely on finds each kind of contradiction.</summary>
public class ArchitectureViolationTests
{
    static Verdict V(Answer answer) => new(answer, null, []);

    [Test]
    public void A_yes_next_to_an_unknown_or_no_superset_and_a_no_next_to_an_unknown_subset_are_listed()
    {
        var rows = new Dictionary<Architecture, Verdict>
        {
            [Architecture.Local(2)] = V(Answer.Yes),
            [Architecture.Hybrid(2)] = V(Answer.Unknown),
            [Architecture.WindowLogic(3)] = V(Answer.Unknown),
            [Architecture.PastWindowLogic(3)] = V(Answer.No),
        };
        var problems = ArchitectureHierarchy.Violations(rows, new Dictionary<LanguageClass, ClassVerdict>());
        Assert.That(problems, Is.EquivalentTo(new[]
        {
            "local:2 says yes but its superset hybrid:2 is left unknown",
            "PYwin:3 says no but its subset Ywin:3 is left unknown",
        }));
        rows[Architecture.Hybrid(2)] = V(Answer.No);
        Assert.That(ArchitectureHierarchy.Violations(rows, new Dictionary<LanguageClass, ClassVerdict>()), Does.Contain("local:2 says yes but its superset hybrid:2 says no"));
        rows[Architecture.Hybrid(2)] = V(Answer.Yes);
        rows[Architecture.WindowLogic(3)] = V(Answer.No);
        Assert.That(ArchitectureHierarchy.Violations(rows, new Dictionary<LanguageClass, ClassVerdict>()), Is.Empty);
    }
}
