using FormalExpressivity.Core.Collections;

namespace FormalExpressivity.Automata.Operations;

/// <summary>
/// Minimization by partition refinement, O(n·|Σ|·log n): a few of Moore's rounds (<see cref="MooreRounds"/>,
/// the fast path on typical inputs), then Hopcroft's algorithm (Hopcroft 1971) from the partition they
/// reached — splitters, re-queuing only the smaller half of every split block. The result is renumbered
/// canonically (<see cref="Canonical"/>), so equal languages give identical tables.
/// Twin: <see cref="MooreMinimization"/> (and either path alone, forced in the tests).
/// </summary>
public static class Minimization
{
    /// <summary>The canonical minimal complete DFA of L(<paramref name="dfa"/>).</summary>
    /// <param name="dfa">Any complete DFA.</param>
    public static Dfa Minimize(this Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        if (dfa.IsKnownMinimal) return dfa;
        // Refine only the reachable part, renumbered in BFS order (smaller and more local).
        var reach = dfa.IsCanonical() ? dfa : dfa.Canonicalize();
        var classOf = HopcroftPartition(reach, out int classes);
        return CanonicalQuotient(reach, classOf, classes);
    }

    /// <summary>
    /// The quotient by <paramref name="classOf"/> restricted to the classes reachable from the start
    /// class, numbered in BFS order with symbols in declared order — i.e. <c>Canonicalize(Quotient(dfa))</c>
    /// in one pass, reading each class's transitions from one representative state (any member will
    /// do, because the partition is a congruence).
    /// </summary>
    private static Dfa CanonicalQuotient(Dfa dfa, int[] classOf, int classes)
    {
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var table = dfa.Table;
        var representative = new int[classes];
        Array.Fill(representative, -1);
        for (int q = n - 1; q >= 0; q--) representative[classOf[q]] = q;
        var number = new int[classes];
        Array.Fill(number, -1);
        var order = new int[classes];
        int count = 0;
        int startClass = classOf[dfa.Start];
        number[startClass] = 0;
        order[count++] = startClass;
        var result = new int[classes * k];
        for (int head = 0; head < count; head++)
        {
            int rep = representative[order[head]];
            int row = rep * k, outRow = head * k;
            for (int a = 0; a < k; a++)
            {
                int c = classOf[table[row + a]];
                int id = number[c];
                if (id < 0)
                {
                    id = number[c] = count;
                    order[count++] = c;
                }
                result[outRow + a] = id;
            }
        }
        if (count < classes) Array.Resize(ref result, count * k);
        var acc = new BitSet(count);
        for (int i = 0; i < count; i++) if (dfa.IsAccepting(representative[order[i]])) acc.Add(i);
        return Dfa.CreateUnchecked(dfa.Alphabet, 0, result, acc).AsKnownMinimal();
    }

