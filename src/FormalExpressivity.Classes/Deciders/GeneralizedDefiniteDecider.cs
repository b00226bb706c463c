using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Algebra;
using FormalExpressivity.Classes.Conditions;
using FormalExpressivity.Classes.Internal;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Deciders;

/// <summary>Generalized definite languages LI.</summary>
/// <remarks>
/// Ginzburg (1966), Steinby (1969): L is generalized definite (membership of long words depends on a
/// bounded prefix and suffix) iff S is locally trivial, e^ω s e^ω = e^ω. DFA test (no semigroup): L ∉ LI iff
/// a non-empty word u fixes two distinct states p, q of the minimal DFA one of which reaches the other.
/// Proof: if p·u = p, q·u = q and p·s = q (s non-empty), then with e = u^ω, p·e s e = q ≠ p = p·e. Conversely
/// if r·e = r and r·s·e = t ≠ r for an idempotent e, then e fixes r and t and r reaches t. Along a cycle of
/// the pair graph comparability is preserved (p·v reaches q·v through the rest of u, p and s), so the test is
/// "the pair graph restricted to comparable pairs has a cycle", O(n²·|Σ|) after the reachability rows.
/// In: aΣ*b over {a,b}. Out: Σ*aΣ* over {a,b}.
/// </remarks>
public static class GeneralizedDefiniteDecider
{
    /// <summary>Decides LI through the comparable-pair graph of the minimal DFA (no semigroup is built).</summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    /// <param name="options">Budget <c>max-pair-states</c>.</param>
    public static ClassVerdict Decide(Dfa minimalDfa, DeciderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(minimalDfa);
        options ??= DeciderOptions.Default;
        var dfa = minimalDfa;
        var group = new int[dfa.StateCount];
        var reach = PairGraph.Reachability(dfa, options.MaxPairStates);
        var g = PairGraph.Analyze(dfa, group, options.MaxPairStates, reach);
        if (!g.HasCycle)
            return new ClassVerdict(LanguageClass.LI, true, null,
                new ClassMembership("no non-empty word fixes two comparable states of the minimal DFA (locally trivial, Ginzburg 1966)",
                    $"{g.VertexCount} comparable pairs, pair graph on them acyclic"));
        int p = g.CycleP, q = g.CycleQ;
        var u = PairGraph.CycleWord(dfa, group, p, q, reach);
        var s = DfaPaths.Between(dfa, p, q) ?? DfaPaths.Between(dfa, q, p)!;
        return new ClassVerdict(LanguageClass.LI, false, null,
            new IdentityViolation(Identities.GeneralizedDefinite, new Dictionary<string, Word> { ["e"] = u, ["s"] = s }));
    }

    /// <summary>Decides LI with a shared context (the DFA test).</summary>
    /// <param name="context">The language's decision context.</param>
    public static ClassVerdict Decide(DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Decide(context.Dfa, context.Options);
    }

    /// <summary>Decides LI through the semigroup identity e^ω s e^ω = e^ω (the twin of <see cref="Decide(Dfa, DeciderOptions?)"/>).</summary>
    /// <param name="semigroup">The transition semigroup of the minimal DFA.</param>
    public static ClassVerdict DecideBySemigroup(TransitionSemigroup semigroup)
    {
        ArgumentNullException.ThrowIfNull(semigroup);
        var violation = SemigroupChecks.FindGeneralizedDefiniteViolation(semigroup);
        if (violation is not null) return new ClassVerdict(LanguageClass.LI, false, null, violation);
        return new ClassVerdict(LanguageClass.LI, true, null,
            new ClassMembership("e·s·e = e for every s and idempotent e of S", $"{semigroup.Count} elements, {semigroup.Idempotents.Count} idempotents"));
    }
}
