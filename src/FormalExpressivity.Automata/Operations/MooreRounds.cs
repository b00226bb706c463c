namespace FormalExpressivity.Automata.Operations;

/// <summary>
/// Rounds of Moore's refinement (Moore 1956) on a flat complete table, with the signatures
/// (class of q, class of δ(q, a) for every a) hashed into one open-addressing table of state
/// numbers — no allocation per round or per state. Round r computes the partition by words of
/// length ≤ r (Nerode's equivalence up to r), so the rounds stop as soon as the class count stays
/// the same (the partition is then a congruence) or every class is a singleton.
/// On uniformly random DFAs the expected number of rounds is O(log log n) (Bassino, David and Nicaud,
/// "On the average complexity of Moore's state minimization algorithm", STACS 2009): six rounds for
/// 10⁶ states, each a sequential sweep. Chains need n rounds, so <see cref="Minimization"/> stops after a
/// few and lets Hopcroft's algorithm finish from the partition reached.
/// </summary>
internal static class MooreRounds
{
    /// <summary>
    /// Refines <paramref name="classOf"/> (class numbers 0 .. <paramref name="classes"/> − 1) in place by at most
    /// <paramref name="maxRounds"/> rounds; returns the new class count. <paramref name="stable"/> is true when
    /// the result is a congruence (the coarsest one refining the start partition).
    /// </summary>
    public static int Refine(ReadOnlySpan<int> table, int k, int[] classOf, int classes, int maxRounds, out bool stable)
    {
        int n = classOf.Length;
        stable = classes == n;
        if (stable || maxRounds <= 0) return classes;
        int capacity = 1;
        while (capacity < 2 * n) capacity <<= 1;
        int mask = capacity - 1;
        var slots = new int[capacity]; // 0 = empty, else 1 + a representative state of the new class
        var next = new int[n];
        var cls = classOf;
        for (int round = 0; round < maxRounds; round++)
        {
            if (round > 0) Array.Clear(slots);
            int ids = 0;
            for (int q = 0; q < n; q++)
            {
                int c = cls[q], row = q * k;
                uint h = (uint)c * 0x9E3779B1u;
                for (int a = 0; a < k; a++) h = (h ^ (uint)cls[table[row + a]]) * 0x85EBCA77u;
                h ^= h >> 15;
                int i = (int)(h & (uint)mask);
                while (true)
                {
                    int s = slots[i];
                    if (s == 0)
                    {
                        slots[i] = q + 1;
                        next[q] = ids++;
                        break;
                    }
                    int p = s - 1;
                    if (cls[p] == c && SameSuccessorClasses(table, k, cls, p * k, row))
                    {
                        next[q] = next[p];
                        break;
                    }
                    i = (i + 1) & mask;
                }
            }
            (cls, next) = (next, cls);
            bool done = ids == classes || ids == n;
            classes = ids;
            if (done)
            {
                stable = true;
                break;
            }
        }
        if (!ReferenceEquals(cls, classOf)) cls.CopyTo(classOf, 0);
        return classes;
    }

    private static bool SameSuccessorClasses(ReadOnlySpan<int> table, int k, int[] cls, int rowP, int rowQ)
    {
        for (int a = 0; a < k; a++)
            if (cls[table[rowP + a]] != cls[table[rowQ + a]]) return false;
        return true;
    }
}
