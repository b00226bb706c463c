using System.Globalization;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Corpora.Evaluation;

/// <summary>
/// The indistinguishability oracle of the <c>global</c> (strict) architecture, whose logic is
/// LTL[P] (theory.md §4). Two words are inseparable up to depth r when their depth-r past types at
/// the end marker are equal (theory.md §6 with only the P component):
/// <code>
/// T_0(i) = the symbol at i (⊥ at N+1)
/// T_r(i) = ( T_0(i), { T_{r−1}(j) : 1 ≤ j &lt; i } )
/// </code>
/// Equal T_r(N+1) ⇒ every LTL[P] formula of temporal depth ≤ r has the same value on both words,
/// so no strict global-attention transformer computing such a formula tells them apart.
/// Example: T_1(N+1) of aba and ab are both (⊥, {a, b}): at depth 1 "ends with a" is out of reach.
/// </summary>
/// <remarks>
/// Types are hash-consed: per depth, a type is the pair (symbol, id of an interned sorted set of
/// depth r−1 ids), so computing T_r(N+1) costs O(r·N) plus one interning per new set element. The
/// intern tables are shared by all words of one oracle (so keys are comparable) and are not
/// thread-safe. Its twin in the tests computes the nested types literally as strings.
/// </remarks>
public sealed class GlobalPastTypeOracle : IIndistinguishabilityOracle
{
    private readonly int _symbols;
    private readonly Dictionary<(int Symbol, int Set), int>[] _types;
    private readonly Dictionary<string, int>[] _sets;

    /// <summary>An oracle for words over an alphabet of <paramref name="symbolCount"/> symbols, at depth <paramref name="depth"/>.</summary>
    /// <param name="symbolCount">|Σ|.</param>
    /// <param name="depth">r ≥ 0.</param>
    public GlobalPastTypeOracle(int symbolCount, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(symbolCount);
        _symbols = symbolCount;
        Depth = depth;
        _types = Enumerable.Range(0, depth + 1).Select(_ => new Dictionary<(int, int), int>()).ToArray();
        _sets = Enumerable.Range(0, depth + 1).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    }

    /// <inheritdoc />
    public string Architecture => "global";

    /// <inheritdoc />
    public int Depth { get; }

    /// <inheritdoc />
    public string Key(Word word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return TypeIds(word)[word.Length].ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The interned ids of T_Depth(i) for positions i = 1 … N+1 (array index i − 1).</summary>
    /// <param name="word">The word.</param>
    public int[] TypeIds(Word word)
    {
        ArgumentNullException.ThrowIfNull(word);
        int n = word.Length;
        var cur = new int[n + 1];
        for (int i = 0; i < n; i++) cur[i] = word[i];
        cur[n] = _symbols; // ⊥
        var next = new int[n + 1];
        var seen = new SortedSet<int>();
        for (int r = 1; r <= Depth; r++)
        {
            seen.Clear();
            int setId = InternSet(r, seen);
            for (int i = 0; i <= n; i++)
            {
                int symbol = i < n ? word[i] : _symbols;
                var key = (symbol, setId);
                if (!_types[r].TryGetValue(key, out var id)) _types[r][key] = id = _types[r].Count;
                next[i] = id;
                if (seen.Add(cur[i])) setId = InternSet(r, seen);
            }
            (cur, next) = (next, cur);
        }
        return cur;
    }

    private int InternSet(int depth, SortedSet<int> elements)
    {
        var key = string.Join(',', elements);
        if (!_sets[depth].TryGetValue(key, out var id)) _sets[depth][key] = id = _sets[depth].Count;
        return id;
    }
}
