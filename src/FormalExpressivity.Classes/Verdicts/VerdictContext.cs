using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Deciders;
using FormalExpressivity.Classes.Synthesis;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Verdicts;

/// <summary>
/// What the stages of one language share: the minimal DFA and its lazily computed facts, the class
/// verdicts (one <see cref="DecisionContext"/>, so the semigroup is built at most once), the formula
/// the language was declared by, the options, and the current rows.
/// </summary>
public sealed class VerdictContext
{
    private readonly Dictionary<LanguageClass, ClassVerdict?> _classes = [];
    private readonly Dictionary<LanguageClass, BudgetStop> _classBudgets = [];

    // Proofs kept per formula (formulas are hash-consed: one object per formula): the rows a construction serves —
    // global, hybrid:k, PYwin:k and uha all receive LC25's one LTL[P] formula of an R-trivial language — share one
    // compilation, which for a 5 000-state DFA is seconds of work each.
    private readonly Dictionary<LtlFormula, FormulaProofResult> _proofs = new(ReferenceEqualityComparer.Instance);

    internal VerdictContext(Dfa dfa, LtlFormula? declared, VerdictOptions options)
    {
        Facts = new LanguageFacts(dfa, options.Deciders);
        Declared = declared;
        Options = options;
        Deciders = new DecisionContext(Facts.Minimal, options.Deciders);
    }

    /// <summary>The minimal DFA and the class conditions computed on it.</summary>
    public LanguageFacts Facts { get; }

    /// <summary>The canonical minimal DFA.</summary>
    public Dfa Minimal => Facts.Minimal;

    /// <summary>The formula the language was declared by (an <c>ltl:</c> argument or <c>ltl"…"</c> declaration), else <c>null</c>.</summary>
    public LtlFormula? Declared { get; }

    /// <summary>Budgets and defaults.</summary>
    public VerdictOptions Options { get; }

    /// <summary>The class deciders' shared context.</summary>
    public DecisionContext Deciders { get; }

    /// <summary>The current rows (requested and helper rows), in decision order.</summary>
    public IReadOnlyDictionary<Architecture, Verdict> Rows => RowsMutable;

    internal Dictionary<Architecture, Verdict> RowsMutable { get; } = [];

    private readonly List<(Types.TypeFragment Fragment, int MaxDepth, TypeSearchResult Result)> _searches = [];

    /// <summary>
    /// A kept upward type search of <paramref name="fragment"/> that answers a search up to <paramref name="maxDepth"/>:
    /// one asked to the same depth, or one that a budget stopped, or that found L definable, at a depth ≤
    /// <paramref name="maxDepth"/> (the search up to where it ends does not depend on how deep it was asked to go).
    /// Null when none is kept.
    /// </summary>
    internal TypeSearchResult? KeptSearch(Types.TypeFragment fragment, int maxDepth)
    {
        foreach (var (f, m, r) in _searches)
            if (f == fragment && (m == maxDepth || (r.Budget is not null && r.Depth + 1 <= maxDepth) || (r.Definable && r.Depth <= maxDepth))) return r;
        return null;
    }

    /// <summary>Keeps an upward type search (see <see cref="KeptSearch"/>).</summary>
    internal void KeepSearch(Types.TypeFragment fragment, int maxDepth, TypeSearchResult result) => _searches.Add((fragment, maxDepth, result));

    /// <summary>The class decider's verdict for <paramref name="languageClass"/> (computed once), or <c>null</c> when a budget stopped it (see <see cref="ClassBudget"/>).</summary>
    /// <param name="languageClass">The class.</param>
    public ClassVerdict? Class(LanguageClass languageClass)
    {
        if (_classes.TryGetValue(languageClass, out var known)) return known;
        ClassVerdict? verdict;
        try
        {
            verdict = ClassDeciders.Decide(languageClass, Deciders);
            if (!verdict.Decided)
            {
                _classBudgets[languageClass] = (BudgetStop)verdict.Evidence;
                verdict = null;
            }
        }
        catch (BudgetExceededException e)
        {
            _classBudgets[languageClass] = BudgetStop.From(e);
            verdict = null;
        }
        _classes[languageClass] = verdict;
        return verdict;
    }

    /// <summary>The budget that stopped the decider of <paramref name="languageClass"/>, if one did.</summary>
    /// <param name="languageClass">The class.</param>
    public BudgetStop? ClassBudget(LanguageClass languageClass) => _classBudgets.GetValueOrDefault(languageClass);

    /// <summary>
    /// Proves <paramref name="formula"/> equivalent to L and wraps it as evidence. A formula that differs from
    /// L is an internal error (the syntheses and the search are proved constructions), reported by exception.
    /// The proof of a formula is made once per language and reused by every row that reports that formula.
    /// </summary>
    /// <param name="formula">A formula of the row's fragment.</param>
    /// <param name="origin">How it was obtained.</param>
    /// <param name="architecture">The row, for the error message.</param>
    public FormulaEvidence Prove(LtlFormula formula, FormulaOrigin origin, Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(architecture);
        if (!_proofs.TryGetValue(formula, out var proof))
            _proofs[formula] = proof = FormulaProof.Check(formula, Minimal, Options.FormulaMaxStates);
        if (proof.Difference is { } diff)
            throw new InvalidOperationException($"internal error: the {origin} formula for {architecture.Key} differs from L on '{diff.Format(Minimal.Alphabet)}': {formula}");
        return new FormulaEvidence(formula, origin, proof.Equivalent, proof.Stopped);
    }
}
