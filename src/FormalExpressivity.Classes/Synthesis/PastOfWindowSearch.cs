using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Classes.Types;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Synthesis;

/// <summary>The answer of <see cref="PastOfWindowSearch"/>: a formula (not yet proved equivalent), or the bound searched.</summary>
/// <param name="Formula">P(⋁ sufficient window types) ∨ (end condition), or its negation for the complement; null when none was found.</param>
/// <param name="WindowDepth">The window depth d of the formula's types (the formula has depth ≤ d + 1), or the largest d tried.</param>
/// <param name="Budget">The budget that stopped the search, if one did.</param>
public sealed record PastOfWindowResult(LtlFormula? Formula, int WindowDepth, BudgetStop? Budget);

/// <summary>
/// A second formula search for the past-and-window fragments (hybrid:k, PYwin:k), beside the bounded type
/// search of theory.md §6 whose types nest P at every level and grow too fast beyond depth 2–3. It looks for
/// formulas of the shape P(σ) ∨ ε (or ¬(P(σ) ∨ ε) for the complement), where σ and ε are window-only
/// formulas of depth d: "some position has a window type that alone forces membership, or else the end
/// position's window type decides" (docs/theory.md §"P over window types").
/// </summary>
/// <remarks>
/// <para>Law. Let τ_d(i) be the depth-d type of position i in the window-only fragment (no P). Call a type
/// <i>sufficient</i> when every word with a position of that type is in L. With G the sufficient types,
/// L = P(⋁_{τ∈G} χ(τ)) ∨ E holds for some set E of end types iff among the words with no position of a
/// type in G, τ_d(N+1) determines membership — and then E is the set of end types of the accepted ones.
/// (If some formula P(σ) ∨ ε works, every type satisfying σ is sufficient, so G is the largest choice.)</para>
/// <para>Both conditions are read off the product of the DFA with the depth-d window-type automaton
/// (<see cref="TypeAutomaton"/> of the window-only fragment): a type is sufficient iff every product edge
/// producing it enters a DFA state from which no rejecting state is reachable. The formula lists, for each
/// sufficient type met on an edge leaving the G-free region, its least-depth sufficient ancestor type, so
/// small depths give small formulas. Σ*abΣ* over {a, b, c} is found at d = 3 for hybrid:2, where the type
/// search runs out of types at depth 3.</para>
/// </remarks>
public static class PastOfWindowSearch
{
    /// <summary>Runs the search for window depths d = 1 … <c>max-depth</c> (formula depth ≤ d + 1), both for L and its complement.</summary>
    /// <param name="dfa">A complete DFA for L.</param>
    /// <param name="fragment">A fragment with P and a window (strict masking).</param>
    /// <param name="options">Budgets: <c>max-depth</c>, <c>max-types</c>, <c>max-type-states</c>.</param>
    public static PastOfWindowResult Search(Dfa dfa, TypeFragment fragment, TypeSearchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        ArgumentNullException.ThrowIfNull(fragment);
        if (!fragment.Past || fragment.Window == 0 || fragment.NonStrict)
            throw new ArgumentException("the search needs a strict fragment with P and a window", nameof(fragment));
        options ??= new TypeSearchOptions();
        var window = fragment with { Name = $"{fragment.Name} without P", Past = false };
        var complement = dfa.Complement();
        int tried = 0;
        for (int d = 1; d <= options.MaxDepth; d++)
        {
            try
            {
                if (TryDepth(dfa, window, d, options) is { } f) return new PastOfWindowResult(f, d, null);
                if (TryDepth(complement, window, d, options) is { } g) return new PastOfWindowResult(Ltl.Not(g), d, null);
                tried = d;
            }
            catch (BudgetExceededException e)
            {
                return new PastOfWindowResult(null, tried, BudgetStop.From(e) with { What = $"{e.What} (P over window types, window depth {d})" });
            }
        }
        return new PastOfWindowResult(null, tried, null);
    }

