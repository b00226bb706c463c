using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Graphs;
using FormalExpressivity.Classes.Algebra;
using FormalExpressivity.Classes.Conditions;
using FormalExpressivity.Classes.Internal;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Deciders;

/// <summary>R-trivial languages = left-deterministic polynomials = LTL[P] = global (strict) attention.</summary>
/// <remarks>
/// Brzozowski &amp; Fich (1980): L has an R-trivial syntactic monoid iff its minimal DFA is partially
/// ordered — every strongly connected component is a single state (self-loops allowed). Semigroup twin
/// (Eilenberg): (xy)^ω x = (xy)^ω. In: Σ*aΣ*bΣ* over {a,b,c}. Out: (ab)* (states 0 and 1 form a cycle).
/// </remarks>
public static class RTrivialDecider
{
    /// <summary>Decides R by the partial-order test on the minimal DFA, O(n·|Σ|); no semigroup is built.</summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    /// <param name="options">Witness padding.</param>
    public static ClassVerdict Decide(Dfa minimalDfa, DeciderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(minimalDfa);
        options ??= DeciderOptions.Default;
        var dfa = minimalDfa;
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var comp = StronglyConnected.Tarjan(dfa.Table, n, k, out int count);
        if (count == n)
            return new ClassVerdict(LanguageClass.R, true, null,
                new ClassMembership("minimal DFA partially ordered (Brzozowski–Fich 1980)", $"{n} states, every strongly connected component a single state"));
        // The least state p with a transition p·a = q ≠ p inside its component.
        for (int p = 0; p < n; p++)
            for (int a = 0; a < k; a++)
            {
                int q = dfa.Next(p, a);
                if (q != p && comp[q] == comp[p])
                    return new ClassVerdict(LanguageClass.R, false, null, NonMembership(dfa, p, q, options.WitnessPadding));
            }
        throw new InvalidOperationException("a component of two or more states has an internal edge");
    }

    /// <summary>
    /// Evidence from p ≠ q in one component: s leads p to q, t leads q to p, u reaches p, v separates
    /// p from q. Then p·(st)^ω = p but p·(st)^ω s = q, and u(st)^K s v, u(st)^K v lie on opposite sides.
    /// </summary>
    private static ClassEvidence NonMembership(Dfa dfa, int p, int q, int padding)
    {
        var s = DfaPaths.Between(dfa, p, q)!;
        var t = DfaPaths.Between(dfa, q, p)!;
        var u = DfaPaths.AccessWord(dfa, p)!;
        var v = DfaPaths.Separating(dfa, p, q)!;
        int reps = Math.Max(1, padding);
        var loop = u.Concat(s.Concat(t).Repeat(reps));
        var withS = loop.Concat(s).Concat(v);
        var without = loop.Concat(v);
        bool sIn = dfa.Accepts(withS);
        var identity = new IdentityViolation(Identities.RTrivial, new Dictionary<string, Word> { ["x"] = s, ["y"] = t });
        var pair = new WitnessPair(sIn ? withS : without, sIn ? without : withS, "LTL[P]", reps - 1);
        return new EvidenceSet([identity, pair]);
    }

    /// <summary>Decides R by the identity (xy)^ω x = (xy)^ω over S, via Green's relation: S is R-trivial iff every R-class is a singleton.</summary>
    /// <param name="semigroup">The transition semigroup of the minimal DFA.</param>
    public static ClassVerdict DecideBySemigroup(TransitionSemigroup semigroup)
    {
        ArgumentNullException.ThrowIfNull(semigroup);
        var v = SemigroupChecks.FindRViolation(semigroup);
        if (v is null)
            return new ClassVerdict(LanguageClass.R, true, null,
                new ClassMembership("(xy)^ω x = (xy)^ω: every R-class of S a singleton", $"{semigroup.Count} elements"));
        return new ClassVerdict(LanguageClass.R, false, null, v);
    }
}
