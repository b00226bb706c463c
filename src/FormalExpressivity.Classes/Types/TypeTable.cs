using FormalExpressivity.Core.Text;
using FormalExpressivity.Core.Limits;

namespace FormalExpressivity.Classes.Types;

/// <summary>The components of one interned depth-d type (d ≥ 1), see <see cref="TypeFragment"/>.</summary>
/// <param name="Symbol">T_0: the symbol index, or |Σ| for the end marker ⊥.</param>
/// <param name="Window">The window component: sorted depth-(d−1) type ids (with repeats for multisets); empty without a window.</param>
/// <param name="PastSet">The P component: sorted distinct depth-(d−1) type ids; empty without P.</param>
public sealed record TypeInfo(int Symbol, int[] Window, int[] PastSet);

/// <summary>
/// Hash-consed depth-r types of one fragment over an alphabet of <c>symbolCount</c> symbols
/// (theory.md §6). Depth-0 type ids are the symbols 0..|Σ|−1 and |Σ| for ⊥ (the end marker);
/// depth-d types (d ≥ 1) get dense ids per depth in order of first appearance. Budget
/// <c>max-types</c> bounds the total number of interned types, and the memory of their window bags and P sets
/// as well: at most <see cref="CellsPerType"/> integers per allowed type (a P set copies its predecessor, so
/// without this bound the sets could grow with the square of the type count).
/// </summary>
public sealed class TypeTable
{
    private readonly List<Dictionary<(int Symbol, int Window, int Past), int>> _byKey = [];
    private readonly List<List<TypeInfo>> _infos = [];
    private readonly SequenceInterner _bags = new();
    private readonly Dictionary<(int Set, int Element), int> _setAdd = new();
    private int _total;

    /// <summary>Creates an empty table.</summary>
    /// <param name="fragment">The fragment.</param>
    /// <param name="symbolCount">|Σ|.</param>
    /// <param name="maxTypes">Budget <c>max-types</c>.</param>
    public TypeTable(TypeFragment fragment, int symbolCount, int maxTypes)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        fragment.Validate();
        Fragment = fragment;
        SymbolCount = symbolCount;
        MaxTypes = maxTypes;
        EmptyBag = _bags.Intern([]);
    }

    /// <summary>The fragment.</summary>
    public TypeFragment Fragment { get; }

    /// <summary>|Σ|; the depth-0 type of the end marker is this number.</summary>
    public int SymbolCount { get; }

    /// <summary>The id of ⊥, the depth-0 type at N+1.</summary>
    public int EndMarker => SymbolCount;

    /// <summary>Budget <c>max-types</c>.</summary>
    public int MaxTypes { get; }

    /// <summary>The id of the empty bag/set.</summary>
    public int EmptyBag { get; }

    /// <summary>The integers the table's bags and sets may hold per type allowed by <c>max-types</c> (4 bytes each: 1 KiB per type).</summary>
    public const int CellsPerType = 256;

    /// <summary>The integers the table's bags and sets hold.</summary>
    internal long Cells => _bags.Cells;

    /// <summary>The number of interned types of depth ≥ 1.</summary>
    public int Count => _total;

    /// <summary>The number of distinct depth-d types interned so far (depth 0: |Σ| + 1).</summary>
    /// <param name="depth">d ≥ 0.</param>
    public int CountAt(int depth) => depth == 0 ? SymbolCount + 1 : depth < _infos.Count ? _infos[depth].Count : 0;

    /// <summary>The sorted contents of a bag/set id.</summary>
    /// <param name="bag">A bag id.</param>
    public int[] Bag(int bag) => _bags.Get(bag);

    /// <summary>The bag id of the window contents <paramref name="items"/> (sorted; duplicates removed for set windows).</summary>
    /// <param name="items">Depth-(d−1) type ids of the window positions, in any order.</param>
    public int WindowBag(ReadOnlySpan<int> items)
    {
        Span<int> copy = items.Length <= 64 ? stackalloc int[items.Length] : new int[items.Length];
        items.CopyTo(copy);
        copy.Sort();
        int n = copy.Length;
        if (Fragment.Semantics == WindowSemantics.Set) n = Dedup(copy);
        return Bounded(_bags.Intern(copy[..n]));
    }

    /// <summary>The set id of <paramref name="set"/> ∪ {<paramref name="element"/>}.</summary>
    /// <param name="set">A set id.</param>
    /// <param name="element">A type id.</param>
    public int AddToSet(int set, int element)
    {
        if (_setAdd.TryGetValue((set, element), out int r)) return r;
        r = _bags.InsertIntoSet(set, element, out bool grew);
        if (grew) r = Bounded(r);
        _setAdd[(set, element)] = r;
        return r;
    }

    /// <summary>The id of the depth-<paramref name="depth"/> type with the given components.</summary>
    /// <param name="depth">d ≥ 1.</param>
    /// <param name="symbol">T_0.</param>
    /// <param name="windowBag">Bag id of the window component (<see cref="EmptyBag"/> without a window).</param>
    /// <param name="pastSet">Set id of the P component (<see cref="EmptyBag"/> without P).</param>
    /// <exception cref="BudgetExceededException">More than <see cref="MaxTypes"/> types.</exception>
    public int Intern(int depth, int symbol, int windowBag, int pastSet)
    {
        while (_byKey.Count <= depth)
        {
            _byKey.Add(new());
            _infos.Add([]);
        }
        var key = (symbol, windowBag, pastSet);
        if (_byKey[depth].TryGetValue(key, out int id)) return id;
        if (_total >= MaxTypes) throw new BudgetExceededException("max-types", MaxTypes, $"depth-{depth} types of {Fragment.Name}");
        if ((_total & 4095) == 4095) MemoryBudget.Current.Require(0, $"the depth-{depth} types of {Fragment.Name} ({_total} so far)");
        id = _infos[depth].Count;
        _infos[depth].Add(new TypeInfo(symbol, _bags.Get(windowBag), _bags.Get(pastSet)));
        _byKey[depth][key] = id;
        _total++;
        return id;
    }

    /// <summary>The components of a depth-d type (d ≥ 1).</summary>
    /// <param name="depth">d ≥ 1.</param>
    /// <param name="id">Its id.</param>
    public TypeInfo Info(int depth, int id) => _infos[depth][id];

    /// <summary>Returns <paramref name="bag"/> after checking the memory bound of the bags and sets (budget <c>max-types</c>).</summary>
    private int Bounded(int bag)
    {
        if (_bags.Cells > (long)MaxTypes * CellsPerType)
            throw new BudgetExceededException("max-types", MaxTypes, $"the window bags and P sets of {Fragment.Name} types hold more than {CellsPerType} integers per type allowed");
        return bag;
    }

    private static int Dedup(Span<int> sorted)
    {
        if (sorted.Length == 0) return 0;
        int w = 1;
        for (int i = 1; i < sorted.Length; i++)
            if (sorted[i] != sorted[w - 1]) sorted[w++] = sorted[i];
        return w;
    }
}
