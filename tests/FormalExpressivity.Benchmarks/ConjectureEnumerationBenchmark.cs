using BenchmarkDotNet.Attributes;
using FormalExpressivity.Classes.Claims;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Claims;

namespace FormalExpressivity.Benchmarks;

/// <summary>
/// Conjecture enumeration (issue 6 goal: every minimal DFA with ≤ 4 states over {a, b} in ≤ 60 s):
/// the canonical enumeration alone, and a whole conjecture checked with the structural oracle.
/// </summary>
[MemoryDiagnoser]
public class ConjectureEnumerationBenchmark
{
    private static readonly Alphabet AB = Alphabet.Of("a", "b");

    /// <summary>Enumerate the 57 068 languages with ≤ 4 minimal states over {a, b}.</summary>
    [Benchmark]
    public int EnumerateFourStates() => MinimalDfaEnumeration.Enumerate(AB, 4).Count();

    /// <summary>global ⊆ hybrid(1) over all of them (confirmed).</summary>
    [Benchmark]
    public ClaimStatus GlobalInHybridFourStates() =>
        ConjectureChecker.Check(new Architecture(ArchitectureKind.Global, 0), Architecture.Hybrid(1), AB, 4, new StructuralArchitectureOracle()).Status;
}
