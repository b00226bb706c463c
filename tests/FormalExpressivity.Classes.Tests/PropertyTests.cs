using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Algebra;
using FormalExpressivity.Classes.Certificates;
using FormalExpressivity.Classes.Deciders;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Classes.Tests;

public class PropertyTests
{
    private static readonly Alphabet Ab = Alphabet.Of("a", "b");
    private static readonly Alphabet Abc = Alphabet.Of("a", "b", "c");
    private static readonly DeciderOptions Options = new() { MaxSemigroup = 5_000, MaxParameterStates = 50_000 };

    private static IReadOnlyList<Dfa>? _small;

    private static IReadOnlyList<Dfa> Small => _small ??= SmallDfas.AllMinimal(3, Ab);

    private static IEnumerable<(Dfa Dfa, string Context)> RandomCases()
    {
        const int seed = 20261129;
        foreach (var (dfa, trial) in SmallDfas.Random(seed, 400, 8, Abc))
            yield return (dfa, $"seed {seed} trial {trial}");
    }

    private static IEnumerable<(Dfa Dfa, string Context)> AllCases() =>
        Small.Select((d, i) => (d, $"small #{i}")).Concat(RandomCases());

    [Test]
    public void Enumeration_of_small_minimal_DFAs_is_complete_and_duplicate_free()
    {
        // Known count of minimal complete DFAs (distinct languages) over {a,b} with ≤ 3 states, reachable, start fixed:
        // 2 one-state, 24 two-state; the three-state count is taken from the enumeration and pinned.
        var bySize = Small.GroupBy(d => d.StateCount).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(bySize[1], Is.EqualTo(2));
        Assert.That(bySize[2], Is.EqualTo(24));
        Assert.That(Small.Select(SmallDfas.Key).Distinct().Count(), Is.EqualTo(Small.Count));
        Assert.That(bySize[3], Is.EqualTo(1028));
    }

    [Test]
    public void Dfa_tests_agree_with_semigroup_identities_for_D_R_LR_K()
    {
        int checkedCount = 0, skipped = 0;
        foreach (var (dfa, ctx) in AllCases())
        {
            TransitionSemigroup s;
            try { s = TransitionSemigroup.Create(dfa, Options.MaxSemigroup); }
            catch (BudgetExceededException) { skipped++; continue; }
            checkedCount++;
            Assert.That(DefiniteDecider.Decide(dfa).Member, Is.EqualTo(DefiniteDecider.DecideBySemigroup(s).Member), $"D {ctx}");
            Assert.That(RTrivialDecider.Decide(dfa).Member, Is.EqualTo(RTrivialDecider.DecideBySemigroup(s).Member), $"R {ctx}");
            Assert.That(RTrivialDecider.Decide(dfa).Member, Is.EqualTo(SemigroupChecks.FindRViolation(s) is null && IdentityHoldsEverywhere(s, Identities.RTrivial)), $"R identity {ctx}");
            Assert.That(LocallyRTrivialDecider.Decide(dfa).Member, Is.EqualTo(LocallyRTrivialDecider.DecideBySemigroup(s).Member), $"LR {ctx}");
            Assert.That(ReverseDefiniteDecider.Decide(dfa).Member, Is.EqualTo(SemigroupChecks.FindReverseDefiniteViolation(s) is null), $"K {ctx}");
            if (dfa.StateCount <= 5)
                Assert.That(LocallyRTrivialDecider.Decide(dfa).Member, Is.EqualTo(!Oracles.HasLrConfiguration(dfa)), $"LR 4-fold product {ctx}");
        }
        Assert.That(checkedCount, Is.GreaterThan(1000), $"skipped {skipped} over budget");
    }

    /// <summary>(xy)^ω x = (xy)^ω over all pairs, evaluated on transformations (a twin of the Green-class shortcut).</summary>
    private static bool IdentityHoldsEverywhere(TransitionSemigroup s, string identity)
    {
        if (s.Count > 60) return SemigroupChecks.FindRViolation(s) is null;
        for (int x = 0; x < s.Count; x++)
            for (int y = 0; y < s.Count; y++)
                if (IdentityEvaluator.IsViolated(identity, new Dictionary<string, Word> { ["x"] = s.Representative(x), ["y"] = s.Representative(y) }, s.Dfa))
                    return false;
        return true;
    }

