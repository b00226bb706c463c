using System.Diagnostics;
using BenchmarkDotNet.Running;
using FormalExpressivity.Automata.Formats;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Benchmarks;

/// <summary>
/// BenchmarkDotNet entry point, plus two helper modes used by scripts/compare-dkbrics.sh:
/// <c>generate-att STATES SYMBOLS SEED OUT</c> writes a seeded random complete DFA in AT&amp;T format;
/// <c>time-minimize STATES SYMBOLS SEED</c> prints the in-process minimization time;
/// <c>time-semigroup FILE.json MAX</c> times the Froidure–Pin enumeration and Green's relations;
/// <c>time-classes FILE.json [CLASSES|all [MAX-SEMIGROUP]]</c> times each class row (<see cref="ClassRowTiming"/>);
/// <c>time-arch FILE.json [MAX-FORMULA-SIZE]</c> times each stage of each architecture row (<see cref="ArchitectureStageTiming"/>);
/// <c>time-numeric [ROUNDS]</c> times the numeric simulator per format (<see cref="NumericFormatBenchmark"/>);
/// <c>time-simulator [ROUNDS]</c> times the bit-parallel kernel, the transposition and the DFA walk (<see cref="SimulatorBenchmark"/>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 5 && args[0] == "generate-att")
        {
            var dfa = RandomDfa.Create(new Random(int.Parse(args[3])), int.Parse(args[1]), RandomDfa.Letters(int.Parse(args[2])));
            File.WriteAllText(args[4], AttFormat.Write(dfa));
            return 0;
        }
        if (args.Length == 4 && args[0] == "time-minimize")
        {
            var dfa = RandomDfa.Create(new Random(int.Parse(args[3])), int.Parse(args[1]), RandomDfa.Letters(int.Parse(args[2])));
            dfa.Minimize(); // warm-up (JIT)
            for (int i = 0; i < 3; i++)
            {
                GC.Collect();
                long before = GC.GetTotalAllocatedBytes(true);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                var min = dfa.Minimize();
                sw.Stop();
                cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                long allocated = GC.GetTotalAllocatedBytes(true) - before;
                Console.WriteLine($"{args[1]} states, {args[2]} symbols: {min.StateCount} minimal states in {sw.Elapsed.TotalMilliseconds:F0} ms wall, {cpu.TotalMilliseconds:F0} ms CPU, {allocated / (1 << 20)} MiB allocated");
            }
            return 0;
        }
        if (args.Length == 3 && args[0] == "time-att-phases")
        {
            // The phases of `fex minimize IN.att -o OUT.att`, in process, three rounds (the first includes JIT).
            for (int round = 0; round < 3; round++)
            {
                var process = Process.GetCurrentProcess();
                var sw = Stopwatch.StartNew();
                var cpu = process.TotalProcessorTime;
                void Phase(string name)
                {
                    process.Refresh();
                    var now = process.TotalProcessorTime;
                    Console.Write($"{name} {sw.Elapsed.TotalMilliseconds:F0} ms ({(now - cpu).TotalMilliseconds:F0} CPU); ");
                    cpu = now;
                    sw.Restart();
                }
                using var utf8 = FormalExpressivity.Core.IO.InputFile.ReadAllUtf8(args[1]);
                Phase("read-bytes");
                var dfa = AttFormat.ReadDfa(utf8.Bytes).Value;
                Phase("parse");
                var canonical = dfa.Canonicalize();
                Phase("canonicalize");
                Minimization.HopcroftPartition(canonical, out int classes);
                Phase("partition");
                var min = dfa.Minimize();
                Phase("minimize-all");
                using (var w = new StreamWriter(args[2], false, new System.Text.UTF8Encoding(false), 1 << 16)) AttFormat.Write(min, w);
                Phase("write");
                var attBytes = new FileInfo(args[2]).Length;
                using (var w = new StreamWriter(args[2] + ".json", false, new System.Text.UTF8Encoding(false), 1 << 16)) DfaJson.Write(min, w);
                Phase("write-json");
                var json = File.ReadAllBytes(args[2] + ".json");
                process.Refresh();
                cpu = process.TotalProcessorTime;
                sw.Restart();
                var back = DfaJson.ReadDfa(json).Value;
                Phase("read-json");
                Console.WriteLine($"{dfa.StateCount} -> {min.StateCount} ({classes} classes, {back.StateCount} read back); AT&T out {attBytes >> 20} MiB, JSON {json.Length >> 20} MiB");
            }
            return 0;
        }
        if (args.Length == 4 && args[0] == "time-minimality-certificate")
        {
            var dfa = RandomDfa.Create(new Random(int.Parse(args[3])), int.Parse(args[1]), RandomDfa.Letters(int.Parse(args[2]))).Minimize();
            var sw = Stopwatch.StartNew();
            var result = FormalExpressivity.Automata.Certificates.Decisions.Minimal(dfa, int.MaxValue);
            var built = sw.Elapsed;
            var check = FormalExpressivity.Automata.Certificates.CertificateChecker.CheckMinimality(dfa, result);
            Console.WriteLine($"{dfa.StateCount} states: {result.SeparatingSuffixes!.Count} suffixes (total length {result.SeparatingSuffixes.Sum(w => w.Length)}), built in {built.TotalMilliseconds:F0} ms, checked ({check.Valid}) in {(sw.Elapsed - built).TotalMilliseconds:F0} ms");
            return 0;
        }
        if (args.Length == 3 && args[0] == "time-semigroup")
            return ClassRowTiming.Semigroup(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
        if (args.Length is >= 2 and <= 4 && args[0] == "time-classes")
            return args.Length == 4
                ? ClassRowTiming.Run(args[1], args[2], int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture))
                : ClassRowTiming.Run(args[1], args.Length == 3 ? args[2] : null);
        if (args.Length is 2 or 3 && args[0] == "time-arch")
            return ArchitectureStageTiming.Run(args[1], args.Length == 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : null);
        if (args.Length is 1 or 2 && args[0] == "time-simulator")
            return SimulatorBenchmark.Time(args.Length == 2 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3);
        if (args.Length is 1 or 2 && args[0] == "time-numeric")
            return NumericFormatBenchmark.Time(args.Length == 2 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
