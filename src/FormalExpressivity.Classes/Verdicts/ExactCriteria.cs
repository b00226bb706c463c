using FormalExpressivity.Classes.Algebra;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Certificates;
using FormalExpressivity.Classes.Conditions;
using FormalExpressivity.Classes.Synthesis;
using FormalExpressivity.Classes.Types;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Verdicts;

/// <summary>
/// The first stage of the decider chain (docs/theory.md §4): the class that equals an architecture
/// decides it (global = R, local(1) = D, hybrid(1) = LR, uha = SF, regular = REG), and failing the
/// necessary class (R for global-nonstrict, D for local(k), LR for hybrid(k)) proves "no". A "no"
/// carries the violated identity and, where the architecture has a type fragment, two words of
/// equal depth-r type built from the violated condition and re-checked by <see cref="TypeChecker"/>.
/// Membership comes from the class deciders (<see cref="ClassDeciders"/>); the conditions behind
/// the witness words (<see cref="LanguageFacts"/>) must agree with them, else it is an internal error.
/// </summary>
public static class ExactCriteria
{
    /// <summary>The verdict of <paramref name="architecture"/> from its exact or necessary class.</summary>
    /// <param name="context">The language.</param>
    /// <param name="architecture">The architecture.</param>
    public static Verdict Decide(VerdictContext context, Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(architecture);
        var cls = architecture.NecessaryClass;
        bool exact = architecture.ExactClass == cls;
        var verdict = context.Class(cls);
        if (verdict is null)
            return new Verdict(Answer.Unknown, null, [context.ClassBudget(cls)!]);
        var criterion = new ClassCriterion(cls, exact, verdict.Member, verdict.Parameter, verdict.Evidence);
        if (verdict.Member)
            return new Verdict(exact ? Answer.Yes : Answer.Unknown, null, [criterion]);
        var fragment = architecture.Fragment;
        var evidence = new List<ClassEvidence> { criterion };
        switch (cls)
        {
            case LanguageClass.R:
                evidence.AddRange(NotRTrivial(context, fragment!));
                break;
            case LanguageClass.D:
                evidence.AddRange(NotDefinite(context, fragment!));
                break;
            case LanguageClass.LR:
                evidence.AddRange(NotLocallyRTrivial(context, fragment!));
                break;
        }
        if (cls == LanguageClass.SF) evidence.AddRange(NotStarFree(context));
        var pair = evidence.OfType<WitnessPair>().FirstOrDefault();
        return new Verdict(Answer.No, pair?.Depth, evidence);
    }

    private static IEnumerable<ClassEvidence> NotRTrivial(VerdictContext context, TypeFragment fragment)
    {
        var facts = context.Facts;
        var c = facts.Cycle ?? throw Disagree("R", "partially ordered");
        yield return new IdentityViolation(Identities.RTrivial, new Dictionary<string, Word> { ["x"] = c.X, ["y"] = c.Y });
        var pair = WitnessFamilies.FirstVerified(fragment, facts.Alphabet.Count, k => WitnessFamilies.RTrivial(facts.Minimal, c, k),
            context.Options.WitnessDepth, context.Options.MaxRepetition);
        if (pair is not null) yield return pair;
    }

    private static IEnumerable<ClassEvidence> NotDefinite(VerdictContext context, TypeFragment fragment)
    {
        var facts = context.Facts;
        var c = facts.PairCycle ?? throw Disagree("D", "definite");
        var e = WitnessFamilies.Idempotent(facts.Minimal, c.Z);
        var eAction = DfaPaths.Action(facts.Minimal, e);
        int s = Enumerable.Range(0, facts.Alphabet.Count).First(a => !Composes(facts, a, eAction));
        yield return new IdentityViolation(Identities.Definite, new Dictionary<string, Word> { ["s"] = Word.Of(s), ["e"] = e });
        var pair = WitnessFamilies.FirstVerified(fragment, facts.Alphabet.Count, k => WitnessFamilies.Definite(facts.Minimal, c, k),
            context.Options.WitnessDepth, context.Options.MaxRepetition * Math.Max(1, fragment.Window));
        if (pair is not null) yield return pair;
    }

    private static IEnumerable<ClassEvidence> NotLocallyRTrivial(VerdictContext context, TypeFragment fragment)
    {
        var facts = context.Facts;
        var c = facts.LrConfiguration ?? throw Disagree("LR", "free of the forbidden configuration");
        var e = WitnessFamilies.Idempotent(facts.Minimal, c.U);
        // eSe is not R-trivial: with a = e·x·u·e (p ↦ q) and b = e·y·u·e (q ↦ p), (ab)^ω a ≠ (ab)^ω.
        yield return new IdentityViolation(Identities.LocallyRTrivial, new Dictionary<string, Word>
        {
            ["e"] = e,
            ["x"] = c.X.Concat(c.U),
            ["y"] = c.Y.Concat(c.U),
        });
        var pair = WitnessFamilies.FirstVerified(fragment, facts.Alphabet.Count, k => WitnessFamilies.LocallyRTrivial(facts.Minimal, c, k, fragment.Window),
            context.Options.WitnessDepth, context.Options.MaxRepetition);
        if (pair is not null) yield return pair;
    }

    /// <summary>
    /// Not aperiodic: a pumping family p·uⁿ·s built from x with x^ω·x ≠ x^ω (checked), and two of its words that
    /// agree on every FO[&lt;] sentence of quantifier rank ≤ the witness depth (Ehrenfeucht–Fraïssé: uⁿ ≡_r uⁿ⁺¹ for n ≥ 2^r).
    /// </summary>
    private static IEnumerable<ClassEvidence> NotStarFree(VerdictContext context)
    {
        var facts = context.Facts;
        if (facts.AperiodicViolation is not { } x) throw Disagree("SF", "aperiodic");
        yield return new IdentityViolation(Identities.Aperiodic, new Dictionary<string, Word> { ["x"] = x });
        var pumping = Exact.PumpingCertificate.FromViolation(facts.Minimal, x);
        if (pumping is null || pumping.Check(facts.Minimal) is not null)
            throw new InvalidOperationException("internal error: no checked pumping family for a non-aperiodic x");
        yield return pumping;
        int depth = context.Options.WitnessDepth;
        var (u, v) = pumping.WordsFor(depth);
        yield return facts.Minimal.Accepts(u) ? new WitnessPair(u, v, "FO[<]", depth) : new WitnessPair(v, u, "FO[<]", depth);
    }

    private static bool Composes(LanguageFacts facts, int symbol, int[] e)
    {
        for (int q = 0; q < e.Length; q++)
            if (e[facts.Minimal.Next(q, symbol)] != e[q]) return false;
        return true;
    }

    private static InvalidOperationException Disagree(string cls, string condition) =>
        new($"internal error: the {cls} decider says not a member, but the minimal DFA is {condition}");
}
