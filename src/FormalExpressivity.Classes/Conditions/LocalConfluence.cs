using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Algebra;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Classes.Conditions;

/// <summary>
/// Klíma &amp; Polák (2013), "Alternative automata characterization of piecewise testable languages": a
/// language is piecewise testable (J-trivial syntactic monoid, Simon 1975) iff its minimal DFA is partially
/// ordered and <em>locally confluent</em> — for every state q and letters a, b there is a word
/// w ∈ {a,b}* with q·a·w = q·b·w. On a partially ordered DFA (R-trivial, Brzozowski–Fich) this decides
/// J = R ∩ L, hence also L, without the semigroup.
/// </summary>
/// <remarks>
/// Per pair of letters B = {a, b} the pair graph (p, p′) → (p·c, p′·c), c ∈ B, is acyclic apart from
/// fixed pairs (both coordinates only move up the partial order), so "joinable" — some w ∈ B* meets the
/// two states — is a memoized depth-first search, O(|Σ|²·pairs visited), bounded by <c>max-pair-states</c>.
/// <para>
/// Refutation (an L-violation): if q·a and q·b cannot be joined, let N be large enough that (ab)^N leads
/// both to states r₁ ≠ r₂ fixed by a and b (on a partially ordered DFA s·ab = s forces s·a = s·b = s).
/// With x = a(ab)^N and y = b(ab)^N: q·x = r₁ and r₁·y = r₁, so q·(xy)^ω = r₁, while q·y(xy)^ω = r₂·(xy)^ω = r₂:
/// y (xy)^ω ≠ (xy)^ω.
/// </para>
/// </remarks>
public static class LocalConfluence
{
    /// <summary>
    /// For a partially ordered complete DFA: null when it is locally confluent, else the violated identity
    /// y (xy)^ω = (xy)^ω (<see cref="Identities.LTrivial"/>) built from the least non-confluent state and letters.
    /// </summary>
    /// <param name="dfa">A partially ordered complete DFA (for the language's classes: the minimal one).</param>
    /// <param name="maxPairs">Budget <c>max-pair-states</c>: the most state pairs memoized per pair of letters.</param>
    /// <exception cref="BudgetExceededException">More than <paramref name="maxPairs"/> pairs were needed.</exception>
    /// <exception cref="ArgumentException">The DFA is not partially ordered.</exception>
    public static IdentityViolation? FindViolation(Dfa dfa, long maxPairs)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        int n = dfa.StateCount, k = dfa.SymbolCount;
        FormalExpressivity.Automata.Graphs.StronglyConnected.Tarjan(dfa.Table, n, k, out int components);
        if (components != n) throw new ArgumentException("local confluence decides PT only on a partially ordered DFA", nameof(dfa));
        for (int a = 0; a < k; a++)
            for (int b = a + 1; b < k; b++)
            {
                var memo = new Dictionary<long, bool>();
                for (int q = 0; q < n; q++)
                    if (!Joinable(dfa, dfa.Next(q, a), dfa.Next(q, b), a, b, memo, maxPairs))
                        return Violation(dfa, q, a, b);
            }
        return null;
    }

    /// <summary>Is there w ∈ {a,b}* with p·w = p′·w? Iterative depth-first search over the acyclic pair graph.</summary>
    private static bool Joinable(Dfa dfa, int p, int p2, int a, int b, Dictionary<long, bool> memo, long maxPairs)
    {
        long n = dfa.StateCount;
        long Key(int x, int y) => x < y ? x * n + y : y * n + x;
        if (p == p2) return true;
        if (memo.TryGetValue(Key(p, p2), out bool known)) return known;
        // Frames: the pair and the next letter to try (0: a, 1: b, 2: done).
        var stack = new Stack<(int X, int Y, int Next)>();
        stack.Push((p, p2, 0));
        bool result = false;
        while (stack.Count > 0)
        {
            var (x, y, next) = stack.Pop();
            if (next == 2)
            {
                memo[Key(x, y)] = result = false;
                continue;
            }
            int c = next == 0 ? a : b;
            int x2 = dfa.Next(x, c), y2 = dfa.Next(y, c);
            stack.Push((x, y, next + 1));
            if ((x2 == x && y2 == y) || (x2 == y && y2 == x)) continue;
            bool? child = x2 == y2 ? true : memo.TryGetValue(Key(x2, y2), out bool m) ? m : null;
            if (child is null)
            {
                if (memo.Count >= maxPairs)
                    throw new BudgetExceededException("max-pair-states", maxPairs, $"the local-confluence pairs of a {n}-state DFA");
                stack.Push((x2, y2, 0));
                continue;
            }
            if (child == true)
            {
                // A path to the diagonal: every pair on the stack is joinable.
                foreach (var (sx, sy, _) in stack) memo[Key(sx, sy)] = true;
                return true;
            }
        }
        return result;
    }

    private static IdentityViolation Violation(Dfa dfa, int q, int a, int b)
    {
        int Rounds(int s)
        {
            int r = 0;
            while (dfa.Next(s, a) != s || dfa.Next(s, b) != s)
            {
                s = dfa.Next(dfa.Next(s, a), b);
                r++;
            }
            return r;
        }
        int rounds = Math.Max(Rounds(dfa.Next(q, a)), Rounds(dfa.Next(q, b)));
        var ab = Word.Of(a, b).Repeat(rounds);
        return new IdentityViolation(Identities.LTrivial, new Dictionary<string, Word>
        {
            ["x"] = Word.Of(a).Concat(ab),
            ["y"] = Word.Of(b).Concat(ab),
        });
    }
}
