using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Algebra;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Deciders;

/// <summary>
/// What the deciders of one language share: the minimal DFA, the options, the aperiodicity witness
/// (searched lazily in shortlex order, stopping at the first non-aperiodic element) and the
/// transition semigroup (built only when a semigroup test needs it and the language is aperiodic).
/// </summary>
public sealed class DecisionContext
{
    private bool _aperiodicityKnown;
    private Word? _nonAperiodic;
    private int _elementsSeen;
    private TransitionSemigroup? _semigroup;

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

    /// <summary>The shortlex-least word w with w^ω w ≠ w^ω, or null when S is aperiodic (budget <c>max-semigroup</c>).</summary>
    public Word? NonAperiodicWord
    {
        get
        {
            if (!_aperiodicityKnown)
            {
                int seen = 0;
                _nonAperiodic = TransitionSemigroup.FindElement(Dfa, Options.MaxSemigroup, t =>
                {
                    seen++;
                    var e = IdentityEvaluator.Omega(t);
                    for (int q = 0; q < t.Length; q++) if (t[e[q]] != e[q]) return true;
                    return false;
                });
                _elementsSeen = seen;
                _aperiodicityKnown = true;
            }
            return _nonAperiodic;
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
    public TransitionSemigroup Semigroup => _semigroup ??= TransitionSemigroup.Create(Dfa, Options.MaxSemigroup);

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
