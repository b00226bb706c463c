using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Certificates;
using FormalExpressivity.Classes.Synthesis;
using FormalExpressivity.Classes.Types;
using FormalExpressivity.Syntax.Claims;

namespace FormalExpressivity.Classes.Claims;

/// <summary>
/// Completes an exact oracle with the bounded type search of theory.md §6. For a "yes" without a
/// formula it synthesizes one (LTL[P] for global, the multiset window fragments otherwise). Whenever the inner
/// oracle answers unknown for <c>local(k)</c>, <c>hybrid(k)</c> or <c>global-nonstrict</c>, the search
/// runs in the architecture's fragment (multiset windows, §3.1). "Definable at depth r" becomes
/// yes with the synthesized formula (the claim checker then proves it equivalent to the DFA);
/// otherwise the answer stays unknown, with the search bound and the two words of equal final type
/// — re-checked by <see cref="TypeChecker"/> and the DFA before they are reported, never trusted.
/// </summary>
/// <param name="inner">The exact oracle consulted first.</param>
/// <param name="options">Budgets of the search (depth, types, states).</param>
public sealed class TypeSearchArchitectureOracle(IArchitectureOracle inner, TypeSearchOptions options) : IArchitectureOracle
{
    /// <summary>The search budgets.</summary>
    public TypeSearchOptions Options { get; } = options;

    /// <summary>Budgets of the lasso search for all-depth "no" answers.</summary>
    public Exact.LassoSearchOptions Lasso { get; init; } = new();

    /// <summary>When true (the default), a "yes" without a formula gets one from the search; conjecture enumeration turns it off.</summary>
    public bool SynthesizeFormulas { get; init; } = true;

    /// <inheritdoc />
    public ArchitectureAnswer Decide(Dfa minimalDfa, Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(minimalDfa);
        var answer = inner.Decide(minimalDfa, architecture);
        if (answer.Verdict == Verdict.No) return answer;
        TypeFragment? fragment = architecture.Kind switch
        {
            ArchitectureKind.Global => TypeFragment.PastOnly,
            ArchitectureKind.Local => TypeFragment.Local(architecture.Window),
            ArchitectureKind.Hybrid => TypeFragment.Hybrid(architecture.Window),
            ArchitectureKind.GlobalNonStrict => TypeFragment.PastNonStrict,
            _ => null,
        };
        if (fragment is null) return answer;
        if (answer.Verdict == Verdict.Yes)
        {
            // Proved by the exact criterion; the search only supplies a formula (for the certificate and the simulator).
            if (answer.Formula is not null || !SynthesizeFormulas) return answer;
            // The constructive syntheses of the exact classes come first (small formulas); the type search is the fallback.
            var (constructed, method) = architecture switch
            {
                { Kind: ArchitectureKind.Global } => (PastFormulaSynthesis.Synthesize(minimalDfa), "LC25's state-by-state LTL[P] construction"),
                { Kind: ArchitectureKind.Local, Window: 1 } => (DefiniteFormulaSynthesis.Synthesize(minimalDfa, minimalDfa.StateCount * (minimalDfa.StateCount - 1) / 2 + 1), "the LTL[Y] decision tree over the last d symbols"),
                { Kind: ArchitectureKind.Hybrid, Window: 1 } => (LocalPastFormulaSynthesis.Synthesize(minimalDfa), "the SCC-wise LTL[P,Y] construction"),
                _ => ((FormalExpressivity.Syntax.Temporal.LtlFormula?)null, ""),
            };
            if (constructed is not null)
                return answer with { Formula = constructed, Depth = constructed.Depth, Reason = answer.Reason + $"; formula by {method}" };
            var found = TypeSearch.Search(minimalDfa, fragment, Options);
            return found.Definable && found.Formula is { } f
                ? answer with { Formula = f, Depth = found.Depth, Reason = answer.Reason + $"; formula synthesized by the type search at depth {found.Depth}" }
                : answer with { Reason = answer.Reason + $"; no formula synthesized within depth ≤ {Options.MaxDepth}" };
        }
        if (fragment.NonStrict && Exact.StutterCertificate.Find(minimalDfa) is not null) return Refuted(minimalDfa, fragment, answer, out _)!;
        var result = TypeSearch.Search(minimalDfa, fragment, Options);
        if (result.Definable && result.Formula is { } formula)
            return answer with
            {
                Verdict = Verdict.Yes, Formula = formula, Depth = result.Depth,
                Reason = $"definable at depth {result.Depth} by the bounded type search in {fragment.Name} ({answer.Reason})",
            };
        if (Refuted(minimalDfa, fragment, answer, out string lassoBound) is { } refuted) return refuted;
        string bound = (result.BudgetNote is { } note ? $"searched to depth {result.Depth}; stopped by a budget: {note}" : $"no formula of depth ≤ {result.Depth} exists (searched to the bound max-depth = {Options.MaxDepth})")
            + $"; no lasso certificate with {lassoBound}";
        if (result.Witness is { } w)
        {
            bool valid = minimalDfa.Accepts(w.InLanguage) && !minimalDfa.Accepts(w.NotInLanguage)
                && TypeChecker.Agree(fragment, minimalDfa.SymbolCount, w.InLanguage, w.NotInLanguage, w.Depth);
            if (!valid) return answer with { Reason = answer.Reason + $"; {bound}; the search's witness pair did not re-check and is not reported", Depth = result.Depth };
            return answer with { Reason = answer.Reason + "; " + bound, Evidence = w, Depth = w.Depth };
        }
        return answer with { Reason = answer.Reason + "; " + bound, Depth = result.Depth };
    }

    /// <summary>The all-depth "no" stage (stuttering, lasso families; docs/theory.md), certificates re-checked before use.</summary>
    private ArchitectureAnswer? Refuted(Dfa dfa, TypeFragment fragment, ArchitectureAnswer answer, out string bound)
    {
        var refutation = Exact.AllDepthRefutation.Find(dfa, fragment, Math.Max(1, Options.MaxDepth), Lasso, out bound);
        if (refutation is null) return null;
        return answer with
        {
            Verdict = Verdict.No,
            Evidence = refutation.Certificate,
            Depth = null,
            Reason = $"no {fragment.Name} formula of any depth ({answer.Reason})",
            Certificate = refutation.Kind == "stutter" ? "stuttering pair re-checked on the DFA" : "lasso certificate re-checked (DFA residue class and limit-graph colours, independent checker)",
        };
    }
}
