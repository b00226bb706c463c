using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Verdicts;
using FormalExpressivity.Engine.Claims;
using FormalExpressivity.Engine.Simulation;
using FormalExpressivity.Cli.Infrastructure;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Sharding;

namespace FormalExpressivity.Cli.Commands;

/// <summary>
/// <c>fex check FILE [--json] [--strict] [-o OUT] [--shard i/n -o PART]</c>: checks every claim of a claims file (docs/claims.md).
/// Exit codes: 0 when no claim is refuted (all confirmed, or some unknown — then a warning goes to
/// standard error); 1 when any claim is refuted, and with <c>--strict</c> also when any is unknown;
/// 3 when the file is bad (positioned diagnostics on standard error) or a budget is exceeded.
/// With <c>--shard i/n</c> only the conjectures' enumerations are run, over the languages whose enumeration
/// index is i mod n, and written to a part file for <c>fex merge</c> (exit 0 once it is written).
/// </summary>
public static class CheckCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">Output streams.</param>
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var file = new Argument<string>("FILE") { Description = "The claims file (see docs/claims.md)." };
        var json = CommonOptions.Json();
        var strict = new Option<bool>("--strict") { Description = "Exit 1 when any claim is unknown, not only when one is refuted." };
        var budgets = BudgetSet;
        var allowPath = AllowPath();
        var output = new Option<string?>("--output", "-o") { Description = "Also write the report to this file (atomically); with --shard, the part file to write." };
        var shardOption = new Option<string?>("--shard")
        {
            Description = "Run only shard i of n of the conjectures' enumerations (the languages whose enumeration index is i mod n) and write a part file to -o for 'fex merge --claims FILE'.",
            HelpName = "i/n",
        };
        var at = CommonOptions.At();
        var command = new Command("check", "Confirm or refute the claims of a claims file, with evidence.") { file, json, strict, allowPath, output, shardOption, at };
        budgets.AddTo(command);
        command.SetAction(parse => console.Guard(() =>
        {
            var path = parse.GetValue(file)!;
            var limits = budgets.Bind(parse);
            var point = CommonOptions.EvaluationPoint(parse.GetValue(at));
            if (parse.GetValue(shardOption) is { } shardText)
            {
                if (point != FormalExpressivity.Syntax.Temporal.LtlEvaluationPoint.EndMarker) throw new UsageException("--at start is not supported with --shard (the parts and 'fex merge' read ltl\"…\" languages at the end)");
                if (!Shard.TryParse(shardText, out var shard, out var why)) throw new UsageException("--shard: " + why);
                var part = parse.GetValue(output) ?? throw new UsageException("--shard needs -o PART (the part file to write)");
                return RunShard(console, path, shard, part, limits, budgets.Values(limits), parse.GetValue(allowPath));
            }
            var options = new ClaimCheckOptions(new VerdictEngine(VerdictOptions.From(limits)), new SimulatedEmpiricalCheck(), limits.MaxLanguages);
            var result = ClaimsFile.Check(path, options, limits, parse.GetValue(allowPath), point, w => console.Error.Write(w));
            if (result.Error is { } error) throw new CliInputException(error);
            return Finish(console, result.Report!, Path.GetFileName(path), parse.GetValue(json), parse.GetValue(strict), parse.GetValue(output));
        }));
        return command;
    }

    /// <summary>The check's budget options (also what a part's fingerprint records).</summary>
    internal static BudgetOptions BudgetSet => BudgetOptions.Create([.. BudgetOptions.Construction, .. BudgetOptions.Classification, "max-languages"]);

    /// <summary>A new <c>--allow-path DIR</c> option (repeatable).</summary>
    internal static Option<string[]> AllowPath() => new("--allow-path")
    {
        Description = "Also read automaton files below this folder (repeatable); by default a claims file reads files only below its own folder.",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>
    /// Writes the report (text or JSON) to standard output and to <paramref name="output"/>, warns about unknown claims and
    /// returns the exit code. The unsharded check and <c>fex merge</c> both finish here, so they write the same bytes.
    /// </summary>
    internal static int Finish(CliConsole console, ClaimsReport report, string name, bool json, bool strict, string? output)
    {
        var text = json ? ClaimsRendering.Json(report, name) : ClaimsRendering.Text(report, name);
        if (output is not null) AtomicFile.WriteAllText(output, text);
        console.Out.Write(text);
        int refuted = report.Count(ClaimStatus.Refuted), unknown = report.Count(ClaimStatus.Unknown);
        if (refuted > 0) return ExitCodes.No;
        if (unknown > 0)
        {
            console.Error.WriteLine($"fex: warning: {unknown} of {report.Outcomes.Count} claims are unknown (bounded search or no decider); none is refuted");
            return strict ? ExitCodes.No : ExitCodes.Success;
        }
        return ExitCodes.Success;
    }

    private static int RunShard(CliConsole console, string path, Shard shard, string part, Budgets limits,
        IEnumerable<KeyValuePair<string, string>> budgetValues, IReadOnlyList<string>? allowed)
    {
        var clock = Stopwatch.StartNew();
        var (source, bound) = Load(path, limits, allowed);
        var engine = new VerdictEngine(VerdictOptions.From(limits));
        var conjectures = ConjectureParts.Enumerating(bound.Document);
        var scans = CliProgress.Run(console, $"fex check (shard {shard})", progress =>
        {
            var done = new List<(int Statement, ConjectureScan Scan)>();
            foreach (var (statement, c) in conjectures)
            {
                progress.Stage(string.Create(CultureInfo.InvariantCulture, $"line {c.Span.Line}: {c.Text}"));
                done.Add((statement, ConjectureChecker.Scan(Architecture.From(c.Left), Architecture.From(c.Right), c.Alphabet, c.MaxStates, engine,
                    limits.MaxLanguages, shard)));
            }
            return done;
        });
        var rows = scans.Select(s => ConjectureParts.Row(s.Statement, s.Scan)).ToList();
        var name = Path.GetFileName(path);
        // The machine-derived default of max-states (from the memory it sees) is recorded as "default", so shards on
        // nodes of different sizes still belong to one run; the merge then uses its own machine's default.
        var inputs = ConjectureParts.RunInputs(name, source, budgetValues.Select(p =>
            p.Key == "max-states" && p.Value == Budgets.MachineMaxStates.ToString(CultureInfo.InvariantCulture) ? KeyValuePair.Create(p.Key, "default") : p));
        long languages = scans.Sum(s => s.Scan.Checked);
        var manifest = new PartManifest("check", PartManifest.Fingerprint("check", inputs), shard, inputs, rows.Count, languages, clock.Elapsed.TotalSeconds);
        AtomicFile.WriteAllText(part, ShardPart.Render(manifest, rows));
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"check shard {shard}: {rows.Count} conjectures that enumerate, {languages} languages examined → {part}"));
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"check shard {shard}: {clock.Elapsed.TotalSeconds:0.0} s"));
        return ExitCodes.Success;
    }

    /// <summary>The claims file read and bound by the engine (<see cref="ClaimsFile.Load"/>); bad content throws <see cref="CliInputException"/> with its rendered diagnostics.</summary>
    internal static (string Source, BoundClaims Claims) Load(string path, Budgets budgets, IReadOnlyList<string>? allowedFolders)
    {
        var file = ClaimsFile.Load(path, budgets, allowedFolders);
        return file.Claims is { } claims ? (file.Source, claims) : throw new CliInputException(file.Error!);
    }
}
