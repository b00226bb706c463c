using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Collections;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Classes.Enumeration;

/// <summary>
/// Enumerates every regular language over an alphabet whose minimal complete DFA has at most n
/// states, each exactly once, as its canonical minimal DFA.
/// </summary>
/// <remarks>
/// Two minimal complete DFAs of one language are isomorphic (Myhill–Nerode), and BFS numbering from
/// the start state with successors in declared symbol order (<c>Canonical</c>) picks one
/// representative of each isomorphism class. So it suffices to generate the <b>canonical</b>
/// initially-connected transition tables directly — cell (q, a) may only point to an already
/// numbered state or to the next new one, and every state must be numbered before its row is
/// filled — and to keep, for each table and each set of accepting states, those in which all states
/// are pairwise distinguishable (Moore refinement ends with n classes). No table is generated twice
/// and no deduplication is needed. Counts over {a, b}: 1, 12, 216, 5248 canonical tables with
/// 1–4 states (OEIS A006689) and 2, 24, 1028, 56014 languages with exactly 1–4 minimal states.
/// Order: by state count, then table (lexicographic, cells in (q, a) order), then accepting set
/// (as a bit mask, ascending), so the first language with a property has the fewest states.
/// </remarks>
public static class MinimalDfaEnumeration
{
    /// <summary>The default cap on the number of languages produced (budget <c>max-languages</c>).</summary>
    public const long DefaultMaxLanguages = FormalExpressivity.Core.Limits.Budgets.DefaultMaxLanguages;

    /// <summary>The largest state count accepted (the accepting set is a 32-bit mask).</summary>
    public const int MaxStates = 12;

    /// <summary>
    /// Every language over <paramref name="alphabet"/> with a minimal complete DFA of at most
    /// <paramref name="maxStates"/> states, as canonical minimal DFAs, in the documented order.
    /// </summary>
    /// <param name="alphabet">The alphabet Σ.</param>
    /// <param name="maxStates">The bound n ≥ 1.</param>
    /// <param name="maxLanguages">Throws <see cref="BudgetExceededException"/> (budget <c>max-languages</c>) when more would be produced.</param>
    public static IEnumerable<Dfa> Enumerate(Alphabet alphabet, int maxStates, long maxLanguages = DefaultMaxLanguages)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxStates, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxStates, MaxStates);
        long produced = 0;
        for (int n = 1; n <= maxStates; n++)
        {
            foreach (var table in CanonicalTables(n, alphabet.Count))
            {
                for (uint mask = 0; mask < 1u << n; mask++)
                {
                    if (!IsMinimal(table, n, alphabet.Count, mask)) continue;
                    if (++produced > maxLanguages) throw Exceeded(alphabet, maxStates, maxLanguages);
                    var accepting = new BitSet(n);
                    for (int q = 0; q < n; q++) if ((mask >> q & 1) != 0) accepting.Add(q);
                    yield return Dfa.Create(alphabet, 0, table, accepting);
                }
            }
        }
    }

    /// <summary>The error of an enumeration that would produce more than <paramref name="maxLanguages"/> languages (budget <c>max-languages</c>).</summary>
    /// <param name="alphabet">The alphabet Σ.</param>
    /// <param name="maxStates">The bound n.</param>
    /// <param name="maxLanguages">The budget.</param>
    public static BudgetExceededException Exceeded(Alphabet alphabet, int maxStates, long maxLanguages) =>
        new("max-languages", maxLanguages, $"enumerating the minimal DFAs with at most {maxStates} states over {alphabet}");

    /// <summary>
    /// The canonical (BFS-numbered, every state reachable from state 0) complete transition tables
    /// with exactly <paramref name="states"/> states over <paramref name="symbols"/> symbols, in
    /// lexicographic order. Each array is fresh.
    /// </summary>
    /// <param name="states">n ≥ 1.</param>
    /// <param name="symbols">|Σ| ≥ 1.</param>
    public static IEnumerable<int[]> CanonicalTables(int states, int symbols)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(states, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(symbols, 1);
        int cells = states * symbols;
        var table = new int[cells];
        // found[i] = number of states numbered after cells 0..i-1 are filled; an explicit stack of choices.
        var found = new int[cells + 1];
        found[0] = 1;
        int cell = 0;
        table[0] = -1;
        while (cell >= 0)
        {
            // Advance the choice at `cell`.
            int limit = Math.Min(found[cell], states - 1); // may point to a numbered state or the next new one
            int value = table[cell] + 1;
            int row = cell / symbols;
            if (value > limit || row >= found[cell])
            {
                cell--; // exhausted (or the row's state was never numbered): backtrack
                continue;
            }
            table[cell] = value;
            int after = value == found[cell] ? found[cell] + 1 : found[cell];
            // Enough cells left to number the missing states?
            if (states - after > cells - cell - 1)
                continue;
            found[cell + 1] = after;
            if (cell + 1 == cells)
            {
                if (after == states) yield return (int[])table.Clone();
                continue;
            }
            cell++;
            table[cell] = -1;
        }
    }

    /// <summary>
    /// True when the DFA (start 0, <paramref name="table"/>, accepting set <paramref name="acceptingMask"/>)
    /// has pairwise distinguishable states (Moore refinement reaches <paramref name="states"/> classes).
    /// Reachability is not checked.
    /// </summary>
    /// <param name="table">Flat table <c>q * symbols + a</c>.</param>
    /// <param name="states">n ≤ 32.</param>
    /// <param name="symbols">|Σ|.</param>
    /// <param name="acceptingMask">Bit q set when q accepts.</param>
    public static bool IsMinimal(ReadOnlySpan<int> table, int states, int symbols, uint acceptingMask)
    {
        if (states > 32) throw new ArgumentOutOfRangeException(nameof(states));
        Span<int> cls = stackalloc int[states];
        Span<int> next = stackalloc int[states];
        int count = 0;
        for (int q = 0; q < states; q++) cls[q] = (int)(acceptingMask >> q & 1);
        count = acceptingMask == 0 || acceptingMask == (states == 32 ? uint.MaxValue : (1u << states) - 1) ? 1 : 2;
        if (states == 1) return true;
        while (true)
        {
            // New class of q = first state with the same old class and the same successor classes.
            int newCount = 0;
            for (int q = 0; q < states; q++)
            {
                next[q] = -1;
                for (int p = 0; p < q; p++)
                {
                    if (cls[p] != cls[q]) continue;
                    bool same = true;
                    for (int a = 0; a < symbols && same; a++) same = cls[table[p * symbols + a]] == cls[table[q * symbols + a]];
                    if (same) { next[q] = next[p]; break; }
                }
                if (next[q] < 0) next[q] = newCount++;
            }
            if (newCount == states) return true;
            if (newCount == count) return false;
            count = newCount;
            next.CopyTo(cls);
        }
    }
}
