using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Types;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Synthesis;

/// <summary>Budgets of the bounded type search; each names itself when it runs out.</summary>
/// <param name="MaxDepth">Budget <c>max-depth</c>: the largest operator depth r tried.</param>
/// <param name="MaxTypes">Budget <c>max-types</c>: interned types over all depths.</param>
/// <param name="MaxStates">Budget <c>max-type-states</c>: states of the type automaton and of its product with the DFA.</param>
public sealed record TypeSearchOptions(
    int MaxDepth = FormalExpressivity.Core.Limits.Budgets.DefaultMaxDepth,
    int MaxTypes = FormalExpressivity.Core.Limits.Budgets.DefaultMaxTypes,
    int MaxStates = FormalExpressivity.Core.Limits.Budgets.DefaultMaxTypeStates)
{
    /// <summary>The search budgets of <paramref name="budgets"/> (<c>max-depth</c>, <c>max-types</c>, <c>max-type-states</c>).</summary>
    /// <param name="budgets">The named budgets.</param>
    public static TypeSearchOptions From(FormalExpressivity.Core.Limits.Budgets budgets)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        return new(budgets.MaxDepth, budgets.MaxTypes, budgets.MaxTypeStates);
    }
}

/// <summary>
/// The answer of the bounded type search: either L is definable at depth <see cref="Depth"/> (with a
/// formula) or no formula of depth ≤ <see cref="Depth"/> exists (with a witness pair of equal
/// T_Depth(N+1)). <see cref="Depth"/> is −1 when even depth 0 ran out of budget.
/// </summary>
/// <param name="Fragment">The fragment searched.</param>
/// <param name="Definable">True when T_Depth(N+1) determines membership.</param>
/// <param name="Depth">The depth found (definable) or the largest depth refuted.</param>
/// <param name="Formula">For definable languages: ⋁ of the accepted final types' characteristic formulas (or ¬⋁ of the rejected ones, whichever is smaller).</param>
/// <param name="Witness">For non-definable: u ∈ L, v ∉ L with equal T_Depth(N+1) (shortest found by breadth-first search).</param>
/// <param name="Budget">When a budget stopped the search before max-depth: which one, its limit and where; otherwise null.</param>
public sealed record TypeSearchResult(TypeFragment Fragment, bool Definable, int Depth, LtlFormula? Formula, WitnessPair? Witness, BudgetStop? Budget)
{
    /// <summary>For definable languages at depth r ≥ 1: u ∈ L, v ∉ L with equal T_{r−1}(N+1) — the proof that r is the least depth; null at depth 0.</summary>
    public WitnessPair? Below { get; init; }
}

/// <summary>
/// Bounded type search (theory.md §6): for r = 0, 1, …, explore the product of the depth-r
/// <see cref="TypeAutomaton"/> with the DFA breadth-first; L is definable at depth r iff no final
/// type T_r(N+1) is reached together with both an accepting and a rejecting DFA state. Never a
/// guessed "no": a refutation is always a pair of words with equal final type.
/// </summary>
public static class TypeSearch
{
    /// <summary>
    /// How many product nodes <see cref="SearchStepwise"/> expands between two steps: each expansion is
    /// |Σ| steps of the type automaton, so a step stays a few milliseconds even in the browser's interpreter.
    /// </summary>
    public const int NodesPerStep = 64;

    /// <summary>Runs the search.</summary>
    /// <param name="dfa">A DFA for L (need not be minimal).</param>
    /// <param name="fragment">The fragment.</param>
    /// <param name="options">Budgets.</param>
    public static TypeSearchResult Search(Dfa dfa, TypeFragment fragment, TypeSearchOptions? options = null) =>
        SearchStepwise(dfa, fragment, options).Last()!;

