using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Certificates;
using FormalExpressivity.Classes.Synthesis;
using FormalExpressivity.Classes.Types;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Verdicts;

/// <summary>
/// Makes the depth of a yes the least one: an upper bound d (a formula of depth d of the row's fragment defining L)
/// and two words u ∈ L, v ∉ L of equal type at depth d − 1 (no formula of depth ≤ d − 1 separates them) prove d
/// least (docs/theory.md §6). The search is bounded by what is already known before it starts:
/// <list type="number">
/// <item><b>Upper bounds</b> (each lowers d, and with it every search below, which only ever goes to d − 1): the
/// row's formula; the row's own smallest formula (<see cref="SmallestFormulaSearch"/>, the same enumeration
/// <see cref="SmallestFormulaStage"/> runs later — process-wide tables, so no work is done twice), when it is
/// shallower; and a coarser fragment G this one refines (<see cref="TypeFragment.Refines"/>: LTL[P] under P,
/// LTL[Y[&lt;=k]] under a k-window) in which L is definable at r &lt; d — equal types here imply equal types in G,
/// so every G-formula of depth r is one of this fragment's (checked: <see cref="Architecture.Computes"/>) and the
/// least depth here is ≤ r. A shallower formula replaces the reported one when it is not larger; it is proved
/// equivalent to L first.</item>
/// <item><b>Lower bounds</b>, cheapest first: the pair of a coarser search at depth ≥ d − 1 (the coarser fragment's
/// own least-depth or refutation pair), re-checked in this fragment at depth d − 1 by the independent
/// <see cref="TypeChecker"/> — equal types in G do not imply equal types here, so the check decides; then the type
/// search at depth d − 1 alone (an eighth of the budgets); then the search upward from depth 0 to d − 1.</item>
/// </list>
/// A coarser search that a budget stopped at a depth ≤ d − 1 leaves the depth unproved without a search of this
/// fragment (finer types are at least as many there). A budget leaves the depth unproved and says which budget; a
/// least depth is never reported without its pair.
/// </summary>
/// <remarks>
/// Every bound depends only on L, the row and the options — never on which other rows a front end asked for —
/// so <c>fex classify</c>, <c>fex check</c> and the playground give the same depth (docs/architecture.md, "one
/// verdict engine"). Verdicts of other rows are therefore not consulted; the coarser fragments are searched by
/// this stage itself (and kept per language in <see cref="VerdictContext"/>, so whichever row asks first pays).
/// <see cref="LeastDepthStage(bool)"/> with <c>false</c> is the unbounded twin: the searches from the row's own
/// formula depth only, as before the bounds, kept for the property tests.
/// </remarks>
public sealed class LeastDepthStage : IVerdictStage
{
    /// <summary>The stage with every bound (the default chain's).</summary>
    public LeastDepthStage()
        : this(true)
    {
    }

    /// <summary>The stage, with or without the bounds.</summary>
    /// <param name="useBounds">False: the unbounded twin (the row's formula depth is the only upper bound, and no pair of a coarser search is tried).</param>
    public LeastDepthStage(bool useBounds) => UseBounds = useBounds;

    /// <summary>Whether the smallest formula, the coarser fragments' formulas and their pairs bound the search.</summary>
    public bool UseBounds { get; }

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

