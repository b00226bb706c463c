using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BenchmarkDotNet.Engines;
using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Report;
using FormalExpressivity.Classes.Verdicts;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Benchmarks;

/// <summary>
/// The exact architecture verdicts (global, local:1, hybrid:1, uha, with witness pairs checked at
/// depth 4) on seeded random minimal DFAs (seed 2026 + states).
/// </summary>
[Config(typeof(ArchitectureBenchmarkConfig))]
public class ArchitectureVerdictBenchmarks
{
    private Dfa _dfa = null!;

    /// <summary>States of the random DFA before minimization.</summary>
    [Params(10, 50, 200, 1000)]
    public int States { get; set; }

    /// <summary>|Σ|.</summary>
    [Params(2, 3)]
    public int Symbols { get; set; }

    /// <summary>Builds the DFA.</summary>
    [GlobalSetup]
    public void Setup() => _dfa = RandomDfa.Create(new Random(2026 + States), States, RandomDfa.Letters(Symbols)).Minimize();

    /// <summary>global, local:1, hybrid:1 and uha with evidence.</summary>
    [Benchmark]
    public int ExactVerdicts()
    {
        var rows = VerdictEngine.Default.Decide(_dfa, [Architecture.Global, Architecture.Local(1), Architecture.Hybrid(1), Architecture.Uha]);
        return rows.Values.Count(v => v.Answer == Answer.Yes);
    }
}

/// <summary>The whole <c>fex classify</c> report (classes, Ywin/PYwin and every architecture for k = 1, 2, 4) on seeded random minimal DFAs.</summary>
[Config(typeof(ArchitectureBenchmarkConfig))]
public class ClassifyReportBenchmarks
{
    private Dfa _dfa = null!;

    /// <summary>States of the random DFA before minimization.</summary>
    [Params(10, 50)]
    public int States { get; set; }

    /// <summary>|Σ|.</summary>
    [Params(2, 3)]
    public int Symbols { get; set; }

    /// <summary>Builds the DFA.</summary>
    [GlobalSetup]
    public void Setup() => _dfa = RandomDfa.Create(new Random(2026 + States), States, RandomDfa.Letters(Symbols)).Minimize();

    /// <summary>The report with the default budgets (VerdictOptions.Default).</summary>
    [Benchmark]
    public int FullReport() => Classifier.Classify(_dfa).Architectures.Count;
}

/// <summary>Monitoring, 1 warm-up + 3 iterations, in process (the ANTLR build does not survive BenchmarkDotNet's out-of-process rebuild).</summary>
public sealed class ArchitectureBenchmarkConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public ArchitectureBenchmarkConfig() => AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1)
        .WithIterationCount(3).WithToolchain(InProcessEmitToolchain.Instance));
}
