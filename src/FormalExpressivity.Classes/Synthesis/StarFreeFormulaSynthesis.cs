using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Algebra;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Synthesis;

/// <summary>
/// LTL[Y,S] (P φ = ⊤ S φ) for every aperiodic DFA: the constructive half of "star-free = aperiodic = LTL[S] =
/// FO[&lt;]" by the local divisor induction of Diekert &amp; Gastin ("First-order definable languages", 2008),
/// mirrored to the past (<see cref="DivisorLevel"/>; docs/theory.md §"Star-free formulas by local divisors").
/// Over the transition monoid M of the minimal DFA and h: Σ* → M, the induction gives for every m a formula
/// φ_m that holds at a position i iff h(w_1 … w_{i−1}) = m; the state formula of q is ⋁_{start·m = q} φ_m, and L
/// is the disjunction of the accepting states' formulas read at N+1 (or the negation over the rejecting ones,
/// whichever is smaller). Formulas share subformulas (a DAG): the tree size may saturate at Int32.MaxValue
/// while the distinct subformulas stay few. Example: Σ*aΣ* over {a} gives <c>P a</c>; for (a(ab)*b)* over {a, b}
/// (star-free, not LTL[P,Y]) the formula is proved equivalent in the tests.
/// </summary>
/// <remarks>
/// Budgets: the monoid is enumerated within <c>max-semigroup</c>; the construction builds at most
/// max-states · 64 / |Q| distinct formula nodes over all levels — the most subformulas <see cref="FormulaProof"/>
/// would check for the DFA — and stops with a <see cref="Core.Text.BudgetExceededException"/> naming
/// <c>max-states</c> beyond that.
/// </remarks>
public static class StarFreeFormulaSynthesis
{
    /// <summary>The head of the description of a budget stop of the construction.</summary>
    public const string BudgetWhat = "the star-free (local divisor) construction";

