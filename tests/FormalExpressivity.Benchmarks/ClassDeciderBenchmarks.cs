using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BenchmarkDotNet.Engines;
using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Classes;
using FormalExpressivity.Classes.Deciders;
using FormalExpressivity.Core.Collections;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Benchmarks;

/// <summary>Seeded random minimal DFAs and one structured worst case for the class deciders (issue 4 goals).</summary>
internal static class ClassBenchmarkInputs
{
    /// <summary>A seeded random DFA over |Σ| symbols, minimized.</summary>
    public static Dfa RandomMinimal(int states, int symbols) =>
        RandomDfa.Create(new Random(1000 * states + symbols), states, RandomDfa.Letters(symbols)).Minimize();

    /// <summary>Σ*aΣ^{m−1} over {a,b}: minimal DFA of 2^m states, one strongly connected component, definite of degree m — every pair test explores all pairs.</summary>
    public static Dfa NthFromEnd(int m)
    {
        int n = 1 << m;
        var table = new int[n * 2];
        for (int q = 0; q < n; q++)
            for (int a = 0; a < 2; a++) table[q * 2 + a] = ((q << 1) | (a == 0 ? 1 : 0)) & (n - 1);
        var acc = new BitSet(n);
        for (int q = 0; q < n; q++) if ((q >> (m - 1) & 1) == 1) acc.Add(q);
        return Dfa.Create(RandomDfa.Letters(2), 0, table, acc).Minimize();
    }
}

/// <summary>
/// A brief in-process job (the out-of-process build cannot regenerate the ANTLR sources): one launch,
/// one warm-up, nine measured iterations, each a single invocation; the median is the figure reported.
/// </summary>
public sealed class QuickInProcessConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public QuickInProcessConfig()
    {
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(9).WithInvocationCount(1).WithUnrollFactor(1));
    }
}

/// <summary>The all-class report (every <see cref="LanguageClass"/>) for random minimal DFAs; goal ≤ 50 ms median at 50 states.</summary>
[Config(typeof(QuickInProcessConfig))]
public class ClassReportBenchmarks
{
    private Dfa _dfa = null!;

    /// <summary>States before minimization; 0 = the aperiodic Σ*aΣ^4 (32 states, every semigroup test runs).</summary>
    [Params(10, 50, 0)]
    public int States { get; set; }

    /// <summary>|Σ|.</summary>
    [Params(2, 3)]
    public int Symbols { get; set; }

    /// <summary>Builds the DFA.</summary>
    [GlobalSetup]
    public void Setup() => _dfa = States == 0 ? ClassBenchmarkInputs.NthFromEnd(5) : ClassBenchmarkInputs.RandomMinimal(States, Symbols);

    /// <summary>Every class, sharing one decision context.</summary>
    [Benchmark]
    public int AllClasses() => ClassDeciders.DecideAll(new DecisionContext(_dfa)).Count(v => v.Value.Member);
}

/// <summary>The polynomial DFA tests (no semigroup): R and D goal ≤ 1 s at 1000 states, LR ≤ 1 s at 200 states.</summary>
[Config(typeof(QuickInProcessConfig))]
public class ClassDfaTestBenchmarks
{
    private Dfa _dfa = null!;

    /// <summary>States before minimization; 0 = the structured worst case Σ*aΣ^9 (1024 states, acyclic pair graph).</summary>
    [Params(200, 1000, 0)]
    public int States { get; set; }

    /// <summary>|Σ|.</summary>
    [Params(2, 3)]
    public int Symbols { get; set; }

    /// <summary>Builds the DFA.</summary>
    [GlobalSetup]
    public void Setup() => _dfa = States == 0 ? ClassBenchmarkInputs.NthFromEnd(10) : ClassBenchmarkInputs.RandomMinimal(States, Symbols);

    /// <summary>R: partial order (Tarjan).</summary>
    [Benchmark]
    public bool R() => RTrivialDecider.Decide(_dfa).Member;

    /// <summary>D: pair graph with degree.</summary>
    [Benchmark]
    public bool D() => DefiniteDecider.Decide(_dfa).Member;

    /// <summary>LR: pair graph inside components.</summary>
    [Benchmark]
    public bool LR() => LocallyRTrivialDecider.Decide(_dfa).Member;
}
