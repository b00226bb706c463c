using BenchmarkDotNet.Attributes;
using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Benchmarks;

/// <summary>Hopcroft minimization of seeded random complete DFAs (26 symbols × 10^6 states is left out: ~100 MB table, ~1 GB working set).</summary>
[MemoryDiagnoser]
public class MinimizationBenchmarks
{
    private Dfa _dfa = null!;

    [Params(1_000, 10_000, 100_000, 1_000_000)]
    public int States { get; set; }

    [Params(2, 4, 26)]
    public int Symbols { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        if (States == 1_000_000 && Symbols == 26) throw new NotSupportedException("26 symbols × 10^6 states is excluded (memory)");
        _dfa = RandomDfa.Create(new Random(20261129), States, RandomDfa.Letters(Symbols));
    }

    [Benchmark]
    public int Hopcroft() => _dfa.Minimize().StateCount;
}
