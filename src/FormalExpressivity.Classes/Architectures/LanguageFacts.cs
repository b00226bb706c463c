using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Classes.Conditions;
using FormalExpressivity.Classes.Deciders;
using FormalExpressivity.Classes.Synthesis;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Architectures;

/// <summary>
/// The class conditions the architecture verdicts share, computed once (lazily) on the minimal DFA:
/// the partial-order cycle (R), the definiteness degree and pair cycle (D), the LR forbidden
/// configuration and an aperiodicity violation (SF), and the LTL[P] and LTL[Y] formulas.
/// </summary>
public sealed class LanguageFacts
{
    private readonly Lazy<StateCycle?> _cycle;
    private readonly Lazy<int?> _degree;
    private readonly Lazy<PairCycle?> _pairCycle;
    private readonly Lazy<LrConfiguration?> _lr;
    private readonly Lazy<Word?> _aperiodic;
    private readonly Lazy<LtlFormula?> _pastFormula;
    private readonly Lazy<LtlFormula?> _yFormula;
    private readonly Lazy<LtlFormula?> _pyFormula;

    /// <summary>Minimizes <paramref name="dfa"/> and prepares the lazy facts.</summary>
    /// <param name="dfa">Any DFA for L.</param>
    /// <param name="options">Budgets of the conditions (<c>max-pair-states</c>, <c>max-semigroup</c>); null for the defaults.</param>
    public LanguageFacts(Dfa dfa, DeciderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        options ??= DeciderOptions.Default;
        Minimal = dfa.Minimize();
        _cycle = new(() => PartialOrder.FindCycle(Minimal));
        _degree = new(() => DefiniteDecider.Degree(Minimal, options.MaxPairStates));
        _pairCycle = new(() => Definiteness.FindCycle(Minimal));
        _lr = new(() => LocallyRTrivialDecider.FindConfiguration(Minimal, options.MaxPairStates));
        _aperiodic = new(() => Aperiodicity.FindViolation(Minimal, options.MaxSemigroup));
        _pastFormula = new(() => IsRTrivial ? PastFormulaSynthesis.Synthesize(Minimal) : null);
        _yFormula = new(() => Degree is int d ? DefiniteFormulaSynthesis.Synthesize(Minimal, d) : null);
        _pyFormula = new(() => LrConfiguration is null ? LocalPastFormulaSynthesis.Synthesize(Minimal) : null);
    }

    /// <summary>The canonical minimal DFA.</summary>
    public Dfa Minimal { get; }

    /// <summary>Σ.</summary>
    public Alphabet Alphabet => Minimal.Alphabet;

    /// <summary>A cycle through two states (null iff R-trivial).</summary>
    public StateCycle? Cycle => _cycle.Value;

    /// <summary>True iff the minimal DFA is partially ordered.</summary>
    public bool IsRTrivial => Cycle is null;

    /// <summary>The definiteness degree (null iff not definite).</summary>
    public int? Degree => _degree.Value;

    /// <summary>A pair of states fixed by a word (null iff definite).</summary>
    public PairCycle? PairCycle => _pairCycle.Value;

    /// <summary>The LR forbidden configuration (null iff locally R-trivial).</summary>
    public LrConfiguration? LrConfiguration => _lr.Value;

    /// <summary>A word x with x^ω·x ≠ x^ω (null iff aperiodic).</summary>
    public Word? AperiodicViolation => _aperiodic.Value;

    /// <summary>The LTL[P] formula for R-trivial languages.</summary>
    public LtlFormula? PastFormula => _pastFormula.Value;

    /// <summary>The LTL[Y] formula for definite languages.</summary>
    public LtlFormula? YesterdayFormula => _yFormula.Value;

    /// <summary>The LTL[P,Y] formula for locally R-trivial languages (SCC-wise construction).</summary>
    public LtlFormula? PastYesterdayFormula => _pyFormula.Value;
}