    /// <summary>The past formula of L, or null when L is not star-free (its monoid is not aperiodic).</summary>
    /// <param name="dfa">A minimal DFA.</param>
    /// <param name="maxSemigroup">Budget <c>max-semigroup</c>.</param>
    /// <param name="maxStates">Budget <c>max-states</c> (bounds the formula nodes, see the remarks).</param>
    public static LtlFormula? Synthesize(Dfa dfa, int maxSemigroup = Budgets.DefaultMaxSemigroup, int maxStates = Budgets.DefaultMaxStates)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        return Synthesize(TransitionSemigroup.Create(dfa, maxSemigroup), maxStates);
    }

    /// <summary>The past formula of the semigroup's DFA, or null when the semigroup is not aperiodic.</summary>
    /// <param name="semigroup">The transition semigroup of a minimal DFA (e.g. the one the class deciders built).</param>
    /// <param name="maxStates">Budget <c>max-states</c> (bounds the formula nodes, see the remarks).</param>
    public static LtlFormula? Synthesize(TransitionSemigroup semigroup, int maxStates = Budgets.DefaultMaxStates)
    {
        ArgumentNullException.ThrowIfNull(semigroup);
        var dfa = semigroup.Dfa;
        if (StateFormulas(semigroup, maxStates) is not { } states) return null;
        var pos = Ltl.Or(Enumerable.Range(0, dfa.StateCount).Where(dfa.IsAccepting).Select(q => states[q]));
        var neg = Ltl.Not(Ltl.Or(Enumerable.Range(0, dfa.StateCount).Where(q => !dfa.IsAccepting(q)).Select(q => states[q])));
        return neg.Subformulas().Count < pos.Subformulas().Count ? neg : pos;
    }

    /// <summary>
    /// For every state q, a formula that holds at position i (1 ≤ i ≤ N+1) iff the run on w_1 … w_{i−1} ends in q
    /// (⊥ for unreachable states); null when the DFA's monoid is not aperiodic.
    /// </summary>
    /// <param name="dfa">A complete DFA (minimal for the smallest monoid).</param>
    /// <param name="maxSemigroup">Budget <c>max-semigroup</c>.</param>
    /// <param name="maxStates">Budget <c>max-states</c> (bounds the formula nodes).</param>
    public static LtlFormula[]? StateFormulas(Dfa dfa, int maxSemigroup = Budgets.DefaultMaxSemigroup, int maxStates = Budgets.DefaultMaxStates)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        return StateFormulas(TransitionSemigroup.Create(dfa, maxSemigroup), maxStates);
    }

    /// <summary>The state formulas of the semigroup's DFA (see <see cref="StateFormulas(Dfa, int, int)"/>), or null when it is not aperiodic.</summary>
    /// <param name="semigroup">The transition semigroup of a complete DFA.</param>
    /// <param name="maxStates">Budget <c>max-states</c> (bounds the formula nodes).</param>
    public static LtlFormula[]? StateFormulas(TransitionSemigroup semigroup, int maxStates = Budgets.DefaultMaxStates)
    {
        ArgumentNullException.ThrowIfNull(semigroup);
        var dfa = semigroup.Dfa;
        if (SemigroupChecks.FindAperiodicViolation(semigroup) is not null) return null;
        // Monoid ids: the semigroup's elements, plus one id for 1 when the identity is not the image of a non-empty word.
        int identity = semigroup.IdentityIndex >= 0 ? semigroup.IdentityIndex : semigroup.Count;
        var monoid = new AbstractMonoid(identity, semigroup.Multiply);
        long maxNodes = Math.Max(64, (long)maxStates * 64 / Math.Max(1, dfa.StateCount));
        var builder = new PastNodeBuilder(maxNodes, maxStates);
        var cache = new LevelCache(builder);
        // Symbols of equal image are one letter, named by the first of them (its atom is their disjunction).
        var groups = Enumerable.Range(0, dfa.SymbolCount).GroupBy(semigroup.Generator).ToList();
        var letters = groups.Select(g => g.First()).ToArray();
        var image = groups.Select(g => g.Key).ToArray();
        var atoms = groups.ToDictionary(g => g.First(), g => Ltl.Or(g.Select(a => Ltl.Atom(dfa.Alphabet[a]))));
        var top = cache.Level(monoid, letters, image, 0);
        var parts = new List<PastNode>[dfa.StateCount];
        for (int q = 0; q < dfa.StateCount; q++) parts[q] = [];
        foreach (int m in top.Reach)
        {
            int q = m == identity ? dfa.Start : semigroup.Element(m)[dfa.Start];
            parts[q].Add(top.Phi(m));
        }
        var converted = new Dictionary<int, LtlFormula>();
        return [.. parts.Select(p => ToLtl(builder.Or(p), atoms, converted))];
    }

    // The project's formula of a node (a top-level letter is the disjunction of its symbols; ⊤ S φ is P φ).
    private static LtlFormula ToLtl(PastNode f, Dictionary<int, LtlFormula> atoms, Dictionary<int, LtlFormula> done)
    {
        if (done.TryGetValue(f.Id, out var known)) return known;
        var r = f.Kind switch
        {
            PastNodeKind.True => Ltl.True,
            PastNodeKind.False => Ltl.False,
            PastNodeKind.Atom => atoms[f.Atom],
            PastNodeKind.Not => Ltl.Not(ToLtl(f.Left!, atoms, done)),
            PastNodeKind.And => Ltl.And(ToLtl(f.Left!, atoms, done), ToLtl(f.Right!, atoms, done)),
            PastNodeKind.Or => Ltl.Or(ToLtl(f.Left!, atoms, done), ToLtl(f.Right!, atoms, done)),
            PastNodeKind.Yesterday => Ltl.Yesterday(ToLtl(f.Left!, atoms, done)),
            _ => f.Left!.Kind == PastNodeKind.True
                ? Ltl.Past(ToLtl(f.Right!, atoms, done))
                : Ltl.Since(ToLtl(f.Left!, atoms, done), ToLtl(f.Right!, atoms, done)),
        };
        return done[f.Id] = r;
    }
}