    [Test]
    public void Definite_degree_matches_brute_force_on_small_DFAs()
    {
        foreach (var dfa in Small)
            Assert.That(DefiniteDecider.Degree(dfa), Is.EqualTo(Oracles.DefiniteDegree(dfa, 8)), SmallDfas.Key(dfa));
    }

    [Test]
    public void All_verdicts_respect_the_lattice_and_every_certificate_is_accepted()
    {
        int decided = 0;
        foreach (var (dfa, ctx) in AllCases())
        {
            IReadOnlyDictionary<LanguageClass, ClassVerdict> all;
            try { all = ClassDeciders.DecideAll(new DecisionContext(dfa, Options)); }
            catch (BudgetExceededException) { continue; }
            decided++;
            Assert.That(ClassHierarchy.Violations(all), Is.Empty, $"{ctx}: {ClassVerdictJson.Render(all, dfa.Alphabet)}");
            foreach (var v in all.Values)
                Assert.That(ClassCertificateChecker.Check(dfa, v, Options), Is.Empty, $"{ctx} {v.Class}: {v.Evidence.Describe(dfa.Alphabet)}");
        }
        Assert.That(decided, Is.GreaterThan(1000));
    }

    [Test]
    public void Mutated_evidence_is_rejected()
    {
        int mutated = 0;
        foreach (var (dfa, ctx) in AllCases().Take(1500))
        {
            IReadOnlyDictionary<LanguageClass, ClassVerdict> all;
            try { all = ClassDeciders.DecideAll(new DecisionContext(dfa, Options)); }
            catch (BudgetExceededException) { continue; }
            foreach (var v in all.Values)
                foreach (var m in Mutations(v, dfa.StateCount))
                {
                    mutated++;
                    Assert.That(ClassCertificateChecker.Check(dfa, m, Options), Is.Not.Empty, $"{ctx} {v.Class}: mutated {m}");
                }
        }
        Assert.That(mutated, Is.GreaterThan(1000));
    }

    private static IEnumerable<ClassVerdict> Mutations(ClassVerdict v, int states)
    {
        yield return v with { Member = !v.Member };
        if (v.Member && v.Class is LanguageClass.D or LanguageClass.K or LanguageClass.SL && v.Parameter is int p)
            yield return v with { Parameter = p + 1 };
        if (v.Evidence is EvidenceSet set)
            for (int i = 0; i < set.Items.Count; i++)
            {
                foreach (var mi in MutateItem(set.Items[i], states))
                {
                    // Replace the item and drop every other refutation, so the mutated item must stand alone.
                    yield return v with { Evidence = mi };
                }
            }
        else
            foreach (var mi in MutateItem(v.Evidence, states)) yield return v with { Evidence = mi };
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    private static IEnumerable<ClassEvidence> MutateItem(ClassEvidence e, int states)
    {
        switch (e)
        {
            case IdentityViolation iv:
                // Every variable := one idempotent power (lcm(1..n) ≥ n is a multiple of every period and ≥ every index): all listed identities hold.
                int m = Enumerable.Range(1, states).Aggregate(1, (acc, i) => acc / Gcd(acc, i) * i);
                var w = iv.Assignment.Values.First().Repeat(m);
                yield return iv with { Assignment = iv.Assignment.ToDictionary(kv => kv.Key, _ => w) };
                break;
            case WitnessPair wp:
                yield return wp with { InLanguage = wp.NotInLanguage, NotInLanguage = wp.InLanguage };
                break;
            case LrConfiguration c:
                yield return c with { P = c.Q };
                yield return c with { U = Word.Empty };
                break;
            case SuffixSubstitutionViolation s:
                yield return s with { V2 = s.V1 };
                break;
        }
    }
}
