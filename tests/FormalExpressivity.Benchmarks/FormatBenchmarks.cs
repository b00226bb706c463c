using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Formats;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Benchmarks;

/// <summary>
/// Reading (from UTF-8 bytes, as the CLI reads files) and writing (streamed) seeded random complete DFAs in
/// the AT&amp;T and JSON formats; the MB/s column is the file size divided by the mean time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class FormatBenchmarks
{
    private Dfa _dfa = null!;
    private byte[] _att = [];
    private byte[] _json = [];

    [Params(100_000, 1_000_000)]
    public int States { get; set; }

    /// <summary>The benchmarked DFA and its two files (also used by the MB/s column, in the host process).</summary>
    internal static (Dfa Dfa, byte[] Att, byte[] Json) Files(int states)
    {
        var dfa = RandomDfa.Create(new Random(20261129), states, RandomDfa.Letters(2));
        return (dfa, System.Text.Encoding.UTF8.GetBytes(AttFormat.Write(dfa)), System.Text.Encoding.UTF8.GetBytes(DfaJson.Write(dfa)));
    }

    [GlobalSetup]
    public void Setup() => (_dfa, _att, _json) = Files(States);

    [Benchmark]
    public int ReadAtt() => AttFormat.ReadDfa(_att).Value.StateCount;

    [Benchmark]
    public int ReadJson() => DfaJson.ReadDfa(_json).Value.StateCount;

    [Benchmark]
    public void WriteAtt()
    {
        using var w = new StreamWriter(Stream.Null, new System.Text.UTF8Encoding(false), 1 << 16);
        AttFormat.Write(_dfa, w);
    }

    [Benchmark]
    public void WriteJson()
    {
        using var w = new StreamWriter(Stream.Null, new System.Text.UTF8Encoding(false), 1 << 16);
        DfaJson.Write(_dfa, w);
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new MegabytesPerSecond());
    }

    /// <summary>File size (the AT&amp;T or JSON file of the case's DFA) / mean time, in 10⁶ bytes per second.</summary>
    private sealed class MegabytesPerSecond : IColumn
    {
        private static readonly ConcurrentDictionary<int, (long Att, long Json)> Sizes = new();

        public string Id => nameof(MegabytesPerSecond);
        public string ColumnName => "MB/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "File size / mean time (10^6 bytes per second)";
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            if (mean is null) return "?";
            int states = (int)benchmarkCase.Parameters["States"];
            var (att, json) = Sizes.GetOrAdd(states, s => Files(s) is var f ? (f.Att.LongLength, f.Json.LongLength) : default);
            long bytes = benchmarkCase.Descriptor.WorkloadMethod.Name.Contains("Att", StringComparison.Ordinal) ? att : json;
            return (bytes / (mean.Value / 1e9) / 1e6).ToString("F0", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