    private IEnumerable<Verdict?> Steps(VerdictContext context, Architecture architecture, Verdict current)
    {
        if (current.Answer != Answer.Yes || current.Formula is not { } fe || current.Least is not null || architecture.Fragment is not { } fragment)
        {
            yield return null;
            yield break;
        }
        var bound = new Bound(context, architecture, current, fe);
        var options = context.Options;
        // Upper bound by the row's own smallest formula (resumable steps; the tables are the smallest-formula stage's).
        if (UseBounds && bound.Depth > 0 && options.SynthesizeFormulas && options.Smallest.MaxSize > 0)
        {
            while (!SmallestFormulaSearch.Advance(context.Minimal, architecture, options.Smallest, SmallestFormulaStage.StepWork))
                yield return null;
            if (SmallestFormulaSearch.Find(context.Minimal, architecture, options.Smallest) is { Formula: { } smallest })
                bound.Offer(smallest, FormulaOrigin.SmallestEnumeration);
        }
        if (bound.Depth == 0)
        {
            yield return bound.Verdict(new LeastDepth(true, 0, null));
            yield break;
        }
        // The coarsest fragments this one refines (LTL[P] under P, LTL[Y[<=k]] under a k-window) are searched first
        // (once per language, whichever row asks): when one runs out of budget at a depth this search must pass,
        // finer types are at least as many there, so it is not run and the depth stays unproved with that budget.
        // The upward search's stop does not depend on how deep it was asked to go, so the answer is the same
        // whichever rows a front end requested.
        var pairs = new List<WitnessPair>();
        foreach (var coarser in Coarsest(fragment))
        {
            TypeSearchResult? probe = null;
            foreach (var step in Upward(context, coarser, bound.Depth - 1))
                if ((probe = step) is null) yield return null;
            if (Absorb(probe!, coarser, fragment, bound, pairs) is { } stopped)
            {
                yield return stopped;
                yield break;
            }
        }
        if (PairProof(context, architecture, fragment, bound, pairs) is { } settled)
        {
            yield return settled;
            yield break;
        }
        // Then depth d − 1 alone, in one exploration with an eighth of the budgets: when L is not definable there (the
        // usual case for a constructed formula), that pair alone proves the depth least — a depth-50 formula needs one
        // exploration instead of 50. Otherwise (definable there, or the small budget ran out) the search goes up from
        // depth 0 as always.
        int target = bound.Depth - 1;
        var search = options.Search;
        TypeSearchResult? direct = null;
        if (bound.Depth >= 2)
        {
            var eighth = search with { MaxTypes = Math.Max(1, search.MaxTypes / 8), MaxStates = Math.Max(1, search.MaxStates / 8) };
            foreach (var step in TypeSearch.SearchAtStepwise(context.Minimal, fragment, target, eighth))
                if ((direct = step) is null) yield return null;
        }
        if (direct is { Definable: false, Budget: null, Witness: { } pair1 })
        {
            yield return bound.Verdict(new LeastDepth(true, bound.Depth, Confirmed(context, architecture, fragment, pair1)));
            yield break;
        }
        // Last before this fragment's own upward search, the set-window fragment a multiset one refines (PYwin:k under
        // hybrid:k): its search is the PYwin:k row's own (kept per language; hybrid:k's rows always include PYwin:k), never
        // costlier than this one, and a budget stop there is met here too.
        foreach (var coarser in UseBounds ? SetWindowOf(fragment) : [])
        {
            TypeSearchResult? probe = null;
            foreach (var step in Upward(context, coarser, bound.Depth - 1))
                if ((probe = step) is null) yield return null;
            if ((Absorb(probe!, coarser, fragment, bound, pairs) ?? PairProof(context, architecture, fragment, bound, pairs)) is { } settled2)
            {
                yield return settled2;
                yield break;
            }
        }
        target = bound.Depth - 1;
        TypeSearchResult? result = null;
        foreach (var step in Upward(context, fragment, target))
            if ((result = step) is null) yield return null;
        if (result!.Definable && result.Formula is { } smaller)
        {
            bound.Offer(smaller, FormulaOrigin.TypeSearch);
            yield return bound.Verdict(new LeastDepth(true, result.Depth, Confirmed(context, architecture, fragment, result.Below)));
        }
        else if (result.Budget is not null || result.Depth != target || result.Witness is null)
            yield return bound.Verdict(new LeastDepth(false, null, null, result.Budget));
        else
            yield return bound.Verdict(new LeastDepth(true, bound.Depth, Confirmed(context, architecture, fragment, result.Witness)));
    }

    /// <summary>
    /// Takes in a coarser fragment's upward search: a budget stop at a depth ≤ d − 1 is the answer (unproved, not
    /// searched here); without the bounds nothing else is used; with them, L definable there at r offers its formula
    /// (refinement: a formula of depth r here too) and its pair below, a refutation offers its pair.
    /// </summary>
    private Verdict? Absorb(TypeSearchResult probe, TypeFragment coarser, TypeFragment fragment, Bound bound, List<WitnessPair> pairs)
    {
        if (probe.Budget is { } stop)
            return bound.Verdict(new LeastDepth(false, null, null, stop with
            {
                What = $"met by the coarser {coarser.Name} types at depth {probe.Depth + 1}, which {fragment.Name}'s refine; not searched",
            }));
        if (!UseBounds) return null;
        if (probe is { Definable: true, Formula: { } coarserFormula })
        {
            bound.Offer(coarserFormula, FormulaOrigin.TypeSearch);
            if (probe.Below is { } below) pairs.Add(below);
        }
        else if (probe.Witness is { } witness) pairs.Add(witness);
        return null;
    }

