using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Core.Limits;

namespace FormalExpressivity.Classes.Types;

/// <summary>
/// A deterministic automaton whose state after w_1 … w_i determines the depth-r type at every later
/// position (theory.md §6). The state holds, for each depth d &lt; r, the last k depth-d types (the
/// window memory) and the set of all depth-d types so far (the monotone P memory); T_d(i+1) is then a
/// function of the state and w_{i+1}, and T_r(N+1) a function of the state alone
/// (<see cref="FinalType"/>). States are hash-consed; budget <c>max-type-states</c> bounds their number and
/// their memory (at most <see cref="CellsPerState"/> integers per allowed state).
/// </summary>
public sealed class TypeAutomaton
{
    private readonly SequenceInterner _states = new();
    private readonly Dictionary<(int State, int Symbol), int> _steps = new();
    private readonly Dictionary<int, int> _finals = new();
    private readonly int _k;
    private readonly bool _past;
    private readonly List<int> _next = [];

    /// <summary>Creates the automaton for depth <paramref name="depth"/> over a table.</summary>
    /// <param name="table">The type table (fragment and alphabet size); shared across depths.</param>
    /// <param name="depth">r ≥ 0.</param>
    /// <param name="maxStates">Budget <c>max-type-states</c>.</param>
    public TypeAutomaton(TypeTable table, int depth, int maxStates = 1_000_000)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        Table = table;
        Depth = depth;
        MaxStates = maxStates;
        _k = table.Fragment.Window;
        _past = table.Fragment.Past;
        var init = new List<int>();
        for (int d = 0; d < depth; d++)
        {
            if (_k > 0) init.Add(0);
            if (_past) init.Add(table.EmptyBag);
        }
        Initial = _states.Intern(init.ToArray());
    }

    /// <summary>The type table.</summary>
    public TypeTable Table { get; }

    /// <summary>r.</summary>
    public int Depth { get; }

    /// <summary>Budget <c>max-type-states</c>.</summary>
    public int MaxStates { get; }

    /// <summary>The integers the states may hold per state allowed by <c>max-type-states</c> (4 bytes each).</summary>
    public const int CellsPerState = 64;

    /// <summary>The state before the first symbol.</summary>
    public int Initial { get; }

    /// <summary>The number of states created so far.</summary>
    public int StateCount => _states.Count;

    /// <summary>The state after one more symbol.</summary>
    /// <param name="state">A state.</param>
    /// <param name="symbol">A symbol index.</param>
    /// <exception cref="BudgetExceededException">Too many states or types.</exception>
    public int Step(int state, int symbol)
    {
        if (_steps.TryGetValue((state, symbol), out int next)) return next;
        var s = _states.Get(state);
        var cur = Current(s, symbol, Depth - 1);
        var ns = _next;
        ns.Clear();
        int p = 0;
        for (int d = 0; d < Depth; d++)
        {
            if (_k > 0)
            {
                int len = s[p];
                int keep = Math.Min(len, _k - 1);
                ns.Add(keep + 1);
                for (int j = len - keep; j < len; j++) ns.Add(s[p + 1 + j]);
                ns.Add(cur[d]);
                p += 1 + len;
            }
            if (_past)
            {
                ns.Add(Table.AddToSet(s[p], cur[d]));
                p++;
            }
        }
        if (_states.Count >= MaxStates) throw new BudgetExceededException("max-type-states", MaxStates, $"depth-{Depth} type automaton of {Table.Fragment.Name}");
        if ((_states.Count & 4095) == 4095) MemoryBudget.Current.Require(0, $"the depth-{Depth} type automaton of {Table.Fragment.Name} ({_states.Count} states so far)");
        next = _states.Intern(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ns));
        if (_states.Cells > (long)MaxStates * CellsPerState)
            throw new BudgetExceededException("max-type-states", MaxStates, $"the states of the depth-{Depth} type automaton of {Table.Fragment.Name} hold more than {CellsPerState} integers per state allowed");
        _steps[(state, symbol)] = next;
        return next;
    }

    /// <summary>T_r(N+1): the depth-r type at the end marker of any word leading to <paramref name="state"/>.</summary>
    /// <param name="state">A state.</param>
    public int FinalType(int state)
    {
        if (_finals.TryGetValue(state, out int t)) return t;
        t = Current(_states.Get(state), Table.EndMarker, Depth)[Depth];
        _finals[state] = t;
        return t;
    }

    /// <summary>T_0 … T_r of the next position when it carries <paramref name="symbol"/> (or ⊥, <see cref="TypeTable.EndMarker"/>), after any word leading to <paramref name="state"/>.</summary>
    /// <param name="state">A state.</param>
    /// <param name="symbol">A symbol index or the end marker.</param>
    /// <exception cref="BudgetExceededException">Too many types.</exception>
    public int[] TypesAt(int state, int symbol) => Current(_states.Get(state), symbol, Depth);

    /// <summary>The state after <paramref name="word"/>.</summary>
    /// <param name="word">A word.</param>
    public int Run(ReadOnlySpan<int> word)
    {
        int s = Initial;
        foreach (int a in word) s = Step(s, a);
        return s;
    }

    /// <summary>T_r(N+1) of <paramref name="word"/>.</summary>
    /// <param name="word">A word.</param>
    public int TypeOf(Word word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return FinalType(Run(word.Symbols));
    }

    /// <summary>True iff <paramref name="u"/> and <paramref name="v"/> have equal T_r(N+1): every formula of the fragment of depth ≤ r accepts both or neither.</summary>
    /// <param name="u">A word.</param>
    /// <param name="v">A word.</param>
    public bool Agree(Word u, Word v) => TypeOf(u) == TypeOf(v);

    /// <summary>Types T_0..T_top at the next position (symbol <paramref name="symbol"/>, or ⊥) from a state.</summary>
    private int[] Current(int[] s, int symbol, int top)
    {
        var cur = new int[Math.Max(top + 1, 1)];
        cur[0] = symbol;
        int p = 0;
        bool nonStrict = Table.Fragment.NonStrict;
        for (int d = 1; d <= top; d++)
        {
            int wbag = Table.EmptyBag, pset = Table.EmptyBag;
            if (_k > 0)
            {
                int len = s[p];
                wbag = Table.WindowBag(s.AsSpan(p + 1, len));
                p += 1 + len;
            }
            if (_past)
            {
                pset = nonStrict ? Table.AddToSet(s[p], cur[d - 1]) : s[p];
                p++;
            }
            cur[d] = Table.Intern(d, symbol, wbag, pset);
        }
        return cur;
    }
}
