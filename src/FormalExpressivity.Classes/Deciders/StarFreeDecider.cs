using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Algebra;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Deciders;

/// <summary>Star-free languages SF = aperiodic = FO[&lt;] = LTL[S] = unique-hard attention.</summary>
/// <remarks>
/// Schützenberger (1965), McNaughton &amp; Papert (1971): L is star-free iff its syntactic semigroup is
/// aperiodic, x^ω x = x^ω for every x. The search walks S in shortlex order and stops at the first
/// element violating it, so non-aperiodic languages rarely need the whole semigroup.
/// In: (a(ab)*b)*. Out: PARITY over {a,b} (x = b: b^ω = bb ≠ b).
/// </remarks>
public static class StarFreeDecider
{
    /// <summary>Decides SF.</summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    /// <param name="options">Budget <c>max-semigroup</c>.</param>
    public static ClassVerdict Decide(Dfa minimalDfa, DeciderOptions? options = null) => Decide(new DecisionContext(minimalDfa, options));

    /// <summary>Decides SF with a shared context.</summary>
    /// <param name="context">The language's decision context.</param>
    public static ClassVerdict Decide(DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var w = context.NonAperiodicWord;
        if (w is null)
            return new ClassVerdict(LanguageClass.SF, true, null,
                new ClassMembership("syntactic semigroup aperiodic (Schützenberger 1965)", $"x^ω x = x^ω on all {context.ElementsSeen} elements"));
        return new ClassVerdict(LanguageClass.SF, false, null,
            new IdentityViolation(Identities.Aperiodic, new Dictionary<string, Word> { ["x"] = w }));
    }
}
