using FormalExpressivity.Automata.Certificates;
using FormalExpressivity.Classes;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Enumeration;
using FormalExpressivity.Classes.Verdicts;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Claims;

namespace FormalExpressivity.Engine.Claims;

/// <summary>
/// The outcome of one claim or conjecture: its status, a one-line summary, evidence lines for
/// people, and the structured evidence behind them (whichever applies to the claim kind).
/// </summary>
/// <param name="Statement">The claim as parsed.</param>
/// <param name="Status">Confirmed, refuted or unknown.</param>
/// <param name="Summary">One line: the verdict and the criterion.</param>
/// <param name="Evidence">Evidence lines (formula, certificate, witnesses, empirical check).</param>
public sealed record ClaimOutcome(ClaimStatement Statement, ClaimStatus Status, string Summary, IReadOnlyList<string> Evidence)
{
    /// <summary>The alphabet of the language(s) the claim is about (<c>null</c> for conjectures, whose result carries it).</summary>
    public Alphabet? Alphabet { get; init; }

    /// <summary>For recognizability claims: the architecture claimed.</summary>
    public Architecture? Architecture { get; init; }

    /// <summary>For recognizability claims: the decider chain's verdict (unknown when its certificate or empirical check failed).</summary>
    public Verdict? Verdict { get; init; }

    /// <summary>For recognizability claims with a formula: the formula ≡ DFA certificate check.</summary>
    public CheckResult? Certificate { get; init; }

    /// <summary>For recognizability claims with a formula: the empirical comparison on a corpus.</summary>
    public EmpiricalResult? Empirical { get; init; }

    /// <summary>For class claims: the decider's verdict.</summary>
    public ClassVerdict? ClassVerdict { get; init; }

    /// <summary>For equivalence claims: the decision with its evidence.</summary>
    public EquivalenceResult? Equivalence { get; init; }

    /// <summary>For conjectures: the enumeration result.</summary>
    public ConjectureResult? Conjecture { get; init; }
}

/// <summary>All outcomes of a claims file, in file order.</summary>
/// <param name="Outcomes">One per claim or conjecture.</param>
public sealed record ClaimsReport(IReadOnlyList<ClaimOutcome> Outcomes)
{
    /// <summary>How many claims have <paramref name="status"/>.</summary>
    /// <param name="status">A status.</param>
    public int Count(ClaimStatus status) => Outcomes.Count(o => o.Status == status);

    /// <summary>
    /// The overall status: refuted when any claim is refuted, else unknown when any is unknown, else confirmed
    /// (an empty file is confirmed).
    /// </summary>
    public ClaimStatus Overall =>
        Count(ClaimStatus.Refuted) > 0 ? ClaimStatus.Refuted : Count(ClaimStatus.Unknown) > 0 ? ClaimStatus.Unknown : ClaimStatus.Confirmed;
}

/// <summary>What <see cref="ClaimChecker"/> uses to decide.</summary>
/// <param name="Engine">The decider chain and its budgets.</param>
/// <param name="Empirical">Runs the empirical confirmation, or <c>null</c> to skip it.</param>
/// <param name="MaxConjectureLanguages">The enumeration budget of conjectures (<c>max-languages</c>).</param>
public sealed record ClaimCheckOptions(VerdictEngine Engine, IEmpiricalCheck? Empirical = null, long MaxConjectureLanguages = MinimalDfaEnumeration.DefaultMaxLanguages)
{
    /// <summary>
    /// Where conjecture results come from instead of enumerating here: given a conjecture's statement, its result
    /// (e.g. <see cref="ConjectureChecker.Combine"/> over the parts of a sharded run). Null enumerates.
    /// </summary>
    public Func<Conjecture, ConjectureResult>? ConjectureResults { get; init; }
}
