using FormalExpressivity.Core.Randomness;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Temporal;
using FormalExpressivity.Transformers.BitParallel;
using FormalExpressivity.Transformers.Compilation;
using FormalExpressivity.Transformers.Model;
using FormalExpressivity.Transformers.Reference;

namespace FormalExpressivity.Benchmarks;

/// <summary>
/// Transformer simulator, side by side on the same random words (length 500, SplitMix64 seed 7):
/// bit-parallel kernel (on a pre-transposed batch, and including the transposition), per-string DFA
/// simulation (flat table walk), and the reference evaluator (on <see cref="ReferenceStrings"/> words
/// only; scale per string). Formula: ~20 nodes with global and local:4 heads.
/// Run: dotnet run -c Release --project tests/FormalExpressivity.Benchmarks -- --filter '*SimulatorBenchmark*'
/// Results: benchmarks/kernels/results.md. Stopwatch mode: <c>time-simulator [ROUNDS]</c> (wall and CPU time, best of ROUNDS).
/// </summary>
[Config(typeof(InProcessShortConfig))]
public class SimulatorBenchmark
{
    /// <summary>In-process (the ANTLR build step does not survive BenchmarkDotNet's project regeneration), 1 warmup, 5 iterations.</summary>
    public sealed class InProcessShortConfig : ManualConfig
    {
        public InProcessShortConfig() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5));
    }

    public const int Length = 500;
    public const int ReferenceStrings = 16;

    [Params(65_536)]
    public int Strings { get; set; }

    private static readonly Alphabet Ab = Alphabet.Of("a", "b");
    private TransformerModel _model = null!;
    private BitParallelKernel _kernel = null!;
    private BitBatch _batch = null!;
    private List<int[]> _words = null!;
    private byte[] _flat = null!;
    private Dfa _dfa = null!;

    /// <summary>(P(a ∧ Y[≤4] b) ∧ ¬Y[≤4](b ∧ P a)) ∨ (Y[≤4] a ∧ P(b ∧ ¬Y[≤4] a)) ∨ H(a → P b).</summary>
    public static LtlFormula Formula()
    {
        var a = Ltl.Atom("a");
        var b = Ltl.Atom("b");
        return Ltl.Or(
            Ltl.Or(
                Ltl.And(Ltl.Past(Ltl.And(a, Ltl.WindowYesterday(4, b))), Ltl.Not(Ltl.WindowYesterday(4, Ltl.And(b, Ltl.Past(a))))),
                Ltl.And(Ltl.WindowYesterday(4, a), Ltl.Past(Ltl.And(b, Ltl.Not(Ltl.WindowYesterday(4, a)))))),
            Ltl.Historically(Ltl.Implies(a, Ltl.Past(b))));
    }

    [GlobalSetup]
    public void Setup()
    {
        var f = Formula();
        _model = LtlToTransformer.Compile(f, Ab).GetModelOrThrow();
        _kernel = BitParallelKernel.Compile(_model);
        var random = new SplitMix64(7);
        _words = Enumerable.Range(0, Strings).Select(_ => random.NextWord(Length, 2)).ToList();
        _flat = _words.SelectMany(w => w.Select(s => (byte)s)).ToArray();
        _bytes = ByteWords.Uniform(_flat, Length);
        _batch = BitBatch.Create(_words, 2);
        _batch2048 = BitBatch.Create(_words, 2, LaneWidth.Vector512x4);
        _dfa = PastLtlCompiler.ToDfa(f, Ab);
        var k = Kernel();
        var d = Dfa();
        var k4 = Kernel2048();
        var kb = KernelFromBytes();
        var kb4 = Kernel2048FromBytes();
        var ks = Kernel2048StreamedFromBytes();
        var ks1 = KernelStreamedFromBytes();
        for (int i = 0; i < Strings; i++)
            if (k[i] != d[i] || k4[i] != d[i] || kb[i] != d[i] || kb4[i] != d[i] || ks[i] != d[i] || ks1[i] != d[i]) throw new InvalidOperationException($"kernel and DFA disagree on word {i}");
        for (int i = 0; i < ReferenceStrings; i++)
            if (ReferenceEvaluator.Accepts(_model, _words[i]) != d[i]) throw new InvalidOperationException($"reference and DFA disagree on word {i}");
    }

    [Benchmark]
    public bool[] Kernel() => _kernel.Run(_batch);

    private BitBatch _batch2048 = null!;

    [Benchmark]
    public bool[] Kernel2048() => _kernel.Run(_batch2048);

    private ByteWords _bytes = null!;

    /// <summary>Conversion from one byte per symbol (the DFA walk's own input) + 512-lane kernel.</summary>
    [Benchmark]
    public bool[] KernelFromBytes() => _kernel.Run(BitBatch.Create(_bytes, 2, LaneWidth.Vector512));

    /// <summary>Conversion from one byte per symbol + 2048-lane kernel.</summary>
    [Benchmark]
    public bool[] Kernel2048FromBytes() => _kernel.Run(BitBatch.Create(_bytes, 2, LaneWidth.Vector512x4));

    /// <summary>Bytes streamed tile by tile into the 2048-lane kernel (no whole batch).</summary>
    [Benchmark]
    public bool[] Kernel2048StreamedFromBytes() => _kernel.Run(_bytes, LaneWidth.Vector512x4);

    /// <summary>Bytes streamed tile by tile into the 512-lane kernel.</summary>
    [Benchmark]
    public bool[] KernelStreamedFromBytes() => _kernel.Run(_bytes, LaneWidth.Vector512);

    /// <summary>Bytes → bit planes alone.</summary>
    [Benchmark]
    public int TranspositionFromBytes() => BitBatch.Create(_bytes, 2, LaneWidth.Vector512x4).Bundles;

    [Benchmark]
    public bool[] KernelWithTransposition() => _kernel.Run(BitBatch.Create(_words, 2));

    [Benchmark]
    public bool[] Kernel2048WithTransposition() => _kernel.Run(BitBatch.Create(_words, 2, LaneWidth.Vector512x4));

    /// <summary>Words → bit planes alone: 64 × 64 bit transposes, eight at a time.</summary>
    [Benchmark]
    public int Transposition() => BitBatch.Create(_words, 2, LaneWidth.Vector512x4).Bundles;

    /// <summary>
    /// The floor of any conversion from <c>int[]</c> words: reading every symbol once (a vector sum), no
    /// output. Its ratio to the DFA walk bounds the speed-up "including conversion" from this input.
    /// </summary>
    [Benchmark]
    public long InputScan()
    {
        var total = System.Runtime.Intrinsics.Vector512<int>.Zero;
        long tail = 0;
        foreach (var w in _words)
        {
            var vectors = System.Runtime.InteropServices.MemoryMarshal.Cast<int, System.Runtime.Intrinsics.Vector512<int>>(w.AsSpan());
            foreach (var v in vectors) total += v;
            for (int i = vectors.Length * 16; i < w.Length; i++) tail += w[i];
        }
        return System.Runtime.Intrinsics.Vector512.Sum(total) + tail;
    }

    /// <summary>The same floor for the DFA walk's input (one byte per symbol).</summary>
    [Benchmark]
    public long ByteInputScan()
    {
        var total = System.Runtime.Intrinsics.Vector512<ulong>.Zero;
        foreach (var v in System.Runtime.InteropServices.MemoryMarshal.Cast<byte, System.Runtime.Intrinsics.Vector512<ulong>>(_flat.AsSpan())) total += v;
        return (long)System.Runtime.Intrinsics.Vector512.Sum(total);
    }

    /// <summary>The twin layout, bit by bit (the conversion before issue 14's transposes).</summary>
    [Benchmark]
    public int TranspositionBitByBit() => BitBatch.CreateBitByBit(_words, 2, LaneWidth.Vector512x4).Bundles;

    [Benchmark(Baseline = true)]
    public bool[] Dfa()
    {
        var table = _dfa.Table;
        int k = _dfa.SymbolCount;
        var result = new bool[Strings];
        for (int i = 0; i < Strings; i++)
        {
            int q = _dfa.Start;
            var w = _flat.AsSpan(i * Length, Length);
            foreach (var s in w) q = table[q * k + s];
            result[i] = _dfa.IsAccepting(q);
        }
        return result;
    }

    [Benchmark]
    public int Reference()
    {
        int accepted = 0;
        for (int i = 0; i < ReferenceStrings; i++)
            if (ReferenceEvaluator.Accepts(_model, _words[i])) accepted++;
        return accepted;
    }

    /// <summary>Stopwatch mode (<c>time-simulator [ROUNDS]</c>): best of ROUNDS for each method, interleaved, with ratios to the DFA walk.</summary>
    public static int Time(int rounds)
    {
        var b = new SimulatorBenchmark { Strings = 65_536 };
        b.Setup();
        var methods = new (string Name, Func<object> Run)[]
        {
            ("Dfa", b.Dfa), ("Kernel", b.Kernel), ("Kernel2048", b.Kernel2048),
            ("TranspositionFromBytes", () => b.TranspositionFromBytes()), ("KernelFromBytes", b.KernelFromBytes), ("Kernel2048FromBytes", b.Kernel2048FromBytes),
            ("Kernel2048StreamedFromBytes", b.Kernel2048StreamedFromBytes), ("KernelStreamedFromBytes", b.KernelStreamedFromBytes),
            ("Transposition", () => b.Transposition()),
            ("Kernel2048WithTransposition", b.Kernel2048WithTransposition), ("TranspositionBitByBit", () => b.TranspositionBitByBit()),
            ("InputScan", () => b.InputScan()), ("ByteInputScan", () => b.ByteInputScan()),
        };
        // wall and CPU time (user + system of the process: what the method costs when the shared machine's
        // other jobs preempt it), best of ROUNDS each
        var best = methods.ToDictionary(m => m.Name, _ => double.MaxValue);
        var bestCpu = methods.ToDictionary(m => m.Name, _ => double.MaxValue);
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        for (int r = 0; r < rounds; r++)
            foreach (var (name, run) in methods)
            {
                int gcs = GC.CollectionCount(2);
                var pause = GC.GetTotalPauseDuration();
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var sw = System.Diagnostics.Stopwatch.StartNew();
                run();
                best[name] = Math.Min(best[name], sw.Elapsed.TotalMilliseconds);
                process.Refresh();
                bestCpu[name] = Math.Min(bestCpu[name], (process.TotalProcessorTime - cpu).TotalMilliseconds);
                if (r == rounds - 1) Console.WriteLine(FormattableString.Invariant($"{name}: {GC.CollectionCount(2) - gcs} gen-2 GCs, {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F1} ms paused"));
            }
        Console.WriteLine(FormattableString.Invariant($"{"method",-28} {"wall ms",9}  {"DFA/this",8}  {"CPU ms",9}  {"DFA/this",8}"));
        foreach (var (name, _) in methods)
            Console.WriteLine(FormattableString.Invariant($"{name,-28} {best[name],9:F1}  {best["Dfa"] / best[name],7:F1}×  {bestCpu[name],9:F1}  {bestCpu["Dfa"] / Math.Max(bestCpu[name], 0.01),7:F1}×"));
        return 0;
    }
}
