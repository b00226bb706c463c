using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
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
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
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
[SimpleJob(RunStrategy.ColdStart, launchCount: 1, warmupCount: 0, iterationCount: 1)]
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
