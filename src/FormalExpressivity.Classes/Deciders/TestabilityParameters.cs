using FormalExpressivity.Automata;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Classes.Deciders;

/// <summary>
/// The least k of k-locally-testable and k-piecewise-testable languages, by the defining congruences:
/// L is k-testable iff membership is a function of the k-abstraction of the word, which is checked by
/// exploring the product of the minimal DFA with the (deterministic) automaton computing that
/// abstraction and requiring every reached abstraction to meet only accepting or only rejecting states.
/// Budget: <c>max-parameter-states</c> product states.
/// </summary>
public static partial class TestabilityParameters
{
    private const int MaxAbstractionBits = 1 << 16;

    /// <summary>
    /// Whether L is k-locally testable (Brzozowski–Simon 1973, McNaughton 1974): membership depends only
    /// on the prefix and suffix of length k − 1 and the set of factors of length k (a word shorter than
    /// k − 1 is its own abstraction).
    /// </summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    /// <param name="k">k ≥ 1.</param>
    /// <param name="maxStates">Budget <c>max-parameter-states</c>.</param>
    public static bool IsLocallyTestable(Dfa minimalDfa, int k, int maxStates)
    {
        ArgumentNullException.ThrowIfNull(minimalDfa);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        int m = minimalDfa.SymbolCount;
        // Compared as doubles first: m^k overflows a long for large k.
        if (Math.Pow(m, k) > MaxAbstractionBits) throw new BudgetExceededException("max-parameter-states", maxStates, $"the {k}-factor sets over {m} symbols");
        long factors = (long)Math.Pow(m, k);
        long windowMod = (long)Math.Pow(m, k - 1);
        if (factors > MaxAbstractionBits) throw new BudgetExceededException("max-parameter-states", maxStates, $"the {k}-factor sets over {m} symbols");
        int words = (int)((factors + 63) / 64);
        // Key layout: [prefixLen, prefixVal, window, factor bits…]; prefix keeps the first k−1 symbols.
        ulong[] Step(ulong[] key, int a)
        {
            var r = (ulong[])key.Clone();
            long len = (long)key[0];
            if (len < k - 1) { r[0] = (ulong)(len + 1); r[1] = key[1] * (ulong)m + (ulong)a; }
            if (len >= k - 1)
            {
                long factor = (long)key[2] * m + a;
                r[3 + factor / 64] |= 1UL << (int)(factor % 64);
            }
            r[2] = windowMod == 1 ? 0 : (ulong)(((long)key[2] * m + a) % windowMod);
            return r;
        }
        return FunctionOfAbstraction(minimalDfa, new ulong[3 + words], Step, maxStates);
    }

    /// <summary>
    /// Whether L is k-piecewise testable (Simon 1975): membership depends only on the set of (scattered)
    /// subwords of length ≤ k.
    /// </summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    /// <param name="k">k ≥ 0.</param>
    /// <param name="maxStates">Budget <c>max-parameter-states</c>.</param>
    public static bool IsPiecewiseTestable(Dfa minimalDfa, int k, int maxStates)
    {
        ArgumentNullException.ThrowIfNull(minimalDfa);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        int m = minimalDfa.SymbolCount;
        // Words of length ≤ k numbered by length then value: offset[ℓ] + value.
        // Checked before the table is built: m^k overflows a long for large k (the search may start at a k in the thousands).
        long total = 0, pow = 1;
        for (int l = 0; l <= k && total <= MaxAbstractionBits; l++) { total += pow; pow = Math.Min(pow * m, MaxAbstractionBits + 1L); }
        if (total > MaxAbstractionBits) throw new BudgetExceededException("max-parameter-states", maxStates, $"the subword sets of length ≤ {k} over {m} symbols");
        var offset = new long[k + 2];
        pow = 1;
        for (int l = 0; l <= k; l++) { offset[l + 1] = offset[l] + pow; pow *= m; }
        int words = (int)((total + 63) / 64);
        ulong[] Step(ulong[] key, int a)
        {
            var r = (ulong[])key.Clone();
            for (int l = 0; l < k; l++)
                for (long v = 0; v < offset[l + 1] - offset[l]; v++)
                {
                    long id = offset[l] + v;
                    if ((key[id / 64] >> (int)(id % 64) & 1) == 0) continue;
                    long child = offset[l + 1] + v * m + a;
                    r[child / 64] |= 1UL << (int)(child % 64);
                }
            return r;
        }
        var start = new ulong[words];
        start[0] = 1; // ε
        return FunctionOfAbstraction(minimalDfa, start, Step, maxStates);
    }

    /// <summary>The least k ≥ 1 with L k-locally testable, trying k = 1, 2, … up to <paramref name="maxK"/>; null when none is found within the budget.</summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    /// <param name="maxK">The largest k tried.</param>
    /// <param name="maxStates">Budget <c>max-parameter-states</c>.</param>
    public static int? LeastLocallyTestableK(Dfa minimalDfa, int maxK, int maxStates) => LeastLocallyTestableK(minimalDfa, maxK, maxStates, out _);

    /// <summary>As <see cref="LeastLocallyTestableK(Dfa, int, int)"/>; <paramref name="budgetExceeded"/> tells whether the search stopped on the budget rather than after refuting every k ≤ <paramref name="maxK"/>.</summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    /// <param name="maxK">The largest k tried.</param>
    /// <param name="maxStates">Budget <c>max-parameter-states</c>.</param>
    /// <param name="budgetExceeded">True when the budget ended the search.</param>
    public static int? LeastLocallyTestableK(Dfa minimalDfa, int maxK, int maxStates, out bool budgetExceeded)
    {
        budgetExceeded = false;
        try
        {
            return LeastMonotone(1, maxK, k => IsLocallyTestable(minimalDfa, k, maxStates));
        }
        catch (BudgetExceededException) { budgetExceeded = true; }
        return null;
    }

