using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Conditions;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Exact;

/// <summary>
/// Proof that L is not star-free (so not recognized by unique-hard attention, LTL[S] = FO[&lt;]):
/// with ω the idempotent exponent of x, s·x^{ωj}·z and s·x^{ωj+1}·z lie on different sides of L for every
/// j ≥ 1, and for ωj ≥ 2^r they agree on every FO[&lt;] sentence of quantifier rank ≤ r, because
/// u^n ≡_r u^{n+1} for n ≥ 2^r and ≡_r is a congruence (Ehrenfeucht–Fraïssé games; see Diekert &amp;
/// Gastin, "First-order definable languages", 2008). docs/theory.md §Pumping.
/// </summary>
/// <param name="Prefix">s.</param>
/// <param name="Loop">x.</param>
/// <param name="Omega">ω ≥ 1 with x^ω idempotent on the DFA.</param>
/// <param name="Suffix">z.</param>
public sealed record PumpingCertificate(Word Prefix, Word Loop, int Omega, Word Suffix) : ClassEvidence
{
    /// <summary>From a word x with x^ω·x ≠ x^ω: s reaches a state q with q·x^ω ≠ q·x^{ω+1}, z separates them; null when x satisfies the identity.</summary>
    /// <param name="dfa">A DFA for L.</param>
    /// <param name="x">A non-empty word.</param>
    public static PumpingCertificate? FromViolation(Dfa dfa, Word x)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        ArgumentNullException.ThrowIfNull(x);
        var minimal = Automata.Operations.Minimization.Minimize(dfa);
        int omega = DfaPaths.IdempotentExponent(minimal, x);
        var e = DfaPaths.Action(minimal, x.Repeat(omega));
        var ex = DfaPaths.Action(minimal, x.Repeat(omega + 1));
        for (int q = 0; q < minimal.StateCount; q++)
        {
            if (e[q] == ex[q]) continue;
            var s = DfaPaths.Between(minimal, minimal.Start, q);
            if (s is null) continue;
            return new PumpingCertificate(s, x, omega, DfaPaths.Separating(minimal, e[q], ex[q])!);
        }
        return null;
    }

    /// <summary>The pair for quantifier rank r: n = ωj ≥ 2^r (j ≥ 1); s·xⁿ·z and s·xⁿ⁺¹·z.</summary>
    /// <param name="rank">r ≥ 0 (at most 20).</param>
    public (Word A, Word B) WordsFor(int rank)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rank, 20);
        int j = Math.Max(1, ((1 << rank) + Omega - 1) / Omega);
        int n = Omega * j;
        return (Prefix.Concat(Loop.Repeat(n)).Concat(Suffix), Prefix.Concat(Loop.Repeat(n + 1)).Concat(Suffix));
    }

    /// <summary>Null when valid: q = start·s·x^ω is fixed by x^ω (so start·s·x^{ωj} = q for every j ≥ 1) and q·z, q·x·z differ in membership.</summary>
    /// <param name="dfa">A DFA for L.</param>
    public string? Check(Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        if (Loop.Length == 0 || Omega < 1) return "the loop is empty or ω < 1";
        int q = dfa.Run(Prefix.Symbols);
        var e = Loop.Repeat(Omega);
        int qe = dfa.Run(q, e.Symbols);
        if (dfa.Run(qe, e.Symbols) != qe) return "x^ω is not idempotent at s's state";
        bool a = dfa.IsAccepting(dfa.Run(qe, Suffix.Symbols));
        bool b = dfa.IsAccepting(dfa.Run(dfa.Run(qe, Loop.Symbols), Suffix.Symbols));
        return a != b ? null : "s·x^ω·z and s·x^(ω+1)·z are on the same side of L";
    }
}
