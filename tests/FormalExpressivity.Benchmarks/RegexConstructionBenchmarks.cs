using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Regex;

namespace FormalExpressivity.Benchmarks;

/// <summary>
/// (a|b)*a(a|b){k}: the k+1-th symbol from the end is a. Its minimal DFA has 2^(k+1) states
/// (it must remember the last k+1 symbols), so both constructions are exponential in k; this
/// measures Brzozowski derivatives (+ Hopcroft) against Thompson → subset → Hopcroft.
/// Each invocation parses with a fresh builder, so no derivative is reused across invocations.
/// Results: results/regex.md.
/// </summary>
[Config(typeof(RegexBenchmarkConfig.Small))]
[MemoryDiagnoser]
public class RegexConstructionBenchmarks
{
    private static readonly Alphabet Ab = Alphabet.Of("a", "b");

    /// <summary>The k of (a|b)*a(a|b){k}.</summary>
    [Params(4, 8, 12, 16)]
    public int K { get; set; }

    private RegexCompilerOptions Options(RegexConstruction construction) =>
        new() { MaxStates = 1 << (K + 2), Construction = construction };

    private RegexNode Parse() => RegexParser.Parse($"(a|b)*a(a|b){{{K}}}", Ab).Value;

    [Benchmark(Baseline = true)]
    public Dfa Derivatives() => RegexCompiler.ToDfa(Parse(), Options(RegexConstruction.Derivatives));

    [Benchmark]
    public Dfa Thompson() => RegexCompiler.ToDfa(Parse(), Options(RegexConstruction.Thompson));
}

/// <summary>
/// The large end of the same family, k = 18 and 20 (2^19 and 2^21 states): one cold
/// invocation each, since a single construction takes seconds to minutes.
/// </summary>
[Config(typeof(RegexBenchmarkConfig.Large))]
[MemoryDiagnoser]
public class RegexConstructionLargeBenchmarks
{
    private static readonly Alphabet Ab = Alphabet.Of("a", "b");

    /// <summary>The k of (a|b)*a(a|b){k}.</summary>
    [Params(18, 20)]
    public int K { get; set; }

    private RegexCompilerOptions Options(RegexConstruction construction) =>
        new() { MaxStates = 1 << (K + 2), Construction = construction };

    private RegexNode Parse() => RegexParser.Parse($"(a|b)*a(a|b){{{K}}}", Ab).Value;

    [Benchmark(Baseline = true)]
    public Dfa Derivatives() => RegexCompiler.ToDfa(Parse(), Options(RegexConstruction.Derivatives));

    [Benchmark]
    public Dfa Thompson() => RegexCompiler.ToDfa(Parse(), Options(RegexConstruction.Thompson));
}

/// <summary>
/// Short in-process jobs. In-process because BenchmarkDotNet's generated project rebuilds
/// FormalExpressivity.Syntax under a foreign output path, where the ANTLR build task fails.
/// </summary>
public static class RegexBenchmarkConfig
{
    public sealed class Small : ManualConfig
    {
        public Small() => AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1)
            .WithIterationCount(3).WithToolchain(InProcessEmitToolchain.Instance));
    }

    public sealed class Large : ManualConfig
    {
        public Large() => AddJob(Job.Default.WithStrategy(RunStrategy.ColdStart).WithLaunchCount(1).WithWarmupCount(0)
            .WithIterationCount(1).WithToolchain(InProcessEmitToolchain.Instance));
    }
}
