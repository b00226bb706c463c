using FormalExpressivity.Automata;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Classes.Deciders;

/// <summary>
/// The parameter k of a piecewise testable language, bounded on both sides: every k below <paramref name="Lower"/> is
/// refuted and L is <paramref name="Upper"/>-piecewise testable. <paramref name="Lower"/> = <paramref name="Upper"/> is
/// the least k; otherwise <paramref name="Stop"/> names the budget that ended the search in between.
/// </summary>
/// <param name="Lower">Every k &lt; Lower is refuted (by the letter-block bound or by a failed test).</param>
/// <param name="Upper">L is Upper-piecewise testable (the depth of the minimal DFA, Klíma–Polák 2013, or a test).</param>
/// <param name="Depth">The depth of the minimal DFA (the longest path from the start, self-loops not counted).</param>
/// <param name="Block">The letter-block lower bound t (q·a^(t−1) ≠ q·a^t) with its state and letter (−1 when t = 0).</param>
/// <param name="Stop">The budget that stopped the search for the least k, null when Lower = Upper.</param>
public sealed record PiecewiseBounds(int Lower, int Upper, int Depth, (int Bound, int State, int Symbol) Block, BudgetStop? Stop)
{
    /// <summary>True when the least k is known (Lower = Upper).</summary>
    public bool Least => Lower == Upper;
}

public static partial class TestabilityParameters
{
    /// <summary>
    /// The depth of a minimal DFA: the most transitions between distinct states on a path from the start (self-loops not
    /// counted); −1 when two states lie on a common cycle (the DFA is not partially ordered). For a piecewise testable
    /// language the depth d bounds the least k: L is d-piecewise testable (Klíma &amp; Polák 2013; Masopust &amp; Thomazo
    /// 2015 show it can be exponentially larger than the least k). O(|Q|·|Σ|): Kahn's order, then the longest path.
    /// </summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    public static int Depth(Dfa minimalDfa)
    {
        ArgumentNullException.ThrowIfNull(minimalDfa);
        int n = minimalDfa.StateCount, m = minimalDfa.SymbolCount;
        var indegree = new int[n];
        for (int q = 0; q < n; q++)
            for (int a = 0; a < m; a++)
            {
                int r = minimalDfa.Next(q, a);
                if (r != q && !SeenBefore(minimalDfa, q, a, r)) indegree[r]++;
            }
        var longest = new int[n];
        Array.Fill(longest, -1);
        longest[minimalDfa.Start] = 0;
        var ready = new Queue<int>();
        for (int q = 0; q < n; q++) if (indegree[q] == 0) ready.Enqueue(q);
        int done = 0, depth = 0;
        while (ready.Count > 0)
        {
            int q = ready.Dequeue();
            done++;
            for (int a = 0; a < m; a++)
            {
                int r = minimalDfa.Next(q, a);
                if (r == q || SeenBefore(minimalDfa, q, a, r)) continue;
                if (longest[q] >= 0) longest[r] = Math.Max(longest[r], longest[q] + 1);
                if (--indegree[r] == 0) ready.Enqueue(r);
            }
            depth = Math.Max(depth, longest[q]);
        }
        return done == n ? depth : -1;
    }

    /// <summary>True when an earlier letter than <paramref name="a"/> already leads <paramref name="q"/> to <paramref name="r"/> (one edge per pair).</summary>
    private static bool SeenBefore(Dfa dfa, int q, int a, int r)
    {
        for (int b = 0; b < a; b++) if (dfa.Next(q, b) == r) return true;
        return false;
    }

