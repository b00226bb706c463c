using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Synthesis;

namespace FormalExpressivity.Classes.Verdicts;

/// <summary>
/// Gives a yes its smallest formula (docs/theory.md §"Smallest formulas"): the bottom-up enumeration of the
/// row's grammar (<see cref="SmallestFormulaSearch"/>, budgets <c>max-formula-size</c> and
/// <c>max-formula-work</c>) replaces the reported formula when it finds a strictly smaller one (proved equivalent
/// to L by <see cref="VerdictContext.Prove"/>, independently of the enumeration's machines), and records
/// <see cref="SmallestFormula"/>: that the formula is a smallest one, or up to which size none exists (the
/// constructed formula stays, simplified by <see cref="SmallestFormulaSearch.Simplify"/>). The verdict's depth stays the least depth when that is proved; the formula keeps
/// its own. Runs last, so every yes — from a criterion, a construction, a search or an inclusion — is covered.
/// </summary>
public sealed class SmallestFormulaStage : IVerdictStage
{
    /// <inheritdoc />
    public string Name => "smallest-formula";

    /// <summary>The product states one step of <see cref="RefineStepwise"/> may explore (a few milliseconds natively).</summary>
    internal const long StepWork = 20_000;

    /// <inheritdoc />
    /// <remarks>
    /// Steps of at most <see cref="StepWork"/> product states: the process-wide tables keep every completed size
    /// and resume a size where the last step stopped, in the same candidate order, so the last step (the whole
    /// <see cref="Refine"/>) finds them built — the verdict is the one <see cref="Refine"/> gives. The steps stop
    /// early when the formula is found or the work budget is spent.
    /// </remarks>
    public IEnumerable<Verdict?> RefineStepwise(VerdictContext context, Architecture architecture, Verdict current)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(current);
        return Steps(context, architecture, current);
    }

    private IEnumerable<Verdict?> Steps(VerdictContext context, Architecture architecture, Verdict current)
    {
        var options = context.Options;
        if (current.Answer == Answer.Yes && options.SynthesizeFormulas && current.Smallest is null && options.Smallest.MaxSize > 0)
            while (!SmallestFormulaSearch.Advance(context.Minimal, architecture, options.Smallest, StepWork))
                yield return null;
        yield return Refine(context, architecture, current);
    }

    /// <inheritdoc />
    public Verdict? Refine(VerdictContext context, Architecture architecture, Verdict current)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(current);
        var options = context.Options;
        if (current.Answer != Answer.Yes || !options.SynthesizeFormulas || options.Smallest.MaxSize == 0 || current.Smallest is not null) return null;
        if (SmallestFormulaSearch.Find(context.Minimal, architecture, options.Smallest) is not { } result) return null;
        var evidence = current.Evidence.ToList();
        int? depth = current.Depth;
        if (result.Formula is { } smallest)
        {
            var fe = current.Formula;
            if (fe is null || smallest.Size < fe.Formula.Size)
            {
                var proved = context.Prove(smallest, FormulaOrigin.SmallestEnumeration, architecture);
                if (fe is null) evidence.Insert(0, proved);
                else evidence[evidence.IndexOf(fe)] = proved;
                if (current.Least is not { Proved: true }) depth = smallest.Depth;
            }
            evidence.Add(new SmallestFormula(true, result.SearchedSize, result.Grammar, null));
        }
        else
        {
            // Fall back to the constructed formula, simplified: subformulas replaced by smaller equivalents from the tables.
            bool simplified = false;
            if (current.Formula is { } fe)
            {
                var smaller = SmallestFormulaSearch.Simplify(fe.Formula, context.Minimal.Alphabet, architecture, options.Smallest);
                if (smaller.Size < fe.Formula.Size)
                {
                    evidence[evidence.IndexOf(fe)] = context.Prove(smaller, fe.Origin, architecture);
                    if (current.Least is not { Proved: true }) depth = smaller.Depth;
                    simplified = true;
                }
            }
            evidence.Add(new SmallestFormula(false, result.SearchedSize, result.Grammar, result.StoppedBy) { Simplified = simplified });
        }
        return new Verdict(Answer.Yes, depth, evidence);
    }
}
