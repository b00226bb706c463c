using System.Globalization;
using System.Text;

namespace FormalExpressivity.Automata.Graphs;

/// <summary>
/// Writes automata in Graphviz DOT. The output is deterministic: states in increasing order,
/// one edge per (source, target) pair labelled with its symbols in declared order, accepting states
/// drawn as double circles, the start state marked by an arrow from an invisible point node.
/// Smallest example (Σ* over {a}): <c>digraph dfa { … __start -> 0; 0 [shape=doublecircle]; 0 -> 0 [label="a"]; }</c>.
/// </summary>
public static class DotWriter
{
    /// <summary>The DOT text of <paramref name="dfa"/> (lines end in <c>\n</c>).</summary>
    /// <param name="dfa">The DFA.</param>
    public static string Write(Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        var sb = Header("dfa");
        sb.Append("  __start -> ").Append(Id(dfa.Start)).Append(";\n");
        for (int q = 0; q < dfa.StateCount; q++)
            if (dfa.IsAccepting(q)) sb.Append("  ").Append(Id(q)).Append(" [shape=doublecircle];\n");
        for (int q = 0; q < dfa.StateCount; q++)
        {
            // Targets in order of their first symbol; each edge lists its symbols in declared order.
            var order = new List<int>();
            var labels = new Dictionary<int, List<string>>();
            for (int a = 0; a < dfa.SymbolCount; a++)
            {
                int r = dfa.Next(q, a);
                if (!labels.TryGetValue(r, out var list)) { labels[r] = list = []; order.Add(r); }
                list.Add(dfa.Alphabet[a]);
            }
            foreach (int r in order) Edge(sb, q, r, labels[r]);
        }
        sb.Append("}\n");
        return sb.ToString();
    }

    /// <summary>The DOT text of <paramref name="nfa"/>; ε-edges are labelled <c>ε</c>.</summary>
    /// <param name="nfa">The NFA.</param>
    public static string Write(Nfa nfa)
    {
        ArgumentNullException.ThrowIfNull(nfa);
        var sb = Header("nfa");
        foreach (int s in nfa.StartStates) sb.Append("  __start -> ").Append(Id(s)).Append(";\n");
        for (int q = 0; q < nfa.StateCount; q++)
            if (nfa.IsAccepting(q)) sb.Append("  ").Append(Id(q)).Append(" [shape=doublecircle];\n");
        for (int q = 0; q < nfa.StateCount; q++)
        {
            var labels = nfa.Labels(q);
            var targets = nfa.Targets(q);
            var byTarget = new SortedDictionary<int, List<string>>();
            for (int i = 0; i < labels.Length; i++)
            {
                if (!byTarget.TryGetValue(targets[i], out var list)) byTarget[targets[i]] = list = [];
                list.Add(labels[i] == Nfa.Epsilon ? "ε" : nfa.Alphabet[labels[i]]);
            }
            foreach (var (r, list) in byTarget) Edge(sb, q, r, list);
        }
        sb.Append("}\n");
        return sb.ToString();
    }

    private static StringBuilder Header(string name) =>
        new StringBuilder()
            .Append("digraph ").Append(name).Append(" {\n")
            .Append("  rankdir=LR;\n")
            .Append("  node [shape=circle];\n")
            .Append("  __start [shape=point, label=\"\"];\n");

    private static void Edge(StringBuilder sb, int from, int to, List<string> labels) =>
        sb.Append("  ").Append(Id(from)).Append(" -> ").Append(Id(to))
          .Append(" [label=\"").Append(string.Join(", ", labels)).Append("\"];\n");

    private static string Id(int q) => q.ToString(CultureInfo.InvariantCulture);
}
