using BenchmarkDotNet.Attributes;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Enumeration;
using FormalExpressivity.Classes.Verdicts;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Engine.Claims;

namespace FormalExpressivity.Benchmarks;

/// <summary>
/// Conjecture enumeration (issue 6 goal: every minimal DFA with ≤ 4 states over {a, b} in ≤ 60 s):
/// the canonical enumeration alone, and a whole conjecture enumerated by the decider chain.
/// </summary>
[MemoryDiagnoser]
public class ConjectureEnumerationBenchmark
{
    private static readonly Alphabet AB = Alphabet.Of("a", "b");

    /// <summary>Enumerate the 57 068 languages with ≤ 4 minimal states over {a, b}.</summary>
    [Benchmark]
    public int EnumerateFourStates() => MinimalDfaEnumeration.Enumerate(AB, 4).Count();

    /// <summary>uha ⊆ hybrid(1): enumerated until the smallest counterexample ((a(ab)*b)*-like, 3 states).</summary>
    [Benchmark]
    public ClaimStatus UhaInHybridFourStates() =>
        ConjectureChecker.Check(Architecture.Uha, Architecture.Hybrid(1), AB, 4, VerdictEngine.Default).Status;
}
