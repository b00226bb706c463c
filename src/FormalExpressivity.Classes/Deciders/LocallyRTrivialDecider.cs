using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Graphs;
using FormalExpressivity.Classes.Algebra;
using FormalExpressivity.Classes.Conditions;
using FormalExpressivity.Classes.Internal;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Deciders;

/// <summary>Locally R-trivial languages LR = R∗D = LTL[P,Y] = hybrid(1) attention.</summary>
/// <remarks>
/// Criterion (semigroup): eSe is R-trivial for every idempotent e of S (a local variety; Eilenberg,
/// Straubing 1985 for V∗D = LV). DFA (theory.md §5): L ∉ LR iff the minimal DFA has p ≠ q, r reachable
/// from p, r' reachable from q and non-empty u with p·u = p, q·u = q, r·u = q, r'·u = p. Such r, r'
/// force p and q into one strongly connected component C, and then r = q, r' = p already satisfy the
/// last two equations; so L ∉ LR iff for some component C two distinct states of C are fixed by one
/// non-empty word, i.e. iff the unordered pair graph restricted to pairs inside one component has a
/// cycle (a cycle cannot leave C and return). This runs in O(Σ_C |C|²·|Σ|) instead of the 4-fold
/// product's O(n⁴·|Σ|). Proof of the semigroup equivalence: if u fixes p ≠ q with x: p→q, y: q→p, put
/// e = u^ω, a = exe, b = eye; then p·(ab)^ω a = q ≠ p = p·(ab)^ω. Conversely if (st)^ω s ≠ (st)^ω in
/// eSe, some p = p·(st)^ω has q = p·s ≠ p, q·t(st)^{ω−1} = p, and e fixes both.
/// In: (ab)* over {a,b}. Out: (a(ab)*b)* (ab fixes the states 0 and 1 of one component).
/// </remarks>
public static class LocallyRTrivialDecider
{
    /// <summary>The forbidden configuration, or <c>null</c> when L ∈ LR. O(Σ_C |C|²·|Σ|) on the minimal DFA.</summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    /// <param name="maxPairStates">Budget <c>max-pair-states</c>.</param>
    public static LrConfiguration? FindConfiguration(Dfa minimalDfa, long maxPairStates = FormalExpressivity.Core.Limits.Budgets.DefaultMaxPairStates)
    {
        ArgumentNullException.ThrowIfNull(minimalDfa);
        var dfa = minimalDfa;
        var comp = StronglyConnected.Tarjan(dfa.Table, dfa.StateCount, dfa.SymbolCount, out _);
        var g = PairGraph.Analyze(dfa, comp, maxPairStates);
        if (!g.HasCycle) return null;
        int p = g.CycleP, q = g.CycleQ;
        var u = PairGraph.CycleWord(dfa, comp, p, q);
        var x = DfaPaths.Between(dfa, p, q)!;
        var y = DfaPaths.Between(dfa, q, p)!;
        return new LrConfiguration(p, q, q, p, u, x, y);
    }

    /// <summary>Decides LR by the forbidden-configuration test (no semigroup is built).</summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    /// <param name="options">Budget <c>max-pair-states</c>.</param>
    public static ClassVerdict Decide(Dfa minimalDfa, DeciderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(minimalDfa);
        var config = FindConfiguration(minimalDfa, (options ?? DeciderOptions.Default).MaxPairStates);
        if (config is null)
            return new ClassVerdict(LanguageClass.LR, true, null,
                new ClassMembership("no forbidden configuration (theory.md §5)", "pair graph inside every strongly connected component acyclic"));
        var identity = new IdentityViolation(Identities.LocallyRTrivial,
            new Dictionary<string, Word> { ["e"] = config.U, ["x"] = config.X, ["y"] = config.Y });
        return new ClassVerdict(LanguageClass.LR, false, null, new EvidenceSet([identity, config]));
    }

    /// <summary>Decides LR by the semigroup: eSe R-trivial for every idempotent e (the twin of <see cref="Decide"/>).</summary>
    /// <param name="semigroup">The transition semigroup of the minimal DFA.</param>
    public static ClassVerdict DecideBySemigroup(TransitionSemigroup semigroup)
    {
        ArgumentNullException.ThrowIfNull(semigroup);
        var v = SemigroupChecks.FindLocalRViolation(semigroup);
        if (v is null)
            return new ClassVerdict(LanguageClass.LR, true, null,
                new ClassMembership("eSe R-trivial for every idempotent e", $"{semigroup.Count} elements, {semigroup.Idempotents.Count} idempotents"));
        return new ClassVerdict(LanguageClass.LR, false, null, v);
    }
}
