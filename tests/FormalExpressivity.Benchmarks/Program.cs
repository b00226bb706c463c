using BenchmarkDotNet.Running;

namespace FormalExpressivity.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line (BenchmarkSwitcher).</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    /// <param name="args">BenchmarkDotNet arguments, e.g. <c>--filter *Conjecture*</c>.</param>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
