using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Certificates;
using FormalExpressivity.Classes.Synthesis;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Verdicts;

/// <summary>
/// The formula a language was declared by is a constructive proof of yes for every architecture that
/// computes it (docs/theory.md §8): an unknown becomes yes, and a yes without a formula gets it.
/// A no for such an architecture is an internal error.
/// </summary>
public sealed class DeclaredFormulaStage : IVerdictStage
{
    /// <inheritdoc />
    public string Name => "declared-formula";

    /// <inheritdoc />
    public Verdict? Refine(VerdictContext context, Architecture architecture, Verdict current)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(current);
        if (context.Declared is not { } declared || !architecture.Computes(declared) || current.Formula is not null) return null;
        if (current.Answer == Answer.No)
            throw new InvalidOperationException($"internal error: L is declared by a formula of {architecture.FragmentName}, but the chain says {architecture.Key} cannot recognize it");
        var formula = context.Prove(declared, FormulaOrigin.Declared, architecture);
        return new Verdict(Answer.Yes, declared.Depth, [formula, .. current.Evidence]);
    }
}

/// <summary>
/// Gives a yes its formula by the constructive syntheses of the exact classes, in this order: LC25's
/// state-by-state LTL[P] construction (R-trivial), the LTL[Y] decision tree (definite), the SCC-wise
/// LTL[P,Y] construction (LR) — the first whose formula the architecture computes. Each formula is proved
/// equivalent to L before it is reported.
/// </summary>
public sealed class SynthesisStage : IVerdictStage
{
    /// <inheritdoc />
    public string Name => "synthesis";

    /// <inheritdoc />
    public Verdict? Refine(VerdictContext context, Architecture architecture, Verdict current)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(current);
        if (current.Answer != Answer.Yes || current.Formula is not null || !context.Options.SynthesizeFormulas) return null;
        var facts = context.Facts;
        foreach (var (formula, origin) in Candidates(facts))
        {
            if (formula is null || !architecture.Computes(formula)) continue;
            var proved = context.Prove(formula, origin, architecture);
            return current with { Depth = formula.Depth, Evidence = [.. current.Evidence, proved] };
        }
        return null;
    }

    private static IEnumerable<(LtlFormula? Formula, FormulaOrigin Origin)> Candidates(LanguageFacts facts)
    {
        yield return (facts.PastFormula, FormulaOrigin.PartialOrderConstruction);
        yield return (facts.YesterdayFormula, FormulaOrigin.DefiniteDecisionTree);
        yield return (facts.LrConfiguration is null ? facts.PastYesterdayFormula : null, FormulaOrigin.SccConstruction);
    }
}

/// <summary>
/// The all-depth "no" stage (docs/theory.md §Stuttering, §Lasso certificates): for a row still unknown,
/// the stuttering criterion (non-strict P) and then the lasso search look for a family of word pairs that
/// no formula of the fragment separates at <b>any</b> depth. A certificate is used only after its
/// independent checker accepts it, and its words for the witness depth are re-checked by the type checker
/// (<see cref="Exact.AllDepthRefutation"/>). Without one, the row stays unknown and records the bounds searched.
/// </summary>
public sealed class AllDepthRefutationStage : IVerdictStage
{
    /// <inheritdoc />
    public string Name => "all-depth-refutation";

    /// <inheritdoc />
    public Verdict? Refine(VerdictContext context, Architecture architecture, Verdict current) =>
        RefineStepwise(context, architecture, current).Last();

