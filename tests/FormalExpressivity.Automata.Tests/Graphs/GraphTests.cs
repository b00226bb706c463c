using System.Diagnostics;
using FormalExpressivity.Automata.Graphs;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Collections;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Automata.Tests.Graphs;

public class GraphTests
{
    /// <summary>Oracle: reachability by a plain BFS over successor lists.</summary>
    private static bool[] ReachFrom(int n, Func<int, IEnumerable<int>> next, IEnumerable<int> roots)
    {
        var seen = new bool[n];
        var queue = new Queue<int>();
        foreach (var r in roots) if (!seen[r]) { seen[r] = true; queue.Enqueue(r); }
        while (queue.Count > 0)
            foreach (var s in next(queue.Dequeue()))
                if (!seen[s]) { seen[s] = true; queue.Enqueue(s); }
        return seen;
    }

    private static void CheckScc(SccDecomposition scc, int n, Func<int, IEnumerable<int>> next, string context)
    {
        var reach = Enumerable.Range(0, n).Select(q => ReachFrom(n, next, [q])).ToArray();
        for (int p = 0; p < n; p++)
            for (int q = 0; q < n; q++)
            {
                bool same = reach[p][q] && reach[q][p];
                Assert.That(scc.ComponentOf[p] == scc.ComponentOf[q], Is.EqualTo(same), $"{context}: states {p}, {q}");
            }
        for (int p = 0; p < n; p++)
            foreach (var q in next(p))
                Assert.That(scc.ComponentOf[p], Is.LessThanOrEqualTo(scc.ComponentOf[q]), $"{context}: edge {p}->{q} goes backwards in the topological order");
        for (int c = 0; c < scc.ComponentCount; c++)
        {
            var states = scc.States(c).ToArray();
            Assert.That(states.Length, Is.EqualTo(scc.Sizes[c]), context);
            bool cycle = states.Length > 1 || next(states[0]).Contains(states[0]);
            Assert.That(scc.HasCycle[c], Is.EqualTo(cycle), $"{context}: component {c}");
        }
        Assert.That(scc.TopologicalOrder, Is.EqualTo(Enumerable.Range(0, scc.ComponentCount).ToArray()));
    }

    [Test]
    public void Dfa_components_are_mutual_reachability_classes_in_topological_order()
    {
        const int seed = 4242;
        var random = new Random(seed);
        for (int trial = 0; trial < 200; trial++)
        {
            var dfa = RandomDfa.Create(random, 1 + random.Next(15), RandomDfa.Letters(1 + random.Next(3)));
            CheckScc(StronglyConnected.Components(dfa), dfa.StateCount,
                q => Enumerable.Range(0, dfa.SymbolCount).Select(a => dfa.Next(q, a)), $"seed {seed}, trial {trial}");
        }
    }

    [Test]
    public void Nfa_components_are_mutual_reachability_classes_in_topological_order()
    {
        const int seed = 77;
        var random = new Random(seed);
        for (int trial = 0; trial < 200; trial++)
        {
            var nfa = RandomNfa.Create(random, 1 + random.Next(12), RandomDfa.Letters(2), 1 + random.Next(2));
            CheckScc(StronglyConnected.Components(nfa), nfa.StateCount, q => nfa.Targets(q).ToArray(), $"seed {seed}, trial {trial}");
        }
    }

    [Test]
    public void Components_of_a_star_b_are_three_singletons_in_order()
    {
        var ab = Alphabet.Of("a", "b");
        var dfa = Dfa.Create(ab, 0, [0, 1, 2, 2, 2, 2], Accepting(3, 1));
        var scc = StronglyConnected.Components(dfa);
        Assert.That(scc.ComponentOf, Is.EqualTo(new[] { 0, 1, 2 }));
        Assert.That(scc.HasCycle, Is.EqualTo(new[] { true, false, true }));
    }

