using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Randomness;
using FormalExpressivity.Syntax.Temporal;
using FormalExpressivity.Transformers.Compilation;
using FormalExpressivity.Transformers.Numeric;

namespace FormalExpressivity.Benchmarks;

/// <summary>
/// The numeric simulator in fp32, fp16 and bf16 on the workload of
/// <c>fex simulate 'ltl:P(a &amp; !P true)' --alphabet a,b --lengths 200-300 --per-length 20 --numeric F</c>
/// (2 020 words, SplitMix64 seed 1, in the command's order). Issue 13's goal: fp16 and bf16 within 3× of fp32.
/// Run: dotnet run -c Release --project tests/FormalExpressivity.Benchmarks -- --filter '*NumericFormatBenchmark*'
/// (or <c>time-numeric [ROUNDS]</c> for a stopwatch run). Results: results/numeric-formats.md.
/// </summary>
[Config(typeof(SimulatorBenchmark.InProcessShortConfig))]
public class NumericFormatBenchmark
{
    private NumericTransformer _model = null!;
    private List<int[]> _words = null!;

    /// <summary>The format simulated.</summary>
    [Params(NumberFormat.Fp32, NumberFormat.Fp16, NumberFormat.Bf16)]
    public NumberFormat Format { get; set; }

    [GlobalSetup]
    public void Setup() => (_model, _words) = Workload();

    /// <summary>The compiled model (with the two-layer P fix, as the command) and the command's random words.</summary>
    public static (NumericTransformer Model, List<int[]> Words) Workload()
    {
        var ab = Alphabet.Of("a", "b");
        var formula = LtlParser.ParseOrThrow("P(a & !P true)", ab);
        var symbolic = LtlToTransformer.Compile(formula, ab).GetModelOrThrow();
        var model = NumericCompiler.Compile(symbolic, new NumericOptions(true)).GetModelOrThrow();
        var random = new SplitMix64(1);
        var words = new List<int[]>();
        for (int length = 200; length <= 300; length++)
            for (int i = 0; i < 20; i++) words.Add(random.NextWord(length, 2));
        return (model, words);
    }

    [Benchmark]
    public int Simulate() => Run(_model, _words, Format);

    private static int Run(NumericTransformer model, List<int[]> words, NumberFormat format)
    {
        int accepted = 0;
        foreach (var w in words)
            if (model.Accepts(w, format)) accepted++;
        return accepted;
    }

    /// <summary>Stopwatch mode: each format ROUNDS times after one warm-up, interleaved; prints the best times and the ratios to fp32.</summary>
    public static int Time(int rounds)
    {
        var (model, words) = Workload();
        var formats = new[] { NumberFormat.Fp32, NumberFormat.Fp16, NumberFormat.Bf16 };
        var best = formats.ToDictionary(f => f, _ => double.MaxValue);
        foreach (var f in formats) Run(model, words, f);
        for (int r = 0; r < rounds; r++)
            foreach (var f in formats)
            {
                var sw = Stopwatch.StartNew();
                int accepted = Run(model, words, f);
                best[f] = Math.Min(best[f], sw.Elapsed.TotalMilliseconds);
                if (r == 0) Console.WriteLine($"{f}: {accepted} of {words.Count} accepted");
            }
        foreach (var f in formats)
            Console.WriteLine(FormattableString.Invariant($"{f}: best {best[f]:F0} ms, {best[f] / best[NumberFormat.Fp32]:F2}× fp32"));
        return 0;
    }
}