    /// <inheritdoc />
    public IEnumerable<Verdict?> RefineStepwise(VerdictContext context, Architecture architecture, Verdict current)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(current);
        return Steps(context, architecture, current);
    }

    private static IEnumerable<Verdict?> Steps(VerdictContext context, Architecture architecture, Verdict current)
    {
        if (current.Answer != Answer.Unknown || architecture.Fragment is not { } fragment || current.Evidence.OfType<RefutationBound>().Any())
        {
            yield return null;
            yield break;
        }
        Exact.RefutationSearch? search = null;
        foreach (var step in Exact.AllDepthRefutation.FindStepwise(context.Minimal, fragment, Math.Max(1, context.Options.WitnessDepth), context.Options.Lasso))
            if ((search = step) is null) yield return null;
        if (search!.Refutation is not { } refutation)
        {
            yield return current.With(new RefutationBound(search.Bound));
            yield break;
        }
        yield return Refuted(current, refutation);
    }

    /// <summary>The no of a checked all-depth refutation: the class criterion kept, then the certificate and its words.</summary>
    internal static Verdict Refuted(Verdict current, Exact.Refutation refutation)
    {
        var kept = current.Evidence.Where(e => e is ClassCriterion).ToList();
        return new Verdict(Answer.No, null, [.. kept, refutation.Certificate, refutation.Witness]);
    }
}

/// <summary>
/// The bounded type search of docs/theory.md §6 in the architecture's fragment (multiset windows for
/// architectures, set windows for the logic classes): "definable at depth r" turns an unknown into yes
/// (or gives a yes its formula); otherwise the row stays unknown with the search bound, the budget that
/// stopped it, and two words of equal final type — re-checked by <see cref="TypeChecker"/> and the DFA.
/// </summary>
public sealed class TypeSearchStage : IVerdictStage
{
    /// <inheritdoc />
    public string Name => "type-search";

    /// <inheritdoc />
    public Verdict? Refine(VerdictContext context, Architecture architecture, Verdict current) =>
        RefineStepwise(context, architecture, current).Last();

    /// <inheritdoc />
    public IEnumerable<Verdict?> RefineStepwise(VerdictContext context, Architecture architecture, Verdict current)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(current);
        return Steps(context, architecture, current);
    }

    private static IEnumerable<Verdict?> Steps(VerdictContext context, Architecture architecture, Verdict current)
    {
        var fragment = architecture.Fragment;
        bool wantFormula = current.Answer == Answer.Yes && current.Formula is null && context.Options.SynthesizeFormulas;
        if (fragment is null || (current.Answer != Answer.Unknown && !wantFormula) || (current.Answer == Answer.Unknown && current.Bound is not null))
        {
            yield return null;
            yield break;
        }
        TypeSearchResult? result = null;
        foreach (var step in TypeSearch.SearchStepwise(context.Minimal, fragment, context.Options.Search))
            if ((result = step) is null) yield return null;
        yield return Refined(context, architecture, fragment, current, result!);
    }

    internal static Verdict Refined(VerdictContext context, Architecture architecture, Types.TypeFragment fragment, Verdict current, TypeSearchResult result)
    {
        var search = context.Options.Search;
        if (result.Definable && result.Formula is { } f)
        {
            var proved = context.Prove(f, FormulaOrigin.TypeSearch, architecture);
            // The search goes up from depth 0, so its depth is the least; the pair one depth below shows it.
            var least = new LeastDepth(true, result.Depth, LeastDepthStage.Confirmed(context, architecture, fragment, result.Below));
            return current.Answer == Answer.Yes
                ? current with { Depth = result.Depth, Evidence = [.. current.Evidence, proved, least] }
                : new Verdict(Answer.Yes, result.Depth, [.. current.Evidence, proved, least]);
        }
        var bound = new SearchBound(fragment.Name, result.Depth, search.MaxDepth, result.Budget);
        if (current.Answer == Answer.Yes) return current.With(bound);
        var evidence = new List<ClassEvidence>(current.Evidence) { bound };
        if (result.Witness is { } w)
        {
            var dfa = context.Minimal;
            if (!dfa.Accepts(w.InLanguage) || dfa.Accepts(w.NotInLanguage) || !TypeChecker.Agree(fragment, dfa.SymbolCount, w.InLanguage, w.NotInLanguage, w.Depth))
                throw new InvalidOperationException($"internal error: the type-search witness for {architecture.Key} did not re-check");
            evidence.Add(w);
        }
        return new Verdict(Answer.Unknown, result.Depth >= 0 ? result.Depth : null, evidence);
    }
}
