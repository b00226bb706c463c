using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Types;
using FormalExpressivity.Core.Alphabets;
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
    /// <summary>Runs the search.</summary>
    /// <param name="dfa">A DFA for L (need not be minimal).</param>
    /// <param name="fragment">The fragment.</param>
    /// <param name="options">Budgets.</param>
    public static TypeSearchResult Search(Dfa dfa, TypeFragment fragment, TypeSearchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        ArgumentNullException.ThrowIfNull(fragment);
        options ??= new TypeSearchOptions();
        var table = new TypeTable(fragment, dfa.SymbolCount, options.MaxTypes);
        WitnessPair? last = null;
        for (int r = 0; r <= options.MaxDepth; r++)
        {
            try
            {
                var automaton = new TypeAutomaton(table, r, options.MaxStates);
                var outcome = Explore(dfa, automaton, options.MaxStates);
                if (outcome.Witness is { } w)
                {
                    last = new WitnessPair(w.In, w.Out, fragment.Name, r);
                    continue;
                }
                var builder = new TypeFormulas(table, dfa.Alphabet);
                var pos = Ltl.Or(outcome.Accepted.Order().Select(t => builder.Characteristic(r, t, atEnd: true)));
                var neg = Ltl.Not(Ltl.Or(outcome.Rejected.Order().Select(t => builder.Characteristic(r, t, atEnd: true))));
                var formula = neg.Size < pos.Size ? neg : pos;
                return new TypeSearchResult(fragment, true, r, formula, null, null) { Below = last };
            }
            catch (BudgetExceededException e)
            {
                return new TypeSearchResult(fragment, false, r - 1, null, last, BudgetStop.From(e) with { What = $"{e.What} at depth {r}" });
            }
        }
        return new TypeSearchResult(fragment, false, options.MaxDepth, null, last, null);
    }

    private sealed record Outcome(List<int> Accepted, List<int> Rejected, (Word In, Word Out)? Witness);

    private static Outcome Explore(Dfa dfa, TypeAutomaton automaton, int maxStates)
    {
        var index = new Dictionary<(int, int), int>();
        var typeState = new List<int>();
        var dfaState = new List<int>();
        var parent = new List<int>();
        var via = new List<int>();
        var acceptedAt = new Dictionary<int, int>();
        var rejectedAt = new Dictionary<int, int>();
        void Add(int t, int q, int from, int symbol)
        {
            if (index.ContainsKey((t, q))) return;
            if (typeState.Count >= maxStates) throw new BudgetExceededException("max-type-states", maxStates, $"product of the depth-{automaton.Depth} type automaton with the DFA");
            index[(t, q)] = typeState.Count;
            typeState.Add(t);
            dfaState.Add(q);
            parent.Add(from);
            via.Add(symbol);
        }
        Add(automaton.Initial, dfa.Start, -1, -1);
        for (int i = 0; i < typeState.Count; i++)
        {
            int final = automaton.FinalType(typeState[i]);
            bool acc = dfa.IsAccepting(dfaState[i]);
            var same = acc ? acceptedAt : rejectedAt;
            var other = acc ? rejectedAt : acceptedAt;
            if (other.TryGetValue(final, out int j))
            {
                var wi = WordOf(i, parent, via);
                var wj = WordOf(j, parent, via);
                return new Outcome([], [], acc ? (wi, wj) : (wj, wi));
            }
            same.TryAdd(final, i);
            for (int a = 0; a < dfa.SymbolCount; a++)
                Add(automaton.Step(typeState[i], a), dfa.Next(dfaState[i], a), i, a);
        }
        return new Outcome(acceptedAt.Keys.ToList(), rejectedAt.Keys.ToList(), null);
    }

    private static Word WordOf(int node, List<int> parent, List<int> via)
    {
        var symbols = new List<int>();
        for (int i = node; parent[i] >= 0; i = parent[i]) symbols.Add(via[i]);
        symbols.Reverse();
        return Word.Of(symbols.ToArray());
    }
}
