using BenchmarkDotNet.Attributes;
using FormalExpressivity.Automata.Formats;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Benchmarks;

/// <summary>Reading and writing seeded random complete DFAs in the AT&amp;T and JSON formats.</summary>
[MemoryDiagnoser]
public class FormatBenchmarks
{
    private string _att = "";
    private string _json = "";

    [Params(10_000, 100_000)]
    public int States { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var dfa = RandomDfa.Create(new Random(20261129), States, RandomDfa.Letters(2));
        _att = AttFormat.Write(dfa);
        _json = DfaJson.Write(dfa);
    }

    [Benchmark]
    public int ReadAtt() => AttFormat.ReadDfa(_att).Value.StateCount;

    [Benchmark]
    public int ReadJson() => DfaJson.ReadDfa(_json).Value.StateCount;
}
