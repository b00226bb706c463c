using FormalExpressivity.Core.Collections;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Core.Limits;

namespace FormalExpressivity.Automata.Operations;

/// <summary>
/// Rabin–Scott subset construction: the DFA whose states are the ε-closed sets of NFA states
/// reachable from the ε-closure of the start states. States are numbered in discovery order
/// (BFS, symbols in declared order); the empty set, when reachable, is the rejecting sink.
/// </summary>
public static class SubsetConstruction
{
    /// <summary>The default bound on DFA states built by one construction.</summary>
    public const int DefaultMaxStates = 1_000_000;

    /// <summary>Determinizes <paramref name="nfa"/>.</summary>
    /// <param name="nfa">The NFA.</param>
    /// <param name="maxStates">Budget <c>max-states</c>: more DFA states end with <see cref="BudgetExceededException"/>.</param>
    public static Dfa Determinize(this Nfa nfa, int maxStates = DefaultMaxStates)
    {
        ArgumentNullException.ThrowIfNull(nfa);
        int k = nfa.Alphabet.Count, n = nfa.StateCount;
        var index = new Dictionary<BitSet, int>();
        var sets = new List<BitSet>();
        var table = new List<int>();
        var start = new BitSet(n);
        foreach (var s in nfa.StartStates) start.Add(s);
        nfa.EpsilonClose(start);
        index[start] = 0;
        sets.Add(start);
        for (int i = 0; i < sets.Count; i++)
        {
            var current = sets[i];
            for (int a = 0; a < k; a++)
            {
                var next = new BitSet(n);
                foreach (var q in current.Elements())
                {
                    var labels = nfa.Labels(q);
                    var targets = nfa.Targets(q);
                    for (int e = 0; e < labels.Length; e++) if (labels[e] == a) next.Add(targets[e]);
                }
                nfa.EpsilonClose(next);
                if (!index.TryGetValue(next, out int id))
                {
                    if (sets.Count >= maxStates) throw new BudgetExceededException("max-states", maxStates, "subset construction");
                    if ((sets.Count & 4095) == 4095) MemoryBudget.Current.Require(0, $"the subset construction ({sets.Count} states of an {nfa.StateCount}-state NFA so far)");
                    id = sets.Count;
                    index[next] = id;
                    sets.Add(next);
                }
                table.Add(id);
            }
        }
        var acc = new BitSet(sets.Count);
        for (int i = 0; i < sets.Count; i++)
            foreach (var q in sets[i].Elements())
                if (nfa.IsAccepting(q)) { acc.Add(i); break; }
        return Dfa.CreateUnchecked(nfa.Alphabet, 0, table.ToArray(), acc);
    }
}
