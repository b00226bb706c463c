using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Verdicts;

/// <summary>The three answers; never a guessed "no" (theory.md §6).</summary>
public enum Answer
{
    /// <summary>Proved: recognizable / a member (a formula of the fragment, or an exact criterion).</summary>
    Yes,
    /// <summary>Proved: not recognizable / not a member (a violated identity, indistinguishable words, or an inclusion).</summary>
    No,
    /// <summary>Neither could be proved within the budgets; the evidence says how far the search went and what stopped it.</summary>
    Unknown,
}

/// <summary>
/// The one verdict shape of FormalExpressivity: an answer, the depth or parameter it comes with, and
/// structured evidence (<see cref="FormulaEvidence"/>, <see cref="IdentityViolation"/>,
/// <see cref="WitnessPair"/>, <see cref="SearchBound"/>, <see cref="InclusionEvidence"/>,
/// <see cref="ClassCriterion"/>, <see cref="Classes.BudgetStop"/>). Prose is made only by renderers
/// (<c>Report.VerdictText</c>).
/// </summary>
/// <param name="Answer">Yes, no or unknown.</param>
/// <param name="Depth">For yes: the formula's operator depth (the least depth when a search found it);
/// for no/unknown: the depth up to which the witness words agree or the search went; else <c>null</c>.</param>
/// <param name="Evidence">The evidence, most important first.</param>
public sealed record Verdict(Answer Answer, int? Depth, IReadOnlyList<ClassEvidence> Evidence)
{
    /// <summary>The formula behind a yes, if any.</summary>
    public FormulaEvidence? Formula => Evidence.OfType<FormulaEvidence>().FirstOrDefault();

    /// <summary>The two indistinguishable words behind a no or an unknown, if any.</summary>
    public WitnessPair? Witnesses => Evidence.OfType<WitnessPair>().FirstOrDefault();

    /// <summary>The violated identity behind a no, if any.</summary>
    public IdentityViolation? Identity => Evidence.OfType<IdentityViolation>().FirstOrDefault()
        ?? Evidence.OfType<ClassCriterion>().Select(c => c.ClassEvidence switch
        {
            IdentityViolation v => v,
            EvidenceSet set => set.Items.OfType<IdentityViolation>().FirstOrDefault(),
            _ => null,
        }).FirstOrDefault(v => v is not null);

    /// <summary>The all-depth certificate behind a no (lasso, stuttering or pumping family), if any.</summary>
    public ClassEvidence? Certificate => Evidence.FirstOrDefault(e => e is Exact.LassoCertificate or Exact.StutterCertificate or Exact.PumpingCertificate);

    /// <summary>Whether the depth of a yes is proved least (and the words one depth below), if known.</summary>
    public LeastDepth? Least => Evidence.OfType<LeastDepth>().FirstOrDefault();

    /// <summary>What the smallest-formula enumeration proved about the formula of a yes, if it ran.</summary>
    public SmallestFormula? Smallest => Evidence.OfType<SmallestFormula>().FirstOrDefault();

    /// <summary>The search bound behind an unknown (or a yes whose formula was not found), if any.</summary>
    public SearchBound? Bound => Evidence.OfType<SearchBound>().FirstOrDefault();

    /// <summary>True for yes and no.</summary>
    public bool IsSettled => Answer != Answer.Unknown;

    /// <summary>A copy with one more piece of evidence appended.</summary>
    /// <param name="evidence">The evidence.</param>
    public Verdict With(ClassEvidence evidence) => this with { Evidence = [.. Evidence, evidence] };

    /// <summary>The same verdict shape for a class decider's answer (its parameter as the depth).</summary>
    /// <param name="verdict">The class verdict.</param>
    public static Verdict FromClass(ClassVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return new Verdict(verdict.Member ? Answer.Yes : Answer.No, verdict.Parameter, [verdict.Evidence]);
    }
}

/// <summary>How a formula behind a yes was obtained.</summary>
public enum FormulaOrigin
{
    /// <summary>LC25's state-by-state LTL[P] construction for partially ordered DFAs.</summary>
    PartialOrderConstruction,
    /// <summary>The LTL[Y] decision tree over the last d symbols of a definite language.</summary>
    DefiniteDecisionTree,
    /// <summary>The SCC-wise LTL[P,Y] construction for locally R-trivial languages.</summary>
    SccConstruction,
    /// <summary>The bounded type search (theory.md §6): the disjunction of the accepted final types.</summary>
    TypeSearch,
    /// <summary>The search for P(σ) ∨ ε over window-only types (docs/theory.md §"P over window types").</summary>
    PastOfWindowSearch,
    /// <summary>The formula the language was declared by.</summary>
    Declared,
    /// <summary>The bottom-up enumeration of formulas by size (docs/theory.md §"Smallest formulas").</summary>
    SmallestEnumeration,
    /// <summary>The local divisor induction for aperiodic monoids (Diekert &amp; Gastin 2008; docs/theory.md §"Star-free formulas by local divisors").</summary>
    LocalDivisorConstruction,
}

