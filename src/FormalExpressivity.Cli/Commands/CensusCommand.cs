using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using FormalExpressivity.Classes.Verdicts;
using FormalExpressivity.Classes.Census;
using FormalExpressivity.Classes.Report;
using FormalExpressivity.Cli.Infrastructure;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Sharding;

namespace FormalExpressivity.Cli.Commands;

/// <summary>
/// <c>fex census --states N --alphabet a,b [--window-sizes 1,2,3,4] [--sample S --seed X] [-o rows.jsonl] [--parquet rows.parquet] [--summary summary.json] [--json] [--shard i/n]</c>:
/// every minimal DFA with at most N states through every architecture and window logic; one JSONL row per
/// language × architecture (canonical order) and a summary computed from the rows. Time and memory go to
/// standard error (the outputs hold nothing machine-dependent).
/// </summary>
public static class CensusCommand
{
    /// <summary>
    /// The census defaults: smaller type-search budgets than classify (depth 3, 5 000 types, 20 000 type states) and a
    /// larger smallest-formula enumeration (size 12, 4·10⁶ product states), whose tables a census builds once for
    /// all its languages (docs/census.md: the median formula is then within 2× of the smallest found).
    /// </summary>
    public static Budgets Defaults { get; } = Budgets.Default with
    {
        MaxDepth = 3, MaxTypes = 5_000, MaxTypeStates = 20_000, MaxFormulaSize = 12, MaxFormulaWork = 4_000_000,
    };

    /// <summary>Creates the command.</summary>
    /// <param name="console">Output streams.</param>
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var states = new Option<int>("--states") { Description = "Every language whose minimal DFA has at most this many states.", Required = true, HelpName = "N" }.Accepting(1, 6);
        var alphabet = CommonOptions.Alphabet();
        var windows = new Option<string>("--window-sizes") { Description = $"Window sizes k for local:k, hybrid:k, Ywin:k, PYwin:k, comma-separated (each from 1 to {ClassifierOptions.MaxWindowSize}).", DefaultValueFactory = _ => "1,2,3,4" };
        var sample = new Option<int?>("--sample") { Description = "Classify a seeded uniform sample of this many languages (kept in canonical order) instead of all.", HelpName = "S" }.Accepting(1, int.MaxValue);
        var seed = new Option<ulong>("--seed") { Description = "Seed of --sample.", DefaultValueFactory = _ => 2026UL }.Accepting(ulong.MinValue, ulong.MaxValue);
        var output = new Option<string?>("--output", "-o") { Description = "Write the rows as JSONL to this file (atomically)." };
        var summary = new Option<string?>("--summary") { Description = "Write the summary as JSON to this file (atomically)." };
        var parquet = new Option<string?>("--parquet") { Description = "Also write the rows as Parquet to this file (atomically; the JSONL columns, docs/census.md)." };
        var json = CommonOptions.Json();
        var shardOption = new Option<string?>("--shard") { Description = "Run only shard i of n (the languages whose canonical index is i mod n) and write a part file to -o for 'fex merge'.", HelpName = "i/n" };
        var budgets = BudgetSet;
        var command = new Command("census", "Classify every minimal DFA up to N states for every architecture and window logic: JSONL rows and a summary.")
        {
            states, alphabet, windows, sample, seed, output, summary, parquet, json, shardOption,
        };
        budgets.AddTo(command);
        command.SetAction(parse => console.Guard(() =>
        {
            int n = parse.GetValue(states); // 1–6, checked by its parser (NumberOption.Accepting)
            var sigma = parse.GetValue(alphabet) ?? throw new UsageException("--alphabet is required (e.g. --alphabet a,b)");
            var limits = budgets.Bind(parse);
            Shard? shard = null;
            if (parse.GetValue(shardOption) is { } shardText)
            {
                if (!Shard.TryParse(shardText, out var parsed, out var why)) throw new UsageException("--shard: " + why);
                if (parse.GetValue(output) is null) throw new UsageException("--shard needs -o PART (the part file to write)");
                if (parse.GetValue(summary) is not null) throw new UsageException("--summary is written by 'fex merge', not by a shard");
                if (parse.GetValue(parquet) is not null) throw new UsageException("--parquet is written by 'fex merge', not by a shard");
                shard = parsed;
            }
            var options = new CensusOptions
            {
                Alphabet = sigma,
                MaxStates = n,
                WindowSizes = ClassifyCommand.ParseWindows(parse.GetValue(windows)!),
                Engine = new VerdictEngine(VerdictOptions.From(limits)),
                Sample = parse.GetValue(sample),
                Seed = parse.GetValue(seed),
                MaxLanguages = limits.MaxLanguages,
            };
            var clock = Stopwatch.StartNew();
            var all = CensusRunner.Languages(options, out long total);
            var languages = shard is { } sh ? all.Where(l => sh.Owns(l.Index)).ToList() : all;
            var enumerated = clock.Elapsed;
            var times = new List<double>();
            var settling = TimeSpan.Zero;
            var rows = CliProgress.Run(console, shard is { } s0 ? $"fex census (shard {s0})" : "fex census", progress =>
            {
                var done = new List<CensusRow>();
                progress.Stage(string.Create(CultureInfo.InvariantCulture, $"classifying {languages.Count} languages"), languages.Count);
                foreach (var language in languages)
                {
                    var t = Stopwatch.StartNew();
                    done.AddRange(CensusRunner.Rows(language, options));
                    times.Add(t.Elapsed.TotalMilliseconds);
                    progress.Advance(1);
                }
                // The smallest formulas the per-language machine tables left open (hybrid:3, hybrid:4, uha under
                // max-formula-work): one signature enumeration per grammar for the languages that need it, then those
                // languages are decided again.
                progress.Stage("settling smallest formulas", 1);
                var settleClock = Stopwatch.StartNew();
                var settled = CensusRunner.SettleSmallestFormulas(languages, done, options);
                settling = settleClock.Elapsed;
                progress.Advance(1);
                return settled;
            });
            if (shard is { } part)
            {
                var lines = rows.Select(CensusJsonl.Line).ToList();
                var manifest = new PartManifest(command.Name, PartManifest.Fingerprint(command.Name, RunInputs(options, limits)), part,
                    RunInputs(options, limits), lines.Count, languages.Count, clock.Elapsed.TotalSeconds);
                AtomicFile.WriteAllText(parse.GetValue(output)!, ShardPart.Render(manifest, lines));
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"census shard {part}: {languages.Count} of {total} languages, {lines.Count} rows → {parse.GetValue(output)}"));
            }
            else
            {
                WriteOutputs(console, rows.Select(CensusJsonl.Line).ToList(), rows, parse.GetValue(output), parse.GetValue(summary), parse.GetValue(json), parse.GetValue(parquet));
            }
            console.Error.Write(Timing(languages.Count, total, options, enumerated, settling, clock.Elapsed, times));
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The census's budget options (also what a part's fingerprint records).</summary>
    internal static BudgetOptions BudgetSet => BudgetOptions.Create([.. BudgetOptions.Classification, "max-languages"], Defaults);

