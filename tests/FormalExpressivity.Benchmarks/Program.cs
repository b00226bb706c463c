using BenchmarkDotNet.Running;

namespace FormalExpressivity.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release -- --filter '*ClassReport*'</c>.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected on the command line.</summary>
    /// <param name="args">BenchmarkDotNet arguments.</param>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
