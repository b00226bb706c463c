using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Certificates;
using FormalExpressivity.Classes.Conditions;
using FormalExpressivity.Classes.Types;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Synthesis;

/// <summary>
/// Families of word pairs (u_K ∈ L, v_K ∉ L) built from a violated class condition; a pair is
/// reported only after <see cref="TypeChecker"/> confirms equal depth-r types at N+1.
/// </summary>
public static class WitnessFamilies
{
    /// <summary>R-trivial violated (cycle p·s = q, q·t = p): w·(st)^K·s·z and w·(st)^K·z, w leading to p, z separating p from q.</summary>
    /// <param name="dfa">The minimal DFA.</param>
    /// <param name="cycle">The cycle.</param>
    /// <param name="k">The repetition K ≥ 0.</param>
    public static (Word In, Word Out) RTrivial(Dfa dfa, StateCycle cycle, int k)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        ArgumentNullException.ThrowIfNull(cycle);
        var w = DfaPaths.Between(dfa, dfa.Start, cycle.P)!;
        var z = DfaPaths.Separating(dfa, cycle.P, cycle.Q)!;
        var loop = w.Concat(cycle.X.Concat(cycle.Y).Repeat(k));
        return Order(dfa, loop.Concat(cycle.X).Concat(z), loop.Concat(z));
    }

    /// <summary>Not definite (p·z = p, q·z = q): w_p·z^K·v and w_q·z^K·v, a common long suffix.</summary>
    /// <param name="dfa">The minimal DFA.</param>
    /// <param name="cycle">The pair cycle.</param>
    /// <param name="k">The repetition K ≥ 0.</param>
    public static (Word In, Word Out) Definite(Dfa dfa, PairCycle cycle, int k)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        ArgumentNullException.ThrowIfNull(cycle);
        var wp = DfaPaths.Between(dfa, dfa.Start, cycle.P)!;
        var wq = DfaPaths.Between(dfa, dfa.Start, cycle.Q)!;
        var v = DfaPaths.Separating(dfa, cycle.P, cycle.Q)!;
        var tail = cycle.Z.Repeat(k).Concat(v);
        return Order(dfa, wp.Concat(tail), wq.Concat(tail));
    }

    /// <summary>
    /// Not LR (theory.md §5): with e = u^m idempotent, X = e^K·x·u·e^K (p·X = q), Y = e^K·y·u·e^K (q·Y = p),
    /// s leading to p and z separating p from q: s·(XY)^K·X·z and s·(XY)^K·z.
    /// </summary>
    /// <param name="dfa">The minimal DFA.</param>
    /// <param name="c">The forbidden configuration.</param>
    /// <param name="k">The padding and repetition K ≥ 0.</param>
    /// <param name="padFactor">Pads with e^(K·padFactor) (use the window size, so k-local heads see only e around each X and Y).</param>
    public static (Word In, Word Out) LocallyRTrivial(Dfa dfa, LrConfiguration c, int k, int padFactor = 1)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        ArgumentNullException.ThrowIfNull(c);
        var e = Idempotent(dfa, c.U);
        var pad = e.Repeat(k * Math.Max(1, padFactor));
        var x = pad.Concat(c.X).Concat(c.U).Concat(pad);
        var y = pad.Concat(c.Y).Concat(c.U).Concat(pad);
        var s = DfaPaths.Between(dfa, dfa.Start, c.P)!;
        var z = DfaPaths.Separating(dfa, c.P, c.Q)!;
        var prefix = s.Concat(x.Concat(y).Repeat(k));
        return Order(dfa, prefix.Concat(x).Concat(z), prefix.Concat(z));
    }

    /// <summary>e = u^m, the idempotent power of u.</summary>
    /// <param name="dfa">The DFA.</param>
    /// <param name="u">A non-empty word.</param>
    public static Word Idempotent(Dfa dfa, Word u) => u.Repeat(DfaPaths.IdempotentExponent(dfa, u));

    /// <summary>The first pair of the family (K = 0, 1, …, <paramref name="maxK"/>) whose words agree on every formula of depth ≤ <paramref name="depth"/>, or null.</summary>
    /// <param name="fragment">The fragment.</param>
    /// <param name="symbolCount">|Σ|.</param>
    /// <param name="family">K ↦ (u ∈ L, v ∉ L).</param>
    /// <param name="depth">r.</param>
    /// <param name="maxK">The largest K tried.</param>
    public static WitnessPair? FirstVerified(TypeFragment fragment, int symbolCount, Func<int, (Word In, Word Out)> family, int depth, int maxK)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        ArgumentNullException.ThrowIfNull(family);
        for (int k = 0; k <= maxK; k++)
        {
            var (u, v) = family(k);
            if (TypeChecker.Agree(fragment, symbolCount, u, v, depth)) return new WitnessPair(u, v, fragment.Name, depth);
        }
        return null;
    }

    private static (Word, Word) Order(Dfa dfa, Word a, Word b)
    {
        bool inA = dfa.Accepts(a), inB = dfa.Accepts(b);
        if (inA == inB) throw new InvalidOperationException("internal error: the witness family does not separate L");
        return inA ? (a, b) : (b, a);
    }
}
