using BenchmarkDotNet.Attributes;
using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Temporal;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Benchmarks;

/// <summary>Our two LTL routes on the past families: the direct construction and the FO[&lt;] construction (the twin).</summary>
[MemoryDiagnoser]
public class LtlConstructionBenchmarks
{
    private LtlFormula _formula = null!;
    private Alphabet _alphabet = null!;

    /// <summary>The family member (see <see cref="LtlFamilies.Get"/>).</summary>
    [Params("since-4", "since-8", "window-8", "window-16", "pt-6", "pt-12", "ldp-2", "ldp-4")]
    public string Case { get; set; } = "";

    /// <summary>Builds the formula.</summary>
    [GlobalSetup]
    public void Setup() => (_formula, _alphabet) = LtlFamilies.Get(Case);

    /// <summary>The direct past-LTL construction.</summary>
    [Benchmark(Baseline = true)]
    public Dfa Direct() => LtlCompiler.ToDfa(_formula, _alphabet);

    /// <summary>LTL → FO[&lt;] → track automata.</summary>
    [Benchmark]
    public Dfa ViaFirstOrder() => LtlCompiler.ToDfa(_formula, _alphabet, new LtlCompilerOptions { Construction = LtlConstruction.FirstOrder });
}