    /// <summary>The formula P(⋁ sufficient types) ∨ E at window depth <paramref name="d"/>, or null when the end type does not decide.</summary>
    private static LtlFormula? TryDepth(Dfa dfa, TypeFragment window, int d, TypeSearchOptions options)
    {
        var table = new TypeTable(window, dfa.SymbolCount, options.MaxTypes);
        var automaton = new TypeAutomaton(table, d, options.MaxStates);
        var universal = Universal(dfa);
        int sigma = dfa.SymbolCount;

        // Pass 1: every reachable (type state, DFA state); a depth-e type is bad when one of its edges enters a non-universal state.
        var bad = new HashSet<(int Depth, int Id)>();
        var index = new Dictionary<(int, int), int>();
        var nodes = new List<(int T, int Q)>();
        void Add(int t, int q)
        {
            if (index.ContainsKey((t, q))) return;
            if (nodes.Count >= options.MaxStates) throw new BudgetExceededException("max-type-states", options.MaxStates, $"product of the depth-{d} window-type automaton with the DFA");
            index[(t, q)] = nodes.Count;
            nodes.Add((t, q));
        }
        Add(automaton.Initial, dfa.Start);
        for (int i = 0; i < nodes.Count; i++)
        {
            var (t, q) = nodes[i];
            for (int a = 0; a < sigma; a++)
            {
                int next = dfa.Next(q, a);
                var types = automaton.TypesAt(t, a);
                if (!universal[next])
                    for (int e = 0; e <= d; e++) bad.Add((e, types[e]));
                Add(automaton.Step(t, a), next);
            }
        }

        // Pass 2: the region of words with no sufficient position; there the end type must decide.
        var seen = new HashSet<(int, int)>();
        var queue = new Queue<(int T, int Q)>();
        var accepted = new SortedSet<int>();
        var rejected = new SortedSet<int>();
        var cover = new SortedSet<(int Depth, int Id)>();
        seen.Add((automaton.Initial, dfa.Start));
        queue.Enqueue((automaton.Initial, dfa.Start));
        while (queue.Count > 0)
        {
            var (t, q) = queue.Dequeue();
            int final = automaton.FinalType(t);
            (dfa.IsAccepting(q) ? accepted : rejected).Add(final);
            if (accepted.Contains(final) && rejected.Contains(final)) return null;
            for (int a = 0; a < sigma; a++)
            {
                var types = automaton.TypesAt(t, a);
                if (!bad.Contains((d, types[d])))
                {
                    int e = 0;
                    while (bad.Contains((e, types[e]))) e++;
                    cover.Add((e, types[e]));
                    continue;
                }
                var n = (automaton.Step(t, a), dfa.Next(q, a));
                if (seen.Add(n)) queue.Enqueue(n);
            }
        }

        var chi = new TypeFormulas(table, dfa.Alphabet);
        var some = cover.Count == 0 ? Ltl.False : Ltl.Past(Ltl.Or(cover.Select(c => chi.Characteristic(c.Depth, c.Id))));
        var pos = Ltl.Or(accepted.Select(f => chi.Characteristic(d, f, atEnd: true)));
        var neg = Ltl.Not(Ltl.Or(rejected.Select(f => chi.Characteristic(d, f, atEnd: true))));
        return Ltl.Or(some, neg.Size < pos.Size ? neg : pos);
    }

    /// <summary>States from which every word is accepted (no rejecting state reachable).</summary>
    private static bool[] Universal(Dfa dfa)
    {
        int n = dfa.StateCount;
        var reverse = new List<int>[n];
        for (int q = 0; q < n; q++) reverse[q] = [];
        for (int q = 0; q < n; q++)
            for (int a = 0; a < dfa.SymbolCount; a++) reverse[dfa.Next(q, a)].Add(q);
        var canReject = new bool[n];
        var stack = new Stack<int>();
        for (int q = 0; q < n; q++)
            if (!dfa.IsAccepting(q)) { canReject[q] = true; stack.Push(q); }
        while (stack.Count > 0)
            foreach (int p in reverse[stack.Pop()])
                if (!canReject[p]) { canReject[p] = true; stack.Push(p); }
        return canReject.Select(c => !c).ToArray();
    }
}
