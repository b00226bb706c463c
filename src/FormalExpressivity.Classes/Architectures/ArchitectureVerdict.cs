using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Architectures;

/// <summary>The three answers: never a guessed "no" (theory.md §6).</summary>
public enum Verdict
{
    /// <summary>Recognizable, with a formula of the fragment (or an exact characterization).</summary>
    Yes,
    /// <summary>Not recognizable: an exact class condition fails (identity violation and witness pair).</summary>
    No,
    /// <summary>No exact characterization, and no formula up to the searched depth (witness pair at that depth).</summary>
    Unknown,
}

/// <summary>
/// The verdict for one architecture or logic class, with its evidence.
/// </summary>
/// <param name="Key">The architecture or logic-class key (<c>global</c>, <c>local:2</c>, <c>Ywin:3</c>, …).</param>
/// <param name="Verdict">Yes, no or unknown.</param>
/// <param name="Formula">For yes: a formula of the fragment (null when the class is exact but no formula was synthesized within budget).</param>
/// <param name="FormulaChecked">True when <paramref name="Formula"/> was proved equivalent to L (compiled and compared).</param>
/// <param name="Witnesses">For no/unknown: u ∈ L and v ∉ L with equal depth-r types (checked by the type checker), if found.</param>
/// <param name="Identity">For no by a semigroup condition: the violated identity with elements named by words.</param>
/// <param name="Depth">For yes: the formula's operator depth; for no/unknown: the depth up to which the witnesses agree.</param>
/// <param name="Note">One line: the criterion used and any budget that ran out.</param>
public sealed record ArchitectureVerdict(
    string Key,
    Verdict Verdict,
    LtlFormula? Formula,
    bool FormulaChecked,
    WitnessPair? Witnesses,
    IdentityViolation? Identity,
    int? Depth,
    string Note)
{
    /// <summary>For an all-depth "no" (lasso, stuttering or pumping family): the checked certificate; null otherwise.</summary>
    public ClassEvidence? Certificate { get; init; }

    /// <summary>For yes: true when <see cref="ArchitectureVerdict.Depth"/> is proved least (no formula of the fragment of smaller depth); see <see cref="Below"/>.</summary>
    public bool DepthIsLeast { get; init; }

    /// <summary>For yes at depth r ≥ 1 proved least: u ∈ L and v ∉ L with equal depth-(r−1) types (checked by the type checker).</summary>
    public WitnessPair? Below { get; init; }
}
