using FormalExpressivity.Classes.Architectures;

namespace FormalExpressivity.Classes.Verdicts;

/// <summary>
/// One stage of the decider chain (<see cref="VerdictEngine"/>). The chain always starts with the
/// exact criteria and closes every stage with the inclusions of <see cref="ArchitectureHierarchy"/>;
/// the stages in between are an ordered, pluggable list (declared formula → synthesis → bounded
/// type search by default; further searches — least depths, certificates — slot in as stages).
/// </summary>
/// <remarks>
/// A stage may only <b>add</b> knowledge: turn an unknown into yes or no, or give a yes its formula,
/// with evidence the renderers and certificate checkers can re-check. It must never turn a yes into
/// a no or the reverse; the session rejects such a change as an internal error.
/// </remarks>
public interface IVerdictStage
{
    /// <summary>A short name for reports and timing (<c>synthesis</c>, <c>type-search</c>, …).</summary>
    string Name { get; }

    /// <summary>The refined verdict of <paramref name="architecture"/>, or <c>null</c> when the stage has nothing to add.</summary>
    /// <param name="context">The language, its facts, the options and the current rows.</param>
    /// <param name="architecture">The row being refined.</param>
    /// <param name="current">Its verdict so far.</param>
    Verdict? Refine(VerdictContext context, Architecture architecture, Verdict current);

    /// <summary>
    /// <see cref="Refine"/> in bounded steps, for a caller that must stay responsive
    /// (<see cref="VerdictSession.DecideStepwise"/>): every element but the last is null and stands for a
    /// bounded piece of work; the last element is what <see cref="Refine"/> returns (null: nothing to add).
    /// There is always at least one element. The default is one step; stages with long searches override it
    /// and implement <see cref="Refine"/> as its last element, so both give the same verdict.
    /// </summary>
    /// <param name="context">The language, its facts, the options and the current rows.</param>
    /// <param name="architecture">The row being refined.</param>
    /// <param name="current">Its verdict so far.</param>
    IEnumerable<Verdict?> RefineStepwise(VerdictContext context, Architecture architecture, Verdict current) =>
        [Refine(context, architecture, current)];
}