    /// <summary>The coarsest partition of the states of <paramref name="dfa"/> that respects δ and acceptance.</summary>
    /// <param name="dfa">A complete DFA (all states reachable or not).</param>
    /// <param name="classCount">Number of classes.</param>
    /// <param name="mooreRounds">At most this many Moore rounds before Hopcroft's algorithm takes over
    /// (<see cref="DefaultMooreRounds"/>; 0 runs Hopcroft's algorithm alone, a large value Moore's alone). The partition does not depend on it.</param>
    /// <returns>The class of every state.</returns>
    public static int[] HopcroftPartition(Dfa dfa, out int classCount, int mooreRounds = DefaultMooreRounds)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        ArgumentOutOfRangeException.ThrowIfNegative(mooreRounds);
        return HopcroftPartition(dfa.Table, dfa.SymbolCount, dfa.IsAccepting, out classCount, mooreRounds);
    }

    /// <summary>
    /// Moore rounds run first, at most this many (<see cref="MooreRounds"/>): on random DFAs they reach the
    /// coarsest congruence in about six sequential sweeps, several times faster than Hopcroft's marking;
    /// on the rest (chains need one round per state) Hopcroft's algorithm finishes from where they stopped.
    /// </summary>
    public const int DefaultMooreRounds = 12;

    /// <summary>
    /// <see cref="HopcroftPartition(Dfa, out int, int)"/> on a bare complete table of <c>table.Length / k</c>
    /// states (used by constructions whose automata are not <see cref="Dfa"/>s, e.g. FO track automata).
    /// At most <paramref name="mooreRounds"/> Moore rounds refine {F, Q∖F} first; Hopcroft's algorithm
    /// completes the refinement unless they already reached a congruence (the tests force either path).
    /// </summary>
    internal static int[] HopcroftPartition(ReadOnlySpan<int> table, int k, Func<int, bool> isAccepting, out int classCount, int mooreRounds = DefaultMooreRounds)
    {
        int n = table.Length / k;
        // {F, Q∖F}, numbered in order of first occurrence (one class when all states agree).
        var classOf = new int[n];
        int classes = 0;
        if (n > 0)
        {
            bool firstAccepts = isAccepting(0);
            for (int q = 0; q < n; q++)
                if (isAccepting(q) != firstAccepts) { classOf[q] = 1; classes = 2; }
            if (classes == 0) classes = 1;
        }
        classes = MooreRounds.Refine(table, k, classOf, classes, mooreRounds, out bool stable);
        if (!stable) classes = Hopcroft(table, k, classOf, classes);
        classCount = classes;
        return classOf;
    }

    /// <summary>
    /// Hopcroft's refinement of the partition <paramref name="blockOf"/> (in place; <paramref name="initialBlocks"/>
    /// classes) to the coarsest congruence below it; returns the class count. All initial blocks but the
    /// largest start as splitters: for a complete DFA, pre_a of the missing block is the complement of the
    /// union of the others' pre_a, so stability with respect to it follows (Hopcroft 1971; Knuutila 2001).
    /// A split block keeps its larger part and the smaller part is renumbered, so every state is
    /// renumbered and re-enters a splitter O(log n) times.
    /// </summary>
    private static int Hopcroft(ReadOnlySpan<int> table, int k, int[] blockOf, int initialBlocks)
    {
        int n = table.Length / k;

        // Inverse transitions in CSR layout: preds of q on a are invTargets[invStart[a*n+q] .. invStart[a*n+q+1]).
        var invStart = new int[k * n + 1];
        for (int q = 0; q < n; q++)
            for (int a = 0; a < k; a++)
                invStart[a * n + table[q * k + a]]++;
        for (int i = 1; i <= k * n; i++) invStart[i] += invStart[i - 1];
        // invStart[x] is now the end of bucket x; filling backwards leaves it at the bucket's start.
        var invTargets = new int[n * k];
        for (int q = n - 1; q >= 0; q--)
            for (int a = k - 1; a >= 0; a--)
                invTargets[--invStart[a * n + table[q * k + a]]] = q;

        // Partition: elements grouped by block; block b occupies elems[first[b] .. end[b]);
        // marked elements of a block are moved to the front, up to first[b] + marked[b].
        var elems = new int[n];
        var loc = new int[n];
        var first = new int[n + 1];
        var end = new int[n + 1];
        var marked = new int[n + 1];
        int blocks = initialBlocks;
        for (int q = 0; q < n; q++) end[blockOf[q]]++;
        for (int b = 0, pos = 0; b < blocks; b++)
        {
            first[b] = pos;
            pos += end[b];
            end[b] = first[b];
        }
        for (int q = 0; q < n; q++)
        {
            int b = blockOf[q];
            elems[end[b]] = q;
            loc[q] = end[b]++;
        }

        // Pending splitters: a stack (Hopcroft's bound holds for any processing order).
        var pending = new int[n + 1];
        int pendingCount = 0;
        int largest = 0;
        for (int b = 1; b < blocks; b++) if (end[b] - first[b] > end[largest] - first[largest]) largest = b;
        for (int b = 0; b < blocks; b++)
            if (b != largest)
            {
                pending[pendingCount++] = b;
            }

        var splitter = new int[n];
        var touched = new int[n + 1];
        int touchedCount = 0;
        // Once every block is a singleton nothing can split any more.
        while (pendingCount > 0 && blocks < n)
        {
            int b = pending[--pendingCount];
            int size = end[b] - first[b];
            elems.AsSpan(first[b], size).CopyTo(splitter);
            for (int a = 0; a < k; a++)
            {
                for (int i = 0; i < size; i++)
                {
                    int q = splitter[i];
                    for (int e = invStart[a * n + q]; e < invStart[a * n + q + 1]; e++)
                    {
                        int p = invTargets[e];
                        int pb = blockOf[p];
                        int m = first[pb] + marked[pb];
                        if (loc[p] < m) continue; // already marked
                        if (marked[pb] == 0) touched[touchedCount++] = pb;
                        // swap p to position m
                        int other = elems[m];
                        elems[m] = p;
                        elems[loc[p]] = other;
                        loc[other] = loc[p];
                        loc[p] = m;
                        marked[pb]++;
                    }
                }
                for (int t = 0; t < touchedCount; t++)
                {
                    int y = touched[t];
                    int m = marked[y];
                    marked[y] = 0;
                    int ysize = end[y] - first[y];
                    if (m == ysize) continue;
                    // Split y into its marked prefix and unmarked suffix; the smaller part becomes block nb.
                    int nb = blocks++;
                    if (m <= ysize - m)
                    {
                        first[nb] = first[y];
                        end[nb] = first[y] + m;
                        first[y] = end[nb];
                    }
                    else
                    {
                        first[nb] = first[y] + m;
                        end[nb] = end[y];
                        end[y] = first[nb];
                    }
                    for (int i = first[nb]; i < end[nb]; i++) blockOf[elems[i]] = nb;
                    // If y is pending, both parts must be; otherwise the smaller part suffices (Hopcroft's trick).
                    pending[pendingCount++] = nb;
                }
                touchedCount = 0;
            }
        }
        return blocks;
    }
}
