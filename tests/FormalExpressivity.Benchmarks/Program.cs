using BenchmarkDotNet.Running;

namespace FormalExpressivity.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project tests/FormalExpressivity.Benchmarks -- --filter '*Name*'</c>.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected by the arguments.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
