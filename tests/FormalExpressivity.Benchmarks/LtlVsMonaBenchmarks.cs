using BenchmarkDotNet.Attributes;
using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Logic;
using FormalExpressivity.Syntax.Temporal;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Benchmarks;

/// <summary>
/// Past-LTL families: our direct construction (formula → canonical minimal DFA) against MONA on the
/// FO[&lt;] encoding of the same formula (process run on a prepared file: what a user of MONA pays).
/// The setup checks that both give the same language with the same minimal size.
/// Run by <c>scripts/compare-mona.sh</c>.
/// </summary>
[MemoryDiagnoser]
public class LtlVsMonaBenchmarks
{
    private LtlFormula _formula = null!;
    private Alphabet _alphabet = null!;
    private string _monaFile = null!;

    /// <summary>The family member (see <see cref="LtlFamilies.Get"/>).</summary>
    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "";

    /// <summary>The measured family members.</summary>
    public static IEnumerable<string> Cases() =>
        ["since-2", "since-4", "since-8", "window-4", "window-8", "window-16", "pt-3", "pt-6", "pt-12", "ldp-1", "ldp-2", "ldp-4"];

    /// <summary>Builds the formula, writes MONA's program, and checks that both tools agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_formula, _alphabet) = LtlFamilies.Get(Case);
        var sentence = LtlToFo.Translate(_formula);
        _monaFile = Path.Combine(Path.GetTempPath(), $"fex-bench-{Case}.mona");
        File.WriteAllText(_monaFile, MonaOracle.ToMona(sentence, _alphabet));
        var ours = LtlCompiler.ToDfa(_formula, _alphabet);
        var mona = MonaOracle.Import(MonaOracle.Run(_monaFile).Output, _alphabet, LtlEvaluator.Accepts(_formula, _alphabet, []));
        var difference = Equivalence.FindDifference(ours, mona);
        if (difference is not null || mona.Minimize().StateCount != ours.StateCount)
            throw new InvalidOperationException($"{Case}: MONA disagrees (difference {difference?.Format(_alphabet) ?? "none"}, sizes {ours.StateCount} vs {mona.Minimize().StateCount})");
        Console.WriteLine($"// {Case}: {_formula} over {_alphabet}: minimal DFA {ours.StateCount} states (ours = MONA's)");
    }

    /// <summary>Removes the MONA program.</summary>
    [GlobalCleanup]
    public void Cleanup() => File.Delete(_monaFile);

    /// <summary>Our direct past-LTL construction.</summary>
    [Benchmark(Baseline = true)]
    public Dfa Ours() => LtlCompiler.ToDfa(_formula, _alphabet);

    /// <summary>MONA on the FO[&lt;] encoding (one process run).</summary>
    [Benchmark]
    public string Mona() => MonaOracle.Run(_monaFile).Output;
}
