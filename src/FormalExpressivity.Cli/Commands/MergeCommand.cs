using System.CommandLine;
using System.Globalization;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Census;
using FormalExpressivity.Classes.Verdicts;
using FormalExpressivity.Cli.Corpus;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Corpora.Writers;
using FormalExpressivity.Engine.Claims;
using FormalExpressivity.Engine.Simulation;
using FormalExpressivity.Cli.Infrastructure;
using FormalExpressivity.Core.Sharding;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Cli.Commands;

/// <summary>
/// <c>fex merge PARTS… [-o OUT] [--summary S] [--json] [--claims FILE]</c>: checks that the part files of a sharded
/// run (<c>fex census|check|corpus --shard i/n</c>) belong to one run, that none is missing or given twice, and writes exactly
/// the bytes the unsharded run writes. For parts of <c>fex check</c> the claims file is given again (<c>--claims</c>,
/// its SHA-256 must match): the conjectures' enumerations come from the parts, every other claim is checked by the merge,
/// and the exit code is that of <c>fex check</c> (1 when a claim is refuted). Parts of <c>fex corpus</c> are streamed into the
/// dataset folder <c>-o DIR</c> through the one corpus writer (the language is compiled again from the recorded spec and must
/// have the recorded fingerprint). <c>fex merge --missing PARTS…</c> lists the shards to resubmit (as a Slurm
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
        var output = new Option<string?>("--output", "-o") { Description = "The merged output (census: the JSONL rows; check: the report, also printed; corpus: the dataset folder)." };
        var summary = new Option<string?>("--summary") { Description = "census: also write the summary as JSON to this file." };
        var parquet = new Option<string?>("--parquet") { Description = "census: also write the rows as Parquet to this file (the bytes of the unsharded run's --parquet)." };
        var json = CommonOptions.Json();
        var missing = new Option<bool>("--missing") { Description = "Only list the shards that have no part (e.g. 7,12-13, for sbatch --array) and exit 1 if there are any." };
        var claims = new Option<string?>("--claims") { Description = "check: the claims file the shards checked (its content must be the one the parts were made from).", HelpName = "FILE" };
        var allowPath = CheckCommand.AllowPath();
        var command = new Command("merge", "Merge the part files of a sharded run (fex census|check|corpus --shard i/n) into the unsharded run's output.")
        {
            parts, output, summary, parquet, json, missing, claims, allowPath,
        };
        command.SetAction(parse => console.Guard(() =>
        {
            var paths = parse.GetValue(parts)!;
            // The manifests first (parts of a corpus are streamed, never held in memory), then the rows where they are small.
            var set = PartSet.Of(paths.Select(ShardPart.ReadHeader).ToList());
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
            if (first.Command != "census" && parse.GetValue(summary) is not null) throw new UsageException("--summary is for parts of 'fex census'");
            if (first.Command != "check" && parse.GetValue(claims) is not null) throw new UsageException("--claims is for parts of 'fex check'");
            int code;
            switch (first.Command)
            {
                case "census":
                    MergeCensus(console, Loaded(set), parse.GetValue(output), parse.GetValue(summary), parse.GetValue(json), parse.GetValue(parquet));
                    code = ExitCodes.Success;
                    break;
                case "check":
                    code = MergeCheck(console, Loaded(set), parse.GetValue(claims), parse.GetValue(allowPath), parse.GetValue(output), parse.GetValue(json));
                    break;
                case "corpus":
                    MergeCorpus(console, set, parse.GetValue(output), parse.GetValue(json));
                    code = ExitCodes.Success;
                    break;
                default:
                    throw new InputException("SHD001", $"parts of 'fex {first.Command}' cannot be merged");
            }
            ReportShards(console, set);
            return code;
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

    private static PartSet Loaded(PartSet headers) => PartSet.Of(headers.Parts.Select(p => ShardPart.Read(p.Path)).ToList());

    private static void MergeCorpus(CliConsole console, PartSet set, string? output, bool json)
    {
        var first = set.First;
        if (output is null) throw new UsageException("merging parts of 'fex corpus' needs -o DIR, the dataset folder to write");
        var inputs = first.Inputs;
        var (generator, format) = CorpusCommand.Plan(inputs, first.RecordedBudgets(Budgets.Default));
        var language = inputs.FirstOrDefault(p => p.Key == "language").Value;
        if (inputs.FirstOrDefault(p => p.Key == "language-fingerprint").Value != generator.Fingerprint)
            throw new InputException("SHD004", $"the language {language} is not the one the parts were made from (its minimal DFA's fingerprint differs)");
        var manifest = CliProgress.Run(console, "fex merge", progress =>
        {
            progress.Stage("writing " + output, generator.Lengths.Count);
            int seen = 0;
            return CorpusWriter.Write(generator, output, format, (done, _) => { progress.Advance(done - seen); seen = done; }, CorpusParts.Blocks(generator, set));
        });
        CorpusCommand.Print(console, manifest, output, json);
    }

    private static int MergeCheck(CliConsole console, PartSet set, string? claimsPath, IReadOnlyList<string>? allowed, string? output, bool json)
    {
        var first = set.First;
        string Input(string name) => first.Inputs.FirstOrDefault(p => p.Key == name).Value
            ?? throw new InputException("SHD001", $"malformed part manifest: no input '{name}'");
        var name = Input("file");
        if (claimsPath is null) throw new UsageException($"merging parts of 'fex check' needs --claims FILE, the claims file the shards checked ({name})");
        var limits = first.RecordedBudgets(Budgets.Default);
        var (source, bound) = CheckCommand.Load(claimsPath, limits, allowed);
        if (ConjectureParts.Hash(source) != Input("sha256"))
            throw new InputException("SHD004", $"{claimsPath} is not the claims file the parts were made from (its content differs from that of {name} when the shards ran)");
        var scans = ConjectureParts.Read(set, bound.Document);
        var statements = bound.Document.Statements;
        var engine = new VerdictEngine(VerdictOptions.From(limits));
        var options = new ClaimCheckOptions(engine, new SimulatedEmpiricalCheck(), limits.MaxLanguages)
        {
            // The enumerations come from the parts; every other claim is checked here, as the unsharded run checks it.
            ConjectureResults = c =>
            {
                int statement = Enumerable.Range(0, statements.Count).First(i => ReferenceEquals(statements[i], c));
                var left = Architecture.From(c.Left);
                var right = Architecture.From(c.Right);
                if (!scans.TryGetValue(statement, out var parts)) return ConjectureChecker.Check(left, right, c.Alphabet, c.MaxStates, engine, limits.MaxLanguages);
                try
                {
                    return ConjectureChecker.Combine(left, right, c.Alphabet, c.MaxStates, engine, limits.MaxLanguages, parts);
                }
                catch (ArgumentException e)
                {
                    throw new InputException("SHD002", $"the parts' scans of line {c.Span.Line} do not fit together: {e.Message}");
                }
            },
        };
        var report = ClaimChecker.Check(bound, options);
        return CheckCommand.Finish(console, report, name, json, strict: false, output);
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
