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
/// Makes the depth of a yes the least one. A search in the coarsest fragment the row's refines (LTL[P], LTL[Y[&lt;=k]];
/// once per language) that a budget stopped below the formula's depth leaves the depth unproved without a search of
/// its own (docs/theory.md §6, refinement); else the type search at the formula's depth − 1 alone (an eighth of the
/// budgets; a pair of equal types there proves the depth least at once); else the type search in the row's fragment
/// up to the formula's depth − 1, which either shows definability at a smaller depth r (its formula replaces the reported one when it
/// is not larger, and is then proved equivalent; the verdict's depth becomes r) or gives two words of equal
/// type at depth − 1 (the proof that no smaller depth exists). A budget leaves the depth unproved and says
/// which budget.
/// </summary>
public sealed class LeastDepthStage : IVerdictStage
{
    /// <inheritdoc />
    public string Name => "least-depth";

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
        if (current.Answer != Answer.Yes || current.Formula is not { } fe || current.Least is not null || architecture.Fragment is not { } fragment)
        {
            yield return null;
            yield break;
        }
        // The verdict's depth is the least depth once known; the formula keeps its own.
        int depth = fe.Formula.Depth;
        if (depth == 0)
        {
            yield return current.With(new LeastDepth(true, 0, null));
            yield break;
        }
        // The coarsest fragments this one refines (LTL[P] under P, LTL[Y[<=k]] under a k-window) are searched first
        // (once per language, whichever row asks): when one runs out of budget at a depth this search must pass,
        // finer types are at least as many there, so it is not run and the depth stays unproved with that budget.
        // The upward search's stop does not depend on how deep it was asked to go, so the answer is the same
        // whichever rows a front end requested.
        foreach (var coarser in Coarsest(fragment))
        {
            TypeSearchResult? probe = null;
            foreach (var step in Upward(context, coarser, depth - 1))
                if ((probe = step) is null) yield return null;
            if (probe!.Budget is not { } stop) continue;
            yield return current.With(new LeastDepth(false, null, null, stop with
            {
                What = $"met by the coarser {coarser.Name} types at depth {probe.Depth + 1}, which {fragment.Name}'s refine; not searched",
            }));
            yield break;
        }
        // Then depth − 1 alone, in one exploration with an eighth of the budgets: when L is not definable there (the
        // usual case for a constructed formula), that pair alone proves the depth least — a depth-50 formula needs one
        // exploration instead of 50. Otherwise (definable there, or the small budget ran out) the search goes up from
        // depth 0 as always.
        var search = context.Options.Search;
        TypeSearchResult? direct = null;
        if (depth >= 2)
        {
            var eighth = search with { MaxTypes = Math.Max(1, search.MaxTypes / 8), MaxStates = Math.Max(1, search.MaxStates / 8) };
            foreach (var step in TypeSearch.SearchAtStepwise(context.Minimal, fragment, depth - 1, eighth))
                if ((direct = step) is null) yield return null;
        }
        if (direct is { Definable: false, Budget: null, Witness: { } pair })
        {
            yield return current.With(new LeastDepth(true, depth, Confirmed(context, architecture, fragment, pair)));
            yield break;
        }
        TypeSearchResult? result = null;
        foreach (var step in Upward(context, fragment, depth - 1))
            if ((result = step) is null) yield return null;
        if (result!.Definable && result.Formula is { } smaller)
        {
            var least = new LeastDepth(true, result.Depth, Confirmed(context, architecture, fragment, result.Below));
            var evidence = smaller.Size <= fe.Formula.Size
                ? current.Evidence.Select(e => ReferenceEquals(e, fe) ? context.Prove(smaller, FormulaOrigin.TypeSearch, architecture) : e).ToList()
                : current.Evidence.ToList();
            evidence.Add(least);
            yield return new Verdict(Answer.Yes, result.Depth, evidence);
        }
        else if (result.Budget is not null || result.Depth != depth - 1 || result.Witness is null)
            yield return current.With(new LeastDepth(false, null, null, result.Budget));
        else
            yield return current.With(new LeastDepth(true, depth, Confirmed(context, architecture, fragment, result.Witness)));
    }

    /// <summary>The coarsest fragments <paramref name="fragment"/> refines, other than itself: LTL[P] under strict P, LTL[Y[&lt;=k]] under a k-window.</summary>
    private static IEnumerable<Types.TypeFragment> Coarsest(Types.TypeFragment fragment)
    {
        var candidates = new List<Types.TypeFragment> { Types.TypeFragment.PastOnly };
        if (fragment.Window > 0) candidates.Add(Types.TypeFragment.WindowLogic(fragment.Window));
        return candidates.Where(c => c != fragment && fragment.Refines(c));
    }

    /// <summary>
    /// The type search of <paramref name="fragment"/> from depth 0 up to <paramref name="maxDepth"/>, in steps, kept
    /// per language (<see cref="VerdictContext"/>): a kept search that a budget stopped at a depth ≤ maxDepth is the
    /// answer for every deeper request too (the search is the same up to its stop).
    /// </summary>
    private static IEnumerable<TypeSearchResult?> Upward(VerdictContext context, Types.TypeFragment fragment, int maxDepth)
    {
        if (context.KeptSearch(fragment, maxDepth) is { } kept)
        {
            yield return kept;
            yield break;
        }
        TypeSearchResult? result = null;
        foreach (var step in TypeSearch.SearchStepwise(context.Minimal, fragment, context.Options.Search with { MaxDepth = maxDepth }))
        {
            if ((result = step) is null) yield return null;
        }
        context.KeepSearch(fragment, maxDepth, result!);
        yield return result;
    }

    /// <summary>The pair one depth below, re-checked on the DFA and by the type checker (an internal error otherwise).</summary>
    internal static WitnessPair? Confirmed(VerdictContext context, Architecture architecture, Types.TypeFragment fragment, WitnessPair? pair)
    {
        if (pair is null) return null;
        var dfa = context.Minimal;
        if (!dfa.Accepts(pair.InLanguage) || dfa.Accepts(pair.NotInLanguage) || !TypeChecker.Agree(fragment, dfa.SymbolCount, pair.InLanguage, pair.NotInLanguage, pair.Depth))
            throw new InvalidOperationException($"internal error: the least-depth witness for {architecture.Key} did not re-check");
        return pair;
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
