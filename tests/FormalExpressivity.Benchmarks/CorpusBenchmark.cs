using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Collections;
using FormalExpressivity.Corpora;
using FormalExpressivity.Corpora.Writers;

namespace FormalExpressivity.Benchmarks;

/// <summary>
/// The LC25 test corpus for one language, end to end: 460 lengths (41–500) × 512 strings, balanced,
/// generated, written (JSONL or Parquet), read back and every label re-checked against the DFA.
/// Measured once (cold start, one iteration); goal ≤ 10 s. Results: results/corpora.md.
/// </summary>
/// <remarks>
/// Runs in process: BenchmarkDotNet's out-of-process build of the generated project fails on the
/// ANTLR code generation path of FormalExpressivity.Syntax.
/// </remarks>
[Config(typeof(OneShot))]
[MemoryDiagnoser]
public class CorpusBenchmark
{
    private sealed class OneShot : ManualConfig
    {
        public OneShot() => AddJob(Job.Default.WithStrategy(RunStrategy.ColdStart).WithLaunchCount(1).WithWarmupCount(0)
            .WithIterationCount(1).WithToolchain(InProcessEmitToolchain.Instance));
    }

    private string _folder = "";

    /// <summary>The language and strategy.</summary>
    [Params("LT-2/exactly-one-occurrence:ab")]
    public string Case { get; set; } = "";

    /// <summary>The output format.</summary>
    [Params(CorpusFormat.Jsonl, CorpusFormat.Parquet)]
    public CorpusFormat Format { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "fex-corpus-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_folder);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public long GenerateWriteAndCheck()
    {
        var (dfa, strategy) = Language(Case);
        var options = new CorpusOptions { Language = dfa, Strategy = strategy, MinLength = 41, MaxLength = 500, PerLength = 512, Seed = 1 };
        var dataset = Path.Combine(_folder, "corpus-" + CorpusFormats.Name(Format));
        var manifest = CorpusWriter.Write(new CorpusGenerator(options), dataset, Format);
        var path = Path.Combine(dataset, manifest.Splits[0].File);
        long checkedRows = 0;
        foreach (var row in CorpusReader.ReadCorpus(path))
        {
            if (!CorpusFormats.TryParseWord(row.Text, dfa.Alphabet, out var word, out var error)) throw new InvalidOperationException(error);
            if (dfa.Accepts(word!) != row.Label) throw new InvalidOperationException($"wrong label on row {row.Line}");
            checkedRows++;
        }
        int lengths = strategy == "one-symbol-edit-even" ? 230 : 460; // the Dyck convention keeps even lengths only
        if (checkedRows != manifest.Positives + manifest.Negatives || checkedRows != lengths * 512) throw new InvalidOperationException("row count");
        return checkedRows;
    }

    private static (Dfa, string) Language(string name)
    {
        var ab = Alphabet.Of("a", "b");
        switch (name.Split('/')[0])
        {
            case "LT-2":
                return (Table(Alphabet.Of("a", "b", "c"), [2], [1, 0, 0, 1, 2, 0, 2, 2, 2]), name.Split('/')[1]);
            case "PARITY":
                return (Table(ab, [0], [0, 1, 1, 0]), name.Split('/')[1]);
            default:
                return (Table(ab, [0], [1, 3, 2, 0, 3, 1, 3, 3]), name.Split('/')[1]);
        }
    }

    private static Dfa Table(Alphabet alphabet, int[] accepting, int[] table)
    {
        var acc = new BitSet(table.Length / alphabet.Count);
        foreach (var q in accepting) acc.Add(q);
        return Dfa.Create(alphabet, 0, table, acc);
    }
}
