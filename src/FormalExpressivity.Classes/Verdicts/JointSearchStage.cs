using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Synthesis;
using FormalExpressivity.Core.Limits;

namespace FormalExpressivity.Classes.Verdicts;

/// <summary>
/// The two searches of an open row side by side under one budget (docs/theory.md §6 and §Lasso certificates):
/// the bounded type search looks for a formula by depth (definable at depth r: yes), the lasso search for a
/// family of word pairs no formula of the fragment separates at any depth (a checked certificate: no). They
/// alternate one bounded step each — 64 product nodes of the type search, one (p, v) candidate of the lasso
/// search — and every step is one unit of the row's one work counter (<c>max-search-work</c>). The first
/// search to settle the row ends both; when neither does, the row stays unknown with both bounds (the depth
/// refuted and the lasso sizes searched), each naming the budget that stopped it. A yes without a formula (a
/// row settled by a class or an inclusion) gets one from the type search alone, as in <see cref="TypeSearchStage"/>.
/// </summary>
public sealed class JointSearchStage : IVerdictStage
{
    /// <summary>The name of the shared budget (and of its flag without <c>--</c>).</summary>
    public const string BudgetName = "max-search-work";

    /// <inheritdoc />
    public string Name => "search";

    /// <inheritdoc />
    public Verdict? Refine(VerdictContext context, Architecture architecture, Verdict current) =>
        RefineStepwise(context, architecture, current).Last();

    /// <inheritdoc />
    public IEnumerable<Verdict?> RefineStepwise(VerdictContext context, Architecture architecture, Verdict current)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(current);
        if (current.Answer == Answer.Yes) return new TypeSearchStage().RefineStepwise(context, architecture, current);
        return Steps(context, architecture, current);
    }

    private static IEnumerable<Verdict?> Steps(VerdictContext context, Architecture architecture, Verdict current)
    {
        if (current.Answer != Answer.Unknown || architecture.Fragment is not { } fragment || current.Bound is not null
            || current.Evidence.OfType<RefutationBound>().Any())
        {
            yield return null;
            yield break;
        }
        var work = new WorkBudget(BudgetName, context.Options.SearchWork);
        using var types = TypeSearch.SearchStepwise(context.Minimal, fragment, context.Options.Search, work).GetEnumerator();
        using var lassos = Exact.AllDepthRefutation.FindStepwise(context.Minimal, fragment, Math.Max(1, context.Options.WitnessDepth), context.Options.Lasso, work).GetEnumerator();
        TypeSearchResult? typeResult = null;
        Exact.RefutationSearch? lassoResult = null;
        while (typeResult is null || lassoResult is null)
        {
            // Each enumerator yields nulls for its bounded steps and its result last.
            if (typeResult is null && types.MoveNext() && (typeResult = types.Current) is { Definable: true }) break;
            if (lassoResult is null && lassos.MoveNext() && (lassoResult = lassos.Current) is { Refutation: not null }) break;
            if (typeResult is null || lassoResult is null) yield return null;
        }
        if (typeResult is { Definable: true })
        {
            yield return TypeSearchStage.Refined(context, architecture, fragment, current, typeResult);
            yield break;
        }
        if (lassoResult?.Refutation is { } refutation)
        {
            yield return AllDepthRefutationStage.Refuted(current, refutation);
            yield break;
        }
        yield return TypeSearchStage.Refined(context, architecture, fragment, current, typeResult!).With(new RefutationBound(lassoResult!.Bound));
    }
}