    /// <summary>
    /// Everything that determines the census's output, in canonical form and a fixed order: the part manifest's
    /// inputs, whose fingerprint tells parts of one run from parts of another.
    /// </summary>
    internal static List<KeyValuePair<string, string>> RunInputs(CensusOptions options, Budgets limits)
    {
        var inputs = new List<KeyValuePair<string, string>>
        {
            KeyValuePair.Create("states", options.MaxStates.ToString(CultureInfo.InvariantCulture)),
            KeyValuePair.Create("alphabet", string.Join(',', options.Alphabet.Symbols)),
            KeyValuePair.Create("window-sizes", string.Join(',', options.WindowSizes.Distinct().Order())),
            KeyValuePair.Create("sample", options.Sample?.ToString(CultureInfo.InvariantCulture) ?? "all"),
            KeyValuePair.Create("seed", options.Sample is null ? "-" : options.Seed.ToString(CultureInfo.InvariantCulture)),
        };
        inputs.AddRange(BudgetSet.Values(limits));
        return inputs;
    }

    /// <summary>
    /// Writes the census's outputs — the JSONL rows to <paramref name="rowsPath"/>, the same rows as Parquet to
    /// <paramref name="parquetPath"/>, the summary to <paramref name="summaryPath"/> and to standard output — from the
    /// rows in canonical order. The unsharded run and <c>fex merge</c> both write through here, so they write the same bytes.
    /// </summary>
    internal static void WriteOutputs(CliConsole console, IReadOnlyList<string> lines, IReadOnlyList<CensusRow> rows, string? rowsPath, string? summaryPath, bool json, string? parquetPath = null)
    {
        var result = CensusSummary.FromRows(rows);
        if (rowsPath is not null)
            AtomicFile.WriteAllText(rowsPath, string.Concat(lines.Select(l => l + "\n")));
        if (parquetPath is not null)
            AtomicFile.Write(parquetPath, s => s.Write(CensusParquet.Write(rows)));
        if (summaryPath is not null)
            AtomicFile.WriteAllText(summaryPath, result.RenderJson() + "\n");
        console.Out.Write(json ? result.RenderJson() + "\n" : result.RenderText());
    }

    private static string Timing(int classified, long total, CensusOptions options, TimeSpan enumerated, TimeSpan settling, TimeSpan elapsed, List<double> times)
    {
        var sorted = times.Order().ToArray();
        double Pct(double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(p * sorted.Length))];
        double mean = sorted.Length == 0 ? 0 : sorted.Average();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"census: {classified} of {total} languages over {options.Alphabet} with ≤ {options.MaxStates} states");
        if (options.Sample is not null) sb.Append(CultureInfo.InvariantCulture, $" (sample, seed {options.Seed})");
        sb.Append(CultureInfo.InvariantCulture, $"; {elapsed.TotalSeconds:0.0} s (enumeration {enumerated.TotalSeconds:0.0} s, smallest formulas {settling.TotalSeconds:0.0} s); per language mean {mean:0.0} ms, median {Pct(0.5):0.0} ms, p99 {Pct(0.99):0.0} ms, max {Pct(1.0):0.0} ms");
        sb.Append(CultureInfo.InvariantCulture, $"; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB, {GC.GetTotalMemory(false) / 1048576.0:0} MB managed");
        if (options.Sample is not null && classified > 0)
            sb.Append(CultureInfo.InvariantCulture, $"; projected for all {total}: {mean * total / 1000 / 3600:0.00} h on one core");
        sb.AppendLine();
        return sb.ToString();
    }
}
