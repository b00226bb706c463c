using System.CommandLine;
using System.Globalization;
using FormalExpressivity.Classes.Census;
using FormalExpressivity.Cli.Infrastructure;
using FormalExpressivity.Core.Sharding;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Cli.Commands;

/// <summary>
/// <c>fex merge PARTS… -o OUT [--summary S] [--json]</c>: checks that the part files of a sharded run
/// (<c>--shard i/n</c>) belong to one run, that none is missing or given twice, and writes exactly the bytes
/// the unsharded run writes. <c>fex merge --missing PARTS…</c> lists the shards to resubmit (as a Slurm
/// <c>--array</c> list). Per-shard times and the imbalance go to standard error. Exit 0 on success, 1 when
/// <c>--missing</c> finds missing shards, 2 for usage errors, 3 for parts that do not fit together (SHD001–SHD005).
/// </summary>
public static class MergeCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">Output streams.</param>
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var parts = new Argument<string[]>("PARTS") { Description = "The part files of one sharded run (any order).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--output", "-o") { Description = "The merged output (for census: the JSONL rows)." };
        var summary = new Option<string?>("--summary") { Description = "census: also write the summary as JSON to this file." };
        var parquet = new Option<string?>("--parquet") { Description = "census: also write the rows as Parquet to this file (the bytes of the unsharded run's --parquet)." };
        var json = CommonOptions.Json();
        var missing = new Option<bool>("--missing") { Description = "Only list the shards that have no part (e.g. 7,12-13, for sbatch --array) and exit 1 if there are any." };
        var command = new Command("merge", "Merge the part files of a sharded run (fex census --shard i/n) into the unsharded run's output.")
        {
            parts, output, summary, parquet, json, missing,
        };
        command.SetAction(parse => console.Guard(() =>
        {
            var paths = parse.GetValue(parts)!;
            var set = PartSet.Of(paths.Select(ShardPart.Read).ToList());
            var first = set.First;
            if (parse.GetValue(missing))
            {
                console.Out.WriteLine(set.MissingAsArrayList());
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"fex merge: {set.Parts.Count} of {first.Shard.Count} parts of 'fex {first.Command}' run {first.Run}; {set.Missing.Count} missing"));
                return set.IsComplete ? ExitCodes.Success : ExitCodes.No;
            }
            if (!set.IsComplete)
                throw new InputException("SHD003", string.Create(CultureInfo.InvariantCulture,
                    $"{set.Missing.Count} of {first.Shard.Count} shards have no part: {set.MissingAsArrayList()} (resubmit them, e.g. sbatch --array={set.MissingAsArrayList()} …)"));
            switch (first.Command)
            {
                case "census":
                    MergeCensus(console, set, parse.GetValue(output), parse.GetValue(summary), parse.GetValue(json), parse.GetValue(parquet));
                    break;
                default:
                    throw new InputException("SHD001", $"parts of 'fex {first.Command}' cannot be merged");
            }
            ReportShards(console, set);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void MergeCensus(CliConsole console, PartSet set, string? output, string? summary, bool json, string? parquet)
    {
        // Every language lies wholly in one shard, with its rows in key order; a stable sort by the
        // language's canonical index therefore restores the unsharded order.
        var rows = new List<(CensusRow Row, string Line)>();
        foreach (var part in set.Parts)
            for (int i = 0; i < part.Rows.Count; i++)
            {
                CensusRow row;
                try { row = CensusJsonl.Parse(part.Rows[i]); }
                catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
                {
                    throw new InputException("SHD002", string.Create(CultureInfo.InvariantCulture, $"{part.Path}: row {i + 1} is not a census row ({e.Message})"));
                }
                if (!part.Manifest.Shard.Owns(row.Index))
                    throw new InputException("SHD002", string.Create(CultureInfo.InvariantCulture, $"{part.Path}: row {i + 1} is language {row.Index}, which belongs to shard {row.Index % part.Manifest.Shard.Count}, not {part.Manifest.Shard}"));
                rows.Add((row, part.Rows[i]));
            }
        var ordered = rows.OrderBy(r => r.Row.Index).ToList();
        CensusCommand.WriteOutputs(console, ordered.Select(r => r.Line).ToList(), ordered.Select(r => r.Row).ToList(), output, summary, json, parquet);
    }

    private static void ReportShards(CliConsole console, PartSet set)
    {
        var e = console.Error;
        e.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fex merge: {set.Parts.Count} parts of 'fex {set.First.Command}' run {set.First.Run}"));
        foreach (var p in set.Parts)
            e.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  shard {p.Manifest.Shard,-9} {p.Manifest.Items,8} items {p.Manifest.Rows,9} rows {p.Manifest.Seconds,10:0.00} s"));
        double total = set.Parts.Sum(p => p.Manifest.Seconds), max = set.Parts.Max(p => p.Manifest.Seconds);
        e.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  total {total:0.00} s of work, slowest shard {max:0.00} s, imbalance (slowest ÷ fastest) {set.Imbalance():0.00}×"));
    }
}
