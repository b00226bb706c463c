using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Algebra;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Classes.Deciders;

/// <summary>
/// What the deciders of one language share: the minimal DFA, the options, the verdicts already reached
/// (so a row decided through an inclusion reuses the row it includes), the aperiodicity witness
/// (searched lazily in shortlex order, stopping at the first non-aperiodic element) and the transition
/// semigroup (built only when a row has no DFA test). A budget stop is remembered: the next row that
/// needs the same object stops at once with the same budget instead of recomputing.
/// </summary>
public sealed class DecisionContext
{
    private readonly Dictionary<LanguageClass, ClassVerdict> _verdicts = [];
    private bool _aperiodicityKnown;
    private Word? _nonAperiodic;
    private int _elementsSeen;
    private TransitionSemigroup? _semigroup;
    private BudgetStop? _semigroupStop;
    private BudgetStop? _aperiodicityStop;
    private bool _confluenceKnown;
    private IdentityViolation? _confluenceViolation;
    private bool _daPatternKnown;
    private Conditions.DAPattern.Pattern? _daPattern;

    /// <summary>Creates a context for <paramref name="minimalDfa"/>.</summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    /// <param name="options">Budgets; <see cref="DeciderOptions.Default"/> when null.</param>
    public DecisionContext(Dfa minimalDfa, DeciderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(minimalDfa);
        Dfa = minimalDfa;
        Options = options ?? DeciderOptions.Default;
    }

    /// <summary>The minimal DFA.</summary>
    public Dfa Dfa { get; }

    /// <summary>The options.</summary>
    public DeciderOptions Options { get; }

    /// <summary>True once the semigroup has been built (for the "decided by" notes).</summary>
    public bool HasSemigroup => _semigroup is not null;

    /// <summary>The shortlex-least word w with w^ω w ≠ w^ω, or null when S is aperiodic (budget <c>max-semigroup</c>).</summary>
    public Word? NonAperiodicWord
    {
        get
        {
            if (_aperiodicityStop is not null) throw _aperiodicityStop.ToException();
            if (!_aperiodicityKnown)
            {
                if (_verdicts.TryGetValue(LanguageClass.LR, out var lr) && lr is { Decided: true, Member: true })
                {
                    // LR ⊆ SF (a locally aperiodic semigroup is aperiodic): nothing to enumerate.
                    _nonAperiodic = null;
                    _elementsSeen = 0;
                }
                else if (_semigroup is not null)
                {
                    // The semigroup is already there: the same shortlex walk over its elements.
                    _nonAperiodic = SemigroupChecks.FindAperiodicViolation(_semigroup) is { } v ? v.Assignment["x"] : null;
                    _elementsSeen = _nonAperiodic is null ? _semigroup.Count : _semigroup.ElementOf(_nonAperiodic) + 1;
                }
                else
                {
                    try
                    {
                        _nonAperiodic = TransitionSemigroup.FindNonAperiodic(Dfa, Options.MaxSemigroup, out _elementsSeen, Options.MaxSemigroupBytes);
                    }
                    catch (BudgetExceededException e)
                    {
                        _aperiodicityStop = BudgetStop.From(e);
                        throw;
                    }
                }
                _aperiodicityKnown = true;
            }
            return _nonAperiodic;
        }
    }

    /// <summary>
    /// For a partially ordered minimal DFA: null when it is locally confluent (J-trivial, Klíma–Polák 2013), else the
    /// violated identity y (xy)^ω = (xy)^ω (<see cref="Conditions.LocalConfluence"/>; budget <c>max-pair-states</c>).
    /// </summary>
    internal IdentityViolation? ConfluenceViolation
    {
        get
        {
            if (!_confluenceKnown)
            {
                _confluenceViolation = Conditions.LocalConfluence.FindViolation(Dfa, Options.MaxPairStates);
                _confluenceKnown = true;
            }
            return _confluenceViolation;
        }
    }

    /// <summary>Place's DA pattern of the minimal DFA, null when the language is in DA (<see cref="Conditions.DAPattern"/>; budget <c>max-pair-states</c>).</summary>
    internal Conditions.DAPattern.Pattern? DAPattern
    {
        get
        {
            if (!_daPatternKnown)
            {
                _daPattern = Conditions.DAPattern.Find(Dfa, Options.MaxPairStates);
                _daPatternKnown = true;
            }
            return _daPattern;
        }
    }

    /// <summary>Elements examined by the aperiodicity search (all of S when aperiodic).</summary>
    public int ElementsSeen
    {
        get
        {
            _ = NonAperiodicWord;
            return _elementsSeen;
        }
    }

    /// <summary>The transition semigroup of the minimal DFA (budget <c>max-semigroup</c>).</summary>
    public TransitionSemigroup Semigroup
    {
        get
        {
            if (_semigroup is not null) return _semigroup;
            if (_semigroupStop is not null) throw _semigroupStop.ToException();
            try
            {
                return _semigroup = TransitionSemigroup.Create(Dfa, Options.MaxSemigroup, Options.MaxSemigroupBytes);
            }
            catch (BudgetExceededException e)
            {
                _semigroupStop = BudgetStop.From(e);
                throw;
            }
        }
    }

    /// <summary>
    /// The verdict of <paramref name="languageClass"/>, computed once by <see cref="ClassDeciders"/>'s cheapest
    /// exact test; a budget stop yields an unknown verdict (<see cref="ClassVerdict.Decided"/> false) and leaves
    /// the other rows untouched.
    /// </summary>
    /// <param name="languageClass">The class.</param>
    public ClassVerdict Verdict(LanguageClass languageClass)
    {
        if (_verdicts.TryGetValue(languageClass, out var v)) return v;
        try
        {
            v = ClassDeciders.Compute(languageClass, this);
        }
        catch (BudgetExceededException e)
        {
            v = ClassVerdict.Unknown(languageClass, BudgetStop.From(e)) with { DecidedBy = "stopped by a budget" };
        }
        _verdicts[languageClass] = v;
        return v;
    }

    /// <summary>
    /// For a class inside SF whose identity <paramref name="identity"/> fails on a non-aperiodic
    /// element w when every variable is w (x^{ω+1} ≠ x^ω makes each listed identity fail), the violation;
    /// null when S is aperiodic.
    /// </summary>
    internal IdentityViolation? ViolationFromNonAperiodic(string identity, params string[] variables)
    {
        var w = NonAperiodicWord;
        if (w is null) return null;
        return new IdentityViolation(identity, variables.ToDictionary(v => v, _ => w));
    }
}