/// <summary>A formula of the architecture's fragment recognizing L.</summary>
/// <param name="Formula">The formula (read at N+1).</param>
/// <param name="Origin">How it was obtained.</param>
/// <param name="Proved">True when it was compiled and proved equivalent to L's DFA.</param>
/// <param name="NotProvedBecause">When not proved: the budget that stopped the proof, else <c>null</c>.</param>
public sealed record FormulaEvidence(LtlFormula Formula, FormulaOrigin Origin, bool Proved, BudgetStop? NotProvedBecause = null) : ClassEvidence;

/// <summary>
/// How far the bounded type search went in a fragment: no formula of depth ≤ <paramref name="Depth"/>
/// exists (−1 when even depth 0 was not completed), searched up to <paramref name="MaxDepth"/>, possibly
/// stopped earlier by <paramref name="StoppedBy"/>.
/// </summary>
/// <param name="Fragment">The fragment searched (<c>local:2</c>, <c>LTL[P]</c>, …).</param>
/// <param name="Depth">The largest depth refuted.</param>
/// <param name="MaxDepth">The depth budget.</param>
/// <param name="StoppedBy">The budget that ended the search before <paramref name="MaxDepth"/>, else <c>null</c>.</param>
public sealed record SearchBound(string Fragment, int Depth, int MaxDepth, BudgetStop? StoppedBy) : ClassEvidence;

/// <summary>
/// A row settled from another row by an inclusion: <paramref name="Other"/> answered
/// <paramref name="OtherAnswer"/>, and the hierarchy proves this architecture ⊆ <paramref name="Other"/>
/// (for a no) or <paramref name="Other"/> ⊆ this architecture (for a yes) by <paramref name="Rules"/>.
/// </summary>
/// <param name="Other">The row the answer comes from.</param>
/// <param name="OtherAnswer">Its answer.</param>
/// <param name="Rules">The chain of inclusion rules.</param>
public sealed record InclusionEvidence(Architecture Other, Answer OtherAnswer, IReadOnlyList<InclusionRule> Rules) : ClassEvidence;

/// <summary>
/// The least depth of a yes: <paramref name="Depth"/> is the least operator depth of a formula of the fragment
/// recognizing L when <paramref name="Proved"/> — the type search shows definability at that depth (its
/// final types determine membership) and <paramref name="Below"/>, u ∈ L and v ∉ L with equal types one depth
/// below, shows that no smaller depth suffices (null at depth 0). The reported formula may be deeper when the
/// least-depth one is much larger. <paramref name="NotProvedBecause"/> names the budget that stopped the search.
/// </summary>
/// <param name="Proved">True when <paramref name="Depth"/> is proved least.</param>
/// <param name="Depth">The least depth, when proved.</param>
/// <param name="Below">The two words of equal type at depth − 1, re-checked by the type checker.</param>
/// <param name="NotProvedBecause">The budget that stopped the search below, else <c>null</c>.</param>
public sealed record LeastDepth(bool Proved, int? Depth, WitnessPair? Below, BudgetStop? NotProvedBecause = null) : ClassEvidence;

/// <summary>
/// What the smallest-formula enumeration (docs/theory.md §"Smallest formulas") proved about the formula of a yes:
/// when <paramref name="Proved"/>, no formula of <paramref name="Grammar"/> with fewer nodes defines L (the
/// reported formula is a smallest one); otherwise no formula of size ≤ <paramref name="SearchedSize"/> defines L
/// and the reported one comes from a construction — <paramref name="StoppedBy"/> names the budget that ended the
/// enumeration, null when it reached <c>max-formula-size</c>.
/// </summary>
/// <param name="Proved">True when the reported formula is a smallest one.</param>
/// <param name="SearchedSize">Every formula up to this size was considered (up to equivalence).</param>
/// <param name="Grammar">The connectives and operators enumerated.</param>
/// <param name="StoppedBy">The budget that stopped the enumeration, else null.</param>
public sealed record SmallestFormula(bool Proved, int SearchedSize, string Grammar, BudgetStop? StoppedBy) : ClassEvidence
{
    /// <summary>When not proved: true when the constructed formula was simplified (subformulas replaced by smaller equivalents).</summary>
    public bool Simplified { get; init; }
}

/// <summary>
/// What the all-depth refutation stage searched without finding a certificate (its lasso bounds, e.g.
/// <c>|p| ≤ 3, |v| ≤ 4, |x|, |y| ≤ 6</c>).
/// </summary>
/// <param name="Searched">The bounds searched.</param>
public sealed record RefutationBound(string Searched) : ClassEvidence;

/// <summary>
/// A row decided by a class: the class <paramref name="Class"/> equals the architecture
/// (<paramref name="Exact"/>) or contains it, and its decider answered <paramref name="Member"/>,
/// with the decider's own evidence.
/// </summary>
/// <param name="Class">The class.</param>
/// <param name="Exact">True when the class equals the architecture; false for a necessary class.</param>
/// <param name="Member">The decider's answer.</param>
/// <param name="Parameter">The class parameter (e.g. the definiteness degree), if any.</param>
/// <param name="ClassEvidence">The decider's evidence.</param>
public sealed record ClassCriterion(LanguageClass Class, bool Exact, bool Member, int? Parameter, ClassEvidence ClassEvidence) : ClassEvidence;
