using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Algebra;
using FormalExpressivity.Classes.Internal;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Conditions;

/// <summary>
/// The DA pattern on the minimal DFA (no semigroup). DA is defined by the content identity u^ω v u^ω = u^ω for all
/// words with alph(v) ⊆ alph(u) (Almeida 1995; equivalent to (xy)^ω x (xy)^ω = (xy)^ω, Schützenberger 1976,
/// Thérien &amp; Wilke 1998). On states: L ∉ DA iff there are states q ≠ r and a non-empty word u with q·u = q and
/// r·u = r, and a word v with alph(v) ⊆ alph(u) and q·v = r (with e = u^ω: q·e v e = r ≠ q = q·e; conversely
/// s·e v e ≠ s·e gives q = s·e, r = q·v e, fixed by u^ω). This is the pattern MeSCaL (Place) tests.
/// </summary>
/// <remarks>
/// Decision: the pair (q, r) lies on a cycle of the pair graph (a C-node, <see cref="PairComponents"/>); one cycle
/// through it can use every letter of its pair component's alphabet B, so the test is "q reaches r with letters of
/// B", once per pair component (any pair of a component reaches any other inside it, so one representative
/// decides). O(m²·|Σ|) for the pairs plus one breadth-first search per component.
/// <para>
/// Certificate: the report needs words x, y with (xy)^ω x (xy)^ω ≠ (xy)^ω. They are searched among the words the
/// content identity is derived from (u, v, their ω-powers, the prefix of v where e·v₁·e first differs from e and
/// the rotations of u around its letter) and each candidate is checked by evaluation; when none works the caller
/// falls back to the semigroup search for the identity (the verdict is the pattern's either way).
/// </para>
/// </remarks>
public static class DAPattern
{
    /// <summary>A found pattern: q ≠ r fixed by u, q·v = r, alph(v) ⊆ alph(u); and a checked DA-identity violation when one was found.</summary>
    /// <param name="Q">The state q.</param>
    /// <param name="R">The state r.</param>
    /// <param name="U">A non-empty word fixing q and r.</param>
    /// <param name="V">A word over alph(U) leading q to r.</param>
    /// <param name="Witness">Words x, y violating the DA identity, or null when the candidates all failed.</param>
    public sealed record Pattern(int Q, int R, Word U, Word V, IdentityViolation? Witness);

    /// <summary>The DA pattern of a minimal DFA, or null when its language is in DA.</summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    /// <param name="maxPairs">Budget <c>max-pair-states</c>.</param>
    public static Pattern? Find(Dfa minimalDfa, long maxPairs)
    {
        ArgumentNullException.ThrowIfNull(minimalDfa);
        var dfa = minimalDfa;
        int k = dfa.SymbolCount;
        // A letter with a cycle of length ≥ 2 is already a pattern (x = y = a: a^{ω+1} ≠ a^ω), found in O(n·|Σ|).
        for (int a = 0; a < k; a++)
        {
            var w = Word.Of(a);
            if (IsViolated(dfa, w, w)) return new Pattern(-1, -1, w, w, Violation(w, w));
        }
        var pc = PairComponents.Compute(dfa, maxPairs);
        var done = new HashSet<int>();
        foreach (int q in pc.CyclicStates)
            foreach (int r in pc.CyclicStates)
            {
                int c = pc.ComponentOf(q, r);
                if (c < 0 || !done.Add(c)) continue;
                var v = PathOver(dfa, q, r, a => pc.HasLetter(c, a));
                if (v is null) continue;
                var u = pc.CycleWord(q, r);
                return new Pattern(q, r, u, v, Witness(dfa, u, v));
            }
        return null;
    }

    /// <summary>A shortest word over the allowed letters from <paramref name="from"/> to <paramref name="to"/>, or null.</summary>
    private static Word? PathOver(Dfa dfa, int from, int to, Func<int, bool> allowed)
    {
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var parent = new int[n];
        var via = new int[n];
        Array.Fill(parent, -2);
        parent[from] = -1;
        var queue = new Queue<int>();
        queue.Enqueue(from);
        while (queue.Count > 0)
        {
            int p = queue.Dequeue();
            if (p == to) break;
            for (int a = 0; a < k; a++)
            {
                if (!allowed(a)) continue;
                int x = dfa.Next(p, a);
                if (parent[x] != -2) continue;
                parent[x] = p;
                via[x] = a;
                queue.Enqueue(x);
            }
        }
        if (parent[to] == -2) return null;
        var symbols = new List<int>();
        for (int x = to; parent[x] != -1; x = parent[x]) symbols.Add(via[x]);
        symbols.Reverse();
        return Word.Of(symbols.ToArray());
    }

    private static IdentityViolation Violation(Word x, Word y) => new(Identities.DA, new Dictionary<string, Word> { ["x"] = x, ["y"] = y });

    private static bool IsViolated(Dfa dfa, Word x, Word y) => IdentityEvaluator.IsViolated(Identities.DA, new Dictionary<string, Word> { ["x"] = x, ["y"] = y }, dfa);

    /// <summary>Candidate words x, y for the DA identity, each checked by evaluation (see the remarks).</summary>
    private static IdentityViolation? Witness(Dfa dfa, Word u, Word v)
    {
        var e = u.Repeat(DfaPaths.IdempotentExponent(dfa, u));
        var eAction = DfaPaths.Action(dfa, e);
        var candidates = new List<(Word X, Word Y)> { (u, u) };
        if (v.Length > 0) candidates.Add((v, v));
        // The shortest prefix v₁ = s·a of v with e v₁ e ≠ e.
        int cut = -1;
        for (int i = 1; i <= v.Length && cut < 0; i++)
            if (!DfaPaths.Action(dfa, e.Concat(v.Slice(0, i)).Concat(e)).AsSpan().SequenceEqual(eAction)) cut = i;
        if (cut > 0)
        {
            var s = v.Slice(0, cut - 1);
            int a = v[cut - 1];
            var letter = Word.Of(a);
            if (s.Length > 0)
                candidates.AddRange([(e.Concat(s), letter.Concat(e)), (s, e.Concat(letter).Concat(e)), (e.Concat(s).Concat(e), letter.Concat(e)), (s.Concat(e), letter), (e.Concat(s), e.Concat(letter).Concat(e)), (s.Concat(letter), e)]);
            candidates.AddRange([(letter, e), (e.Concat(letter), e), (letter.Concat(e), e)]);
            // The rotations of u around each occurrence of the letter: u = p·a·t.
            for (int i = 0; i < u.Length; i++)
            {
                if (u[i] != a) continue;
                var p = u.Slice(0, i);
                var t = u.Slice(i + 1, u.Length - i - 1);
                if (t.Length > 0) candidates.Add((p.Append(a), t));
                if (p.Length > 0) candidates.Add((p, letter.Concat(t)));
                if (t.Length + p.Length > 0) candidates.Add((letter, t.Concat(p)));
                if (p.Length > 0) candidates.Add((letter.Concat(t), p));
                candidates.Add((letter, t.Concat(e).Concat(p)));
                candidates.Add((e.Concat(p).Append(a), t.Concat(e)));
            }
        }
        candidates.AddRange([(u.Concat(v), u), (v.Concat(u), u), (u, v.Concat(u)), (e.Concat(v), e), (v.Concat(e), e), (e, v.Concat(e))]);
        foreach (var (x, y) in candidates)
            if (x.Length > 0 && y.Length > 0 && IsViolated(dfa, x, y)) return Violation(x, y);
        return null;
    }
}