    /// <summary>
    /// Whether L is k-piecewise testable, by the classes of Simon's congruence ∼k (<see cref="SubwordClasses"/>): the
    /// classes reached from ε by appending letters are explored together with the DFA, and every class must meet a
    /// single state. For a minimal DFA this is the definition: ∼k is a congruence, so when L is a union of ∼k classes,
    /// u ∼k v gives xuy ∈ L ⇔ xvy ∈ L for all x, y and u, v reach one state (Myhill–Nerode); the converse is immediate.
    /// Each class is an int and each step O(|Σ|) once memoized (<see cref="IsPiecewiseTestable"/>, which keeps the
    /// subword sets as bit sets, is its twin). Budget <c>max-parameter-states</c>: the classes of level k explored.
    /// </summary>
    /// <param name="minimalDfa">A minimal complete DFA.</param>
    /// <param name="k">k ≥ 0.</param>
    /// <param name="maxStates">Budget <c>max-parameter-states</c>.</param>
    public static bool IsPiecewiseTestableByClasses(Dfa minimalDfa, int k, int maxStates)
    {
        ArgumentNullException.ThrowIfNull(minimalDfa);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        long work = 0;
        return ClassesMeetOneState(minimalDfa, k, maxStates, ref work, long.MaxValue);
    }

    /// <summary>
    /// The least k of a piecewise testable language, with its bounds when a budget stops the search: k lies between the
    /// letter-block bound <see cref="PiecewiseLowerBound"/> and the depth of the minimal DFA (<see cref="Depth"/>,
    /// Klíma–Polák 2013), and the k strictly between are tested upward by <see cref="IsPiecewiseTestableByClasses"/>
    /// (failures usually stop at their first conflict). When the two bounds meet — a chain of one letter as long as the
    /// DFA is deep, e.g. every monotone DFA whose letter a walks the whole chain — no test runs at all. Budget
    /// <c>max-parameter-states</c>: the classes of one test; the nodes interned by all tests together are at most 16 times it.
    /// </summary>
    /// <param name="minimalDfa">A minimal complete DFA of a piecewise testable language (J-trivial syntactic monoid).</param>
    /// <param name="maxStates">Budget <c>max-parameter-states</c>.</param>
    /// <exception cref="ArgumentException">The DFA is not partially ordered (so L is not piecewise testable).</exception>
    public static PiecewiseBounds PiecewiseK(Dfa minimalDfa, int maxStates)
    {
        ArgumentNullException.ThrowIfNull(minimalDfa);
        int depth = Depth(minimalDfa);
        if (depth < 0) throw new ArgumentException("the minimal DFA has a cycle through two states: the language is not piecewise testable", nameof(minimalDfa));
        var block = PiecewiseLowerBound(minimalDfa);
        int lower = Math.Min(block.Bound, depth);
        long work = 0, maxWork = 16L * maxStates;
        for (int k = lower; k < depth; k++)
        {
            try
            {
                if (ClassesMeetOneState(minimalDfa, k, maxStates, ref work, maxWork)) return new PiecewiseBounds(k, k, depth, block, null);
            }
            catch (BudgetExceededException e)
            {
                return new PiecewiseBounds(k, depth, depth, block, BudgetStop.From(e));
            }
        }
        return new PiecewiseBounds(depth, depth, depth, block, null);
    }

    private static bool ClassesMeetOneState(Dfa dfa, int k, int maxStates, ref long work, long maxWork)
    {
        int m = dfa.SymbolCount;
        var classes = new SubwordClasses(m, k, Math.Max(1, maxWork - work), maxStates);
        try
        {
            // stateOf[c]: the state of the words of the level-k class c (all classes are reached from ε in BFS order).
            var stateOf = new List<int> { dfa.Start };
            var queue = new Queue<int>();
            queue.Enqueue(SubwordClasses.Empty);
            while (queue.Count > 0)
            {
                int c = queue.Dequeue(), q = stateOf[c];
                for (int b = 0; b < m; b++)
                {
                    int next = classes.Append(k, c, b), r = dfa.Next(q, b);
                    while (stateOf.Count <= next) stateOf.Add(-1);
                    // −1: no word of the class reached yet (states are ≥ 0).
                    if (stateOf[next] >= 0)
                    {
                        if (stateOf[next] != r) return false;
                        continue;
                    }
                    stateOf[next] = r;
                    if (next >= maxStates)
                        throw new BudgetExceededException("max-parameter-states", maxStates, $"the ∼{k} subword classes of the piecewise-testability test");
                    queue.Enqueue(next);
                }
            }
            return true;
        }
        finally
        {
            work += classes.Nodes;
        }
    }
}
