using System.Globalization;
using FormalExpressivity.Classes.Types;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Certificates;

/// <summary>
/// The small, separate checker for witness pairs (theory.md §6–7): it recomputes the depth-r types
/// of two words position by position, straight from the definition, and compares them at N+1.
/// It shares no code with <see cref="TypeAutomaton"/> or <see cref="TypeTable"/> (its twin).
/// Types at depth d are numbered by their canonical text (symbol | sorted window | sorted past set).
/// </summary>
public static class TypeChecker
{
    /// <summary>True iff T_r(N+1) of <paramref name="u"/> equals T_r(N+1) of <paramref name="v"/> in <paramref name="fragment"/>, i.e. no formula of the fragment of depth ≤ <paramref name="depth"/> separates them.</summary>
    /// <param name="fragment">The fragment.</param>
    /// <param name="symbolCount">|Σ|.</param>
    /// <param name="u">A word.</param>
    /// <param name="v">A word.</param>
    /// <param name="depth">r ≥ 0.</param>
    public static bool Agree(TypeFragment fragment, int symbolCount, Word u, Word v, int depth)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(v);
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        var (tu, tv) = FinalTypes(fragment, symbolCount, u, v, depth);
        return tu == tv;
    }

    /// <summary>The largest r ≤ <paramref name="maxDepth"/> such that the words agree on every depth ≤ r, or −1 when they differ already at depth 0 (never for two words: both end in ⊥).</summary>
    /// <param name="fragment">The fragment.</param>
    /// <param name="symbolCount">|Σ|.</param>
    /// <param name="u">A word.</param>
    /// <param name="v">A word.</param>
    /// <param name="maxDepth">Where to stop.</param>
    public static int AgreementDepth(TypeFragment fragment, int symbolCount, Word u, Word v, int maxDepth)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(v);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var cu = Initial(u, symbolCount);
        var cv = Initial(v, symbolCount);
        int agreed = -1;
        for (int d = 0; d <= maxDepth; d++)
        {
            if (d > 0)
            {
                cu = Lift(fragment, cu, u, symbolCount, names, d);
                cv = Lift(fragment, cv, v, symbolCount, names, d);
            }
            if (cu[^1] != cv[^1]) return agreed;
            agreed = d;
        }
        return agreed;
    }

    private static (int, int) FinalTypes(TypeFragment fragment, int symbolCount, Word u, Word v, int depth)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var cu = Initial(u, symbolCount);
        var cv = Initial(v, symbolCount);
        for (int d = 1; d <= depth; d++)
        {
            cu = Lift(fragment, cu, u, symbolCount, names, d);
            cv = Lift(fragment, cv, v, symbolCount, names, d);
        }
        return (cu[^1], cv[^1]);
    }

    /// <summary>Depth-0 types at positions 1..N+1 (array index i−1): the symbol, |Σ| for ⊥.</summary>
    internal static int[] Initial(Word w, int symbolCount)
    {
        var t = new int[w.Length + 1];
        for (int i = 0; i < w.Length; i++) t[i] = w[i];
        t[w.Length] = symbolCount;
        return t;
    }

    /// <summary>Depth-d types at every position from the depth-(d−1) types (definition of theory.md §6).</summary>
    internal static int[] Lift(TypeFragment f, int[] prev, Word w, int symbolCount, Dictionary<string, int> names, int d)
    {
        int n = prev.Length;
        var next = new int[n];
        var seen = new SortedSet<int>(); // {T_{d−1}(m) : m < i}, grown as i advances
        for (int i = 0; i < n; i++)
        {
            int symbol = i < w.Length ? w[i] : symbolCount;
            var window = new List<int>();
            if (f.Window > 0)
                for (int m = Math.Max(0, i - f.Window); m < i; m++) window.Add(prev[m]);
            if (f.Semantics == WindowSemantics.Set) window = window.Distinct().ToList();
            window.Sort();
            var past = new SortedSet<int>();
            if (f.Past)
            {
                past.UnionWith(seen);
                if (f.NonStrict) past.Add(prev[i]);
            }
            seen.Add(prev[i]);
            string key = string.Create(CultureInfo.InvariantCulture, $"{d}:{symbol}|{string.Join(',', window)}|{string.Join(',', past)}");
            if (!names.TryGetValue(key, out int id))
            {
                id = names.Count;
                names[key] = id;
            }
            next[i] = id;
        }
        return next;
    }
}