    /// <summary>
    /// <see cref="Search"/> in bounded steps, for a caller that must stay responsive: every element but the
    /// last is null and stands for at most <see cref="NodesPerStep"/> product nodes expanded (or one
    /// characteristic formula built); the last element is the result, the same one <see cref="Search"/>
    /// returns. A caller may stop enumerating at any step (Cancel) and nothing is left behind.
    /// </summary>
    /// <param name="dfa">A DFA for L (need not be minimal).</param>
    /// <param name="fragment">The fragment.</param>
    /// <param name="options">Budgets.</param>
    /// <param name="work">
    /// A work counter shared with other searches (budget <c>max-search-work</c>): one unit per step of
    /// <see cref="NodesPerStep"/> product nodes; when it runs out the search ends like any budget stop, with the
    /// depths refuted so far. Null: no shared counter.
    /// </param>
    public static IEnumerable<TypeSearchResult?> SearchStepwise(Dfa dfa, TypeFragment fragment, TypeSearchOptions? options = null, WorkBudget? work = null)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        ArgumentNullException.ThrowIfNull(fragment);
        return Steps(dfa, fragment, options ?? new TypeSearchOptions(), work, 0);
    }

    /// <summary>
    /// The search at the one depth <paramref name="depth"/> (definability is monotone in the depth, so "not
    /// definable at r" with its witness pair proves that no depth ≤ r suffices), in bounded steps as
    /// <see cref="SearchStepwise"/>. The result's <see cref="TypeSearchResult.Depth"/> is <paramref name="depth"/>
    /// unless a budget stopped it (then <paramref name="depth"/> − 1, with no witness and the budget named).
    /// </summary>
    /// <param name="dfa">A DFA for L (need not be minimal).</param>
    /// <param name="fragment">The fragment.</param>
    /// <param name="depth">The depth r ≥ 0.</param>
    /// <param name="options">Budgets (<see cref="TypeSearchOptions.MaxDepth"/> is ignored).</param>
    public static IEnumerable<TypeSearchResult?> SearchAtStepwise(Dfa dfa, TypeFragment fragment, int depth, TypeSearchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        ArgumentNullException.ThrowIfNull(fragment);
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        return Steps(dfa, fragment, (options ?? new TypeSearchOptions()) with { MaxDepth = depth }, null, depth);
    }

    private static IEnumerable<TypeSearchResult?> Steps(Dfa dfa, TypeFragment fragment, TypeSearchOptions options, WorkBudget? work, int fromDepth)
    {
        var table = new TypeTable(fragment, dfa.SymbolCount, options.MaxTypes);
        WitnessPair? last = null;
        for (int r = fromDepth; r <= options.MaxDepth; r++)
        {
            // A budget exception ends the search with the depths refuted so far; C# allows no yield inside a
            // try with a catch, so every step is one guarded MoveNext of the exploration.
            var exploration = new Exploration(dfa, r, options.MaxStates);
            BudgetExceededException? stop = null;
            try
            {
                exploration.Start(new TypeAutomaton(table, r, options.MaxStates));
            }
            catch (BudgetExceededException e)
            {
                stop = e;
            }
            while (stop is null)
            {
                bool more;
                try
                {
                    work?.Charge($"the type search of {fragment.Name}, shared with the lasso search");
                    more = exploration.Expand(NodesPerStep);
                }
                catch (BudgetExceededException e)
                {
                    stop = e;
                    break;
                }
                if (!more) break;
                yield return null;
            }
            if (stop is not null)
            {
                yield return new TypeSearchResult(fragment, false, r - 1, null, last, BudgetStop.From(stop) with { What = $"{stop.What} at depth {r}" });
                yield break;
            }
            if (exploration.Witness is { } w)
            {
                last = new WitnessPair(w.In, w.Out, fragment.Name, r);
                continue;
            }
            var builder = new TypeFormulas(table, dfa.Alphabet);
            var accepted = new List<LtlFormula>();
            foreach (int t in exploration.Accepted.Order())
            {
                accepted.Add(builder.Characteristic(r, t, atEnd: true));
                yield return null;
            }
            var rejected = new List<LtlFormula>();
            foreach (int t in exploration.Rejected.Order())
            {
                rejected.Add(builder.Characteristic(r, t, atEnd: true));
                yield return null;
            }
            var pos = Ltl.Or(accepted);
            var neg = Ltl.Not(Ltl.Or(rejected));
            var formula = neg.Size < pos.Size ? neg : pos;
            yield return new TypeSearchResult(fragment, true, r, formula, null, null) { Below = last };
            yield break;
        }
        yield return new TypeSearchResult(fragment, false, options.MaxDepth, null, last, null);
    }

    /// <summary>
    /// The breadth-first product of the depth-r type automaton with the DFA, expanded a bounded number of
    /// nodes at a time: it stops at the first final type reached with both an accepting and a rejecting
    /// DFA state (<see cref="Witness"/>), or when the product is exhausted (<see cref="Accepted"/>,
    /// <see cref="Rejected"/>: the final types of each side).
    /// </summary>
    private sealed class Exploration(Dfa dfa, int depth, int maxStates)
    {
        private readonly Dictionary<(int, int), int> _index = new();
        private readonly List<int> _typeState = [];
        private readonly List<int> _dfaState = [];
        private readonly List<int> _parent = [];
        private readonly List<int> _via = [];
        private readonly Dictionary<int, int> _acceptedAt = new();
        private readonly Dictionary<int, int> _rejectedAt = new();
        private TypeAutomaton _automaton = null!;
        private int _next;

        public (Word In, Word Out)? Witness { get; private set; }

        public IEnumerable<int> Accepted => _acceptedAt.Keys;

        public IEnumerable<int> Rejected => _rejectedAt.Keys;

        public void Start(TypeAutomaton automaton)
        {
            _automaton = automaton;
            Add(automaton.Initial, dfa.Start, -1, -1);
        }

        /// <summary>Expands up to <paramref name="nodes"/> nodes; false when the exploration has ended.</summary>
        public bool Expand(int nodes)
        {
            for (int end = _next + nodes; _next < _typeState.Count && _next < end; _next++)
            {
                int i = _next;
                int final = _automaton.FinalType(_typeState[i]);
                bool acc = dfa.IsAccepting(_dfaState[i]);
                var same = acc ? _acceptedAt : _rejectedAt;
                var other = acc ? _rejectedAt : _acceptedAt;
                if (other.TryGetValue(final, out int j))
                {
                    var wi = WordOf(i, _parent, _via);
                    var wj = WordOf(j, _parent, _via);
                    Witness = acc ? (wi, wj) : (wj, wi);
                    return false;
                }
                same.TryAdd(final, i);
                for (int a = 0; a < dfa.SymbolCount; a++)
                    Add(_automaton.Step(_typeState[i], a), dfa.Next(_dfaState[i], a), i, a);
            }
            return _next < _typeState.Count;
        }

        private void Add(int t, int q, int from, int symbol)
        {
            if (_index.ContainsKey((t, q))) return;
            if (_typeState.Count >= maxStates) throw new BudgetExceededException("max-type-states", maxStates, $"product of the depth-{depth} type automaton with the DFA");
            _index[(t, q)] = _typeState.Count;
            _typeState.Add(t);
            _dfaState.Add(q);
            _parent.Add(from);
            _via.Add(symbol);
        }
    }

    private static Word WordOf(int node, List<int> parent, List<int> via)
    {
        var symbols = new List<int>();
        for (int i = node; parent[i] >= 0; i = parent[i]) symbols.Add(via[i]);
        symbols.Reverse();
        return Word.Of(symbols.ToArray());
    }
}