    /// <summary>
    /// The least depth d when it is 0, or when a coarser pair agreeing to depth ≥ d − 1 there agrees at d − 1 here too
    /// (agreement at depth p implies agreement at every depth ≤ p: a formula of depth ≤ d − 1 is one of depth ≤ p; equal
    /// coarser types do not imply equal types here, so the independent type checker decides); else null.
    /// </summary>
    private static Verdict? PairProof(VerdictContext context, Architecture architecture, TypeFragment fragment, Bound bound, List<WitnessPair> pairs)
    {
        if (bound.Depth == 0) return bound.Verdict(new LeastDepth(true, 0, null));
        int target = bound.Depth - 1;
        foreach (var pair in pairs)
        {
            if (pair.Depth < target || !TypeChecker.Agree(fragment, context.Minimal.SymbolCount, pair.InLanguage, pair.NotInLanguage, target)) continue;
            var restated = new WitnessPair(pair.InLanguage, pair.NotInLanguage, fragment.Name, target);
            return bound.Verdict(new LeastDepth(true, bound.Depth, Confirmed(context, architecture, fragment, restated)));
        }
        return null;
    }

    /// <summary>The set-window fragment a multiset one with P refines (PYwin:k under hybrid:k), if any.</summary>
    private static IEnumerable<TypeFragment> SetWindowOf(TypeFragment fragment)
    {
        if (fragment is { Past: true, NonStrict: false, Window: > 0, Semantics: WindowSemantics.Multiset })
            yield return TypeFragment.PastWindowLogic(fragment.Window);
    }

    /// <summary>
    /// The upper bound of one row: the depth d of the shallowest formula known to define L in the row's fragment, and
    /// the evidence with the reported formula replaced by a shallower one when that is not larger.
    /// </summary>
    private sealed class Bound
    {
        private readonly VerdictContext _context;
        private readonly Architecture _architecture;
        private readonly Verdict _current;
        private readonly FormulaEvidence _original;
        private readonly List<ClassEvidence> _evidence;
        private FormulaEvidence _reported;

        public Bound(VerdictContext context, Architecture architecture, Verdict current, FormulaEvidence original)
        {
            _context = context;
            _architecture = architecture;
            _current = current;
            _original = _reported = original;
            _evidence = current.Evidence.ToList();
            Depth = original.Formula.Depth;
        }

        /// <summary>d: the depth of the shallowest formula offered (the row's own at first).</summary>
        public int Depth { get; private set; }

        /// <summary>
        /// Offers a formula defining L: when the row computes it and it is shallower than d, d becomes its depth, and it
        /// replaces the reported formula (proved equivalent to L first) when it has no more nodes.
        /// </summary>
        public void Offer(LtlFormula formula, FormulaOrigin origin)
        {
            if (formula.Depth >= Depth || !_architecture.Computes(formula)) return;
            Depth = formula.Depth;
            if (formula.Size > _reported.Formula.Size) return;
            var proved = _context.Prove(formula, origin, _architecture);
            _evidence[_evidence.IndexOf(_reported)] = proved;
            _reported = proved;
        }

        /// <summary>The verdict with <paramref name="least"/> appended: its depth is the least depth when proved, else the reported formula's.</summary>
        public Verdict Verdict(LeastDepth least)
        {
            int? depth = least is { Proved: true, Depth: { } d } ? d
                : ReferenceEquals(_reported, _original) ? _current.Depth : _reported.Formula.Depth;
            return new Verdict(Answer.Yes, depth, [.. _evidence, least]);
        }
    }

    /// <summary>The coarsest fragments <paramref name="fragment"/> refines, other than itself: LTL[P] under strict P, LTL[Y[&lt;=k]] under a k-window.</summary>
    private static IEnumerable<TypeFragment> Coarsest(TypeFragment fragment)
    {
        var candidates = new List<TypeFragment> { TypeFragment.PastOnly };
        if (fragment.Window > 0) candidates.Add(TypeFragment.WindowLogic(fragment.Window));
        return candidates.Where(c => c != fragment && fragment.Refines(c));
    }

    /// <summary>
    /// The type search of <paramref name="fragment"/> from depth 0 up to <paramref name="maxDepth"/>, in steps, kept
    /// per language (<see cref="VerdictContext"/>): a kept search that a budget stopped at a depth ≤ maxDepth is the
    /// answer for every deeper request too (the search is the same up to its stop).
    /// </summary>
    private static IEnumerable<TypeSearchResult?> Upward(VerdictContext context, TypeFragment fragment, int maxDepth)
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
    internal static WitnessPair? Confirmed(VerdictContext context, Architecture architecture, TypeFragment fragment, WitnessPair? pair)
    {
        if (pair is null) return null;
        var dfa = context.Minimal;
        if (!dfa.Accepts(pair.InLanguage) || dfa.Accepts(pair.NotInLanguage) || !TypeChecker.Agree(fragment, dfa.SymbolCount, pair.InLanguage, pair.NotInLanguage, pair.Depth))
            throw new InvalidOperationException($"internal error: the least-depth witness for {architecture.Key} did not re-check");
        return pair;
    }
}