    /// <summary>
    /// A lower bound on the least k of a piecewise testable language, read off its minimal DFA in O(|Q|·|Σ|): x·a^j·y and
    /// x·a^(j+1)·y have the same subwords of length ≤ j (a subword takes at most j letters of the block), so when
    /// q·a^j ≠ q·a^(j+1) for a state q — reached by some x, and the two states separated by some y, the DFA being minimal —
    /// L is not j-piecewise testable (Simon 1975's congruence). The bound is the largest such j + 1 over all states and
    /// letters: the number t of a-steps from q to an a-fixpoint (q·a^t = q·a^(t+1), q·a^(t−1) ≠ q·a^t). Letters whose
    /// a-paths enter a longer cycle (never in a PT language) give no bound. Also returns the state and letter of the bound
    /// (−1 when it is 0).
    /// </summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    public static (int Bound, int State, int Symbol) PiecewiseLowerBound(Dfa minimalDfa)
    {
        ArgumentNullException.ThrowIfNull(minimalDfa);
        int n = minimalDfa.StateCount;
        var steps = new int[n];
        var path = new List<int>();
        (int Bound, int State, int Symbol) best = (0, -1, -1);
        for (int a = 0; a < minimalDfa.SymbolCount; a++)
        {
            // steps[q]: −1 unknown, −2 on the current path, −3 no fixpoint (a cycle), else the steps to the fixpoint.
            Array.Fill(steps, -1);
            for (int q0 = 0; q0 < n; q0++)
            {
                path.Clear();
                int q = q0;
                while (steps[q] == -1)
                {
                    int next = minimalDfa.Next(q, a);
                    if (next == q) { steps[q] = 0; break; }
                    steps[q] = -2;
                    path.Add(q);
                    q = next;
                }
                int t = steps[q] is -2 or -3 ? -3 : steps[q];
                for (int i = path.Count - 1; i >= 0; i--)
                {
                    t = t < 0 ? -3 : t + 1;
                    steps[path[i]] = t;
                    if (t > best.Bound) best = (t, path[i], a);
                }
            }
        }
        return best;
    }

    /// <summary>
    /// The least k in [<paramref name="lo"/>, <paramref name="hi"/>] with <paramref name="test"/>(k), for a test that is
    /// monotone in k (LT_k ⊆ LT_{k+1}, PT_k ⊆ PT_{k+1}); null when even <paramref name="hi"/> fails. A failing test
    /// usually stops at its first conflict while a succeeding one explores the whole product, so k = lo, …, lo + 15
    /// are tried in turn; beyond, galloping (lo + 16, +32, +64, …) until a success and bisection below it, so a
    /// large k (a^998 has PT k = 999) costs O(log k) tests instead of k.
    /// </summary>
    internal static int? LeastMonotone(int lo, int hi, Func<int, bool> test)
    {
        const int Linear = 16;
        if (lo > hi) return null;
        int failed = lo - 1, step = Linear, k = lo;
        while (!test(k))
        {
            failed = k;
            if (k == hi) return null;
            k = (int)Math.Min(hi, k - lo + 1 < Linear ? k + 1L : (long)k + step);
            if (k - lo + 1 > Linear) step *= 2;
        }
        // test(k) holds and every value ≤ failed fails: bisect in (failed, k].
        while (k - failed > 1)
        {
            int mid = failed + (k - failed) / 2;
            if (test(mid)) k = mid; else failed = mid;
        }
        return k;
    }

    private static bool FunctionOfAbstraction(Dfa dfa, ulong[] start, Func<ulong[], int, ulong[]> step, int maxStates)
    {
        var verdict = new Dictionary<ulong[], bool>(KeyComparer.Instance);
        var seen = new HashSet<(int, ulong[])>(new PairComparer());
        var queue = new Queue<(int, ulong[])>();
        queue.Enqueue((dfa.Start, start));
        seen.Add((dfa.Start, start));
        while (queue.Count > 0)
        {
            var (q, key) = queue.Dequeue();
            bool acc = dfa.IsAccepting(q);
            if (verdict.TryGetValue(key, out var prior)) { if (prior != acc) return false; }
            else verdict[key] = acc;
            for (int a = 0; a < dfa.SymbolCount; a++)
            {
                var next = (dfa.Next(q, a), step(key, a));
                if (!seen.Add(next)) continue;
                if (seen.Count > maxStates) throw new BudgetExceededException("max-parameter-states", maxStates, "the k-testability product automaton");
                queue.Enqueue(next);
            }
        }
        return true;
    }

    private sealed class KeyComparer : IEqualityComparer<ulong[]>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals(ulong[]? x, ulong[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(ulong[] obj)
        {
            var h = new HashCode();
            foreach (var w in obj) h.Add(w);
            return h.ToHashCode();
        }
    }

    private sealed class PairComparer : IEqualityComparer<(int, ulong[])>
    {
        public bool Equals((int, ulong[]) x, (int, ulong[]) y) => x.Item1 == y.Item1 && KeyComparer.Instance.Equals(x.Item2, y.Item2);

        public int GetHashCode((int, ulong[]) obj) => HashCode.Combine(obj.Item1, KeyComparer.Instance.GetHashCode(obj.Item2));
    }
}