    [Test]
    public void Components_of_a_long_chain_do_not_overflow_the_stack()
    {
        // 300 000 states in one path 0 → 1 → … → n−1 → n−1: the depth-first search is 300 000 deep.
        int n = 300_000;
        var table = new int[n];
        for (int q = 0; q < n; q++) table[q] = Math.Min(q + 1, n - 1);
        var dfa = Dfa.Create(Alphabet.Of("a"), 0, table, Accepting(n, n - 1));
        var scc = StronglyConnected.Components(dfa);
        Assert.That(scc.ComponentCount, Is.EqualTo(n));
        Assert.That(scc.ComponentOf[n - 1], Is.EqualTo(n - 1));
    }

    [Test]
    public void Reachability_agrees_with_bfs_access_words()
    {
        var random = new Random(99);
        for (int trial = 0; trial < 200; trial++)
        {
            var dfa = RandomDfa.Create(random, 1 + random.Next(20), RandomDfa.Letters(1 + random.Next(2)));
            var words = dfa.ShortlexLeastWords(out _);
            var reach = Reachability.Reachable(dfa);
            for (int q = 0; q < dfa.StateCount; q++) Assert.That(reach[q], Is.EqualTo(words[q] is not null), $"trial {trial}, state {q}");
            var co = Reachability.CoReachable(dfa, dfa.AcceptingStates());
            for (int q = 0; q < dfa.StateCount; q++)
            {
                var oracle = ReachFrom(dfa.StateCount, p => Enumerable.Range(0, dfa.SymbolCount).Select(a => dfa.Next(p, a)), [q]);
                bool live = Enumerable.Range(0, dfa.StateCount).Any(r => oracle[r] && dfa.IsAccepting(r));
                Assert.That(co[q], Is.EqualTo(live), $"trial {trial}, state {q}");
            }
        }
    }

    [Test]
    public void Nfa_reachability_follows_epsilon_edges()
    {
        var b = new AutomatonBuilder(Alphabet.Of("a"));
        b.AddStates(4);
        b.AddStart(0);
        b.AddEpsilon(0, 1);
        b.AddTransition(1, "a", 2);
        var reach = Reachability.Reachable(b.BuildNfa());
        Assert.That(reach.Elements(), Is.EqualTo(new[] { 0, 1, 2 }));
    }

    [Test]
    public void The_graph_view_exposes_the_table_without_copying()
    {
        var dfa = RandomDfa.Create(new Random(5), 7, RandomDfa.Letters(3));
        var graph = new DfaGraph(dfa);
        Assert.That(graph.VertexCount, Is.EqualTo(7));
        Assert.That(graph.EdgeCount, Is.EqualTo(21));
        Assert.That(graph.Edges.Count(), Is.EqualTo(21));
        foreach (var e in graph.Edges)
        {
            Assert.That(e.Target, Is.EqualTo(dfa.Next(e.Source, e.Symbol)));
            Assert.That(graph.ContainsEdge(e), Is.True);
            Assert.That(graph.ContainsEdge(e.Source, e.Target), Is.True);
        }
        Assert.That(graph.OutEdges(3).Select(e => e.Symbol), Is.EqualTo(new[] { 0, 1, 2 }));
        Assert.That(graph.ContainsEdge(new TransitionEdge(0, 0, (dfa.Next(0, 0) + 1) % 7)), Is.False);
    }

    [Test]
    public void Dot_output_is_deterministic_and_accepted_by_graphviz()
    {
        var ab = Alphabet.Of("a", "b");
        var dfa = Dfa.Create(ab, 0, [1, 0, 1, 2, 2, 2], Accepting(3, 1));
        var dot = DotWriter.Write(dfa);
        Golden.Match(dot, "dfa_dot");
        Golden.Match(DotWriter.Write(Nfa.FromDfa(dfa)), "nfa_dot");
        var dotTool = new[] { "/usr/bin/dot", "/usr/local/bin/dot" }.FirstOrDefault(File.Exists);
        if (dotTool is null) Assert.Inconclusive("graphviz is not installed");
        var psi = new ProcessStartInfo(dotTool, "-Tsvg") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(psi)!;
        process.StandardInput.Write(dot);
        process.StandardInput.Close();
        var svg = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.EqualTo(0), process.StandardError.ReadToEnd());
        Assert.That(svg, Does.Contain("<svg"));
    }

    private static BitSet Accepting(int n, params int[] states)
    {
        var b = new BitSet(n);
        foreach (var q in states) b.Add(q);
        return b;
    }
}
