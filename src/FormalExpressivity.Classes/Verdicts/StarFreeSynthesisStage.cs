using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Synthesis;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Classes.Verdicts;

/// <summary>
/// Gives a uha yes that still has no formula — a star-free language outside LTL[P,Y] whose smallest formula is
/// beyond the enumeration — the formula of the local divisor construction (<see cref="StarFreeFormulaSynthesis"/>,
/// Diekert &amp; Gastin 2008; docs/theory.md §"Star-free formulas by local divisors"), simplified by the enumeration
/// tables (<see cref="SmallestFormulaSearch.Simplify"/>) and proved equivalent to L like every other formula. Runs
/// after <see cref="SmallestFormulaStage"/>, so it costs nothing where the enumeration or a cheaper construction
/// already gave a formula. Its budgets are <c>max-semigroup</c> (the monoid) and <c>max-states</c> (at most
/// max-states · 64 / |Q| formula nodes, the most the proof checks); a stop leaves the row a yes without formula
/// and records the budget.
/// </summary>
public sealed class StarFreeSynthesisStage : IVerdictStage
{
    /// <inheritdoc />
    public string Name => "star-free-synthesis";

    /// <inheritdoc />
    public Verdict? Refine(VerdictContext context, Architecture architecture, Verdict current)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(current);
        var options = context.Options;
        if (architecture.Kind != ArchitectureKind.Uha || current.Answer != Answer.Yes || current.Formula is not null || !options.SynthesizeFormulas
            || current.Evidence.OfType<BudgetStop>().Any(s => s.What.StartsWith(What, StringComparison.Ordinal)))
            return null;
        Syntax.Temporal.LtlFormula? formula;
        try
        {
            formula = StarFreeFormulaSynthesis.Synthesize(context.Deciders.Semigroup, options.FormulaMaxStates);
        }
        catch (BudgetExceededException e)
        {
            return current.With(BudgetStop.From(e) with { What = What + ": " + e.What });
        }
        if (formula is null)
            throw new InvalidOperationException("internal error: uha says yes, but the transition monoid is not aperiodic");
        var evidence = current.Evidence.ToList();
        bool simplified = false;
        if (options.Smallest.MaxSize > 0)
        {
            var smaller = SmallestFormulaSearch.Simplify(formula, context.Minimal.Alphabet, architecture, options.Smallest);
            simplified = !ReferenceEquals(smaller, formula);
            if (simplified) formula = smaller;
        }
        evidence.Insert(0, context.Prove(formula, FormulaOrigin.LocalDivisorConstruction, architecture));
        if (current.Smallest is { Proved: false } smallest && simplified) evidence[evidence.IndexOf(smallest)] = smallest with { Simplified = true };
        return new Verdict(Answer.Yes, formula.Depth, evidence);
    }

    // The head of the recorded stop's description (a second pass over the row does not run the construction again).
    private const string What = "the star-free formula of the local divisor construction";
}
