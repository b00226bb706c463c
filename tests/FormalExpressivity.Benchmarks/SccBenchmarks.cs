using BenchmarkDotNet.Attributes;
using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Graphs;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Benchmarks;

/// <summary>Strongly connected components (QuikGraph's Tarjan over the table view, then the topological renumbering).</summary>
[MemoryDiagnoser]
public class SccBenchmarks
{
    private Dfa _dfa = null!;

    [Params(10_000, 100_000)]
    public int States { get; set; }

    [GlobalSetup]
    public void Setup() => _dfa = RandomDfa.Create(new Random(20261129), States, RandomDfa.Letters(2));

    [Benchmark]
    public int Components() => StronglyConnected.Components(_dfa).ComponentCount;
}
