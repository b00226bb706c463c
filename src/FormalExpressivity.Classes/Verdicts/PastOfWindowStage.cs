using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Synthesis;

namespace FormalExpressivity.Classes.Verdicts;

/// <summary>
/// The second formula search for rows with P and a window (hybrid:k, PYwin:k; docs/theory.md §"P over window
/// types"): after the bounded type search, a row still unknown (or a yes still without a formula) tries
/// formulas P(σ) ∨ ε over window-only types, whose automaton stays small where the type search's nested past
/// sets run out of budget. A formula found is proved equivalent to L before it is used; its depth is the least
/// one when the type search refuted every smaller depth (its words are then the evidence). Otherwise the row
/// keeps its evidence and records the bound of this search next to the type search's.
/// </summary>
public sealed class PastOfWindowStage : IVerdictStage
{
    /// <inheritdoc />
    public string Name => "past-of-window";

    /// <inheritdoc />
    public Verdict? Refine(VerdictContext context, Architecture architecture, Verdict current)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(current);
        if (architecture.Fragment is not { Past: true, Window: > 0, NonStrict: false } fragment) return null;
        bool wantFormula = current.Answer == Answer.Yes && current.Formula is null && context.Options.SynthesizeFormulas;
        if (current.Answer != Answer.Unknown && !wantFormula) return null;
        var result = PastOfWindowSearch.Search(context.Minimal, fragment, context.Options.Search);
        if (result.Formula is not { } formula) return current.With(new PastOfWindowBound(result.WindowDepth, result.Budget));
        var proved = context.Prove(formula, FormulaOrigin.PastOfWindowSearch, architecture);
        // Least depth: the type search's witness one depth below, when it reached that far.
        var below = current.Witnesses is { } w && w.Depth == formula.Depth - 1 ? LeastDepthStage.Confirmed(context, architecture, fragment, w) : null;
        var least = below is not null ? new LeastDepth(true, formula.Depth, below) : new LeastDepth(false, null, null, current.Bound?.StoppedBy);
        if (current.Answer == Answer.Yes) return current with { Depth = formula.Depth, Evidence = [.. current.Evidence, proved, least] };
        var kept = current.Evidence.Where(e => e is ClassCriterion or InclusionEvidence);
        return new Verdict(Answer.Yes, formula.Depth, [.. kept, proved, least]);
    }
}

/// <summary>What the search of <see cref="PastOfWindowSearch"/> tried without finding a formula.</summary>
/// <param name="WindowDepth">The largest window depth fully tried.</param>
/// <param name="StoppedBy">The budget that stopped it, if one did.</param>
public sealed record PastOfWindowBound(int WindowDepth, BudgetStop? StoppedBy) : ClassEvidence;
