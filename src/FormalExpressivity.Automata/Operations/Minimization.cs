using FormalExpressivity.Core.Collections;

namespace FormalExpressivity.Automata.Operations;

/// <summary>
/// Hopcroft's minimization (Hopcroft 1971), O(n·|Σ|·log n): refine the partition {F, Q∖F} by
/// splitters, re-queuing only the smaller half of every split block. The result is renumbered
/// canonically (<see cref="Canonical"/>), so equal languages give identical tables.
/// Twin: <see cref="MooreMinimization"/>.
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
    /// <returns>The class of every state.</returns>
    public static int[] HopcroftPartition(Dfa dfa, out int classCount)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        return HopcroftPartition(dfa.Table, dfa.SymbolCount, dfa.IsAccepting, out classCount);
    }

    /// <summary>
    /// <see cref="HopcroftPartition(Dfa, out int)"/> on a bare complete table of <c>table.Length / k</c>
    /// states (used by constructions whose automata are not <see cref="Dfa"/>s, e.g. FO track automata).
    /// </summary>
    internal static int[] HopcroftPartition(ReadOnlySpan<int> table, int k, Func<int, bool> isAccepting, out int classCount)
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
        var blockOf = new int[n];
        var first = new int[n + 1];
        var end = new int[n + 1];
        var marked = new int[n + 1];
        int blocks = 0;
        {
            int pos = 0;
            for (int pass = 1; pass >= 0; pass--)
            {
                int startPos = pos;
                for (int q = 0; q < n; q++)
                    if ((isAccepting(q) ? 1 : 0) == pass)
                    {
                        elems[pos] = q;
                        loc[q] = pos++;
                        blockOf[q] = blocks;
                    }
                if (pos > startPos)
                {
                    first[blocks] = startPos;
                    end[blocks] = pos;
                    blocks++;
                }
            }
        }

        // Pending splitters: a stack (Hopcroft's bound holds for any processing order).
        var inQueue = new bool[n + 1];
        var pending = new int[n + 1];
        int pendingCount = 0;
        if (blocks == 2)
        {
            int smaller = end[0] - first[0] <= end[1] - first[1] ? 0 : 1;
            pending[pendingCount++] = smaller;
            inQueue[smaller] = true;
        }

        var splitter = new int[n];
        var touched = new int[n + 1];
        int touchedCount = 0;
        while (pendingCount > 0)
        {
            int b = pending[--pendingCount];
            inQueue[b] = false;
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
                    // split y: marked part [first, first+m) becomes the new block
                    int nb = blocks++;
                    first[nb] = first[y];
                    end[nb] = first[y] + m;
                    first[y] = end[nb];
                    for (int i = first[nb]; i < end[nb]; i++) blockOf[elems[i]] = nb;
                    if (inQueue[y])
                    {
                        pending[pendingCount++] = nb;
                        inQueue[nb] = true;
                    }
                    else
                    {
                        int add = m <= ysize - m ? nb : y;
                        pending[pendingCount++] = add;
                        inQueue[add] = true;
                    }
                }
                touchedCount = 0;
            }
        }
        classCount = blocks;
        return blockOf;
    }
}
