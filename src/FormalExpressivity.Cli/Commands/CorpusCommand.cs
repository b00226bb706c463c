using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using FormalExpressivity.Cli.Corpus;
using FormalExpressivity.Cli.Infrastructure;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Sharding;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Corpora;
using FormalExpressivity.Corpora.Writers;

namespace FormalExpressivity.Cli.Commands;

/// <summary>
/// <c>fex corpus LANG -o DIR</c>: writes a labelled dataset for L — disjoint splits in the Hugging Face
/// layout (<c>DIR/data/SPLIT.EXT</c>, <c>README.md</c> card, <c>manifest.json</c>, <c>vocab.json</c>), as
/// one unit (see <c>docs/corpora.md</c>). Exit 0 on success, 2 for malformed option values, 3 for bad input.
/// With <c>--shard i/n -o PART</c> only the shard's lengths are generated, into a part file for <c>fex merge</c>
/// (<see cref="CorpusParts"/>).
/// </summary>
public static class CorpusCommand
{
    private static readonly string[] LabelKinds = ["membership", "prefix", "next-symbols", "states"];

    /// <summary>Creates the command.</summary>
    /// <param name="console">Output streams.</param>
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var lang = new Argument<string>("LANG") { Description = "The language: re:REGEX, ltl:FORMULA, fo:SENTENCE, or a .json, .att or .lang file." };
        var alphabet = CommonOptions.Alphabet();
        var splits = new Option<string?>("--splits") { Description = "Disjoint splits NAME=A-B,…, e.g. train=1-40,validation=1-40,test=41-500 (no string is in two splits, also where ranges overlap).", HelpName = "NAME=A-B,…" };
        var split = new Option<string>("--split") { Description = "Without --splits: one split, train (lengths 1-40) or test (41-500).", DefaultValueFactory = _ => "test" };
        split.AcceptOnlyFromAmong("train", "test");
        var lengths = new Option<string?>("--lengths") { Description = "Without --splits: the length range A-B of the one split (default: the split's, train 1-40, test 41-500)." };
        var perLength = new Option<int>("--per-length") { Description = "Strings per length and split (fewer, with a note, when fewer distinct strings exist).", DefaultValueFactory = _ => CorpusOptions.DefaultPerLength }.Accepting(1, int.MaxValue);
        var generator = new Option<string>("--generator") { Description = "balanced, uniform, positive, negative or exhaustive.", DefaultValueFactory = _ => "balanced" };
        generator.AcceptOnlyFromAmong("balanced", "uniform", "positive", "negative", "exhaustive");
        var strategy = new Option<string>("--strategy") { Description = "uniform, one-symbol-edit, one-symbol-edit-even, delete-one, exactly-one-occurrence:FACTOR.", DefaultValueFactory = _ => "uniform" };
        var labels = new Option<string>("--labels") { Description = "Label columns, comma-separated: membership (always), prefix (per-prefix membership, LC25), next-symbols (FLaRe's next-symbol sets), states (minimal-DFA state per position).", DefaultValueFactory = _ => "membership" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the SplitMix64 streams (printed and recorded in the manifest; the exhaustive generator draws nothing).", DefaultValueFactory = _ => 1UL }.Accepting(ulong.MinValue, ulong.MaxValue);
        var format = new Option<string>("--format") { Description = "Format of the split files: jsonl, csv or parquet.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv", "parquet");
        var output = new Option<string>("--output", "-o") { Description = "The dataset folder to write (replaced only when it is a fex dataset).", Required = true, HelpName = "DIR" };
        var budgets = BudgetOptions.Create([.. BudgetOptions.Construction, "max-strings"]);
        var json = CommonOptions.Json();
        var shardOption = new Option<string?>("--shard")
        {
            Description = "Generate only shard i of n (the lengths at positions i, i+n, … of the corpus's ascending lengths) and write a part file to -o for 'fex merge'.",
            HelpName = "i/n",
        };
        var command = new Command("corpus", "Generate a labelled dataset (disjoint splits in JSONL, CSV or Parquet, dataset card, manifest, vocabulary).")
        {
            lang, alphabet, splits, split, lengths, perLength, generator, strategy, labels, seed, format, output, json, shardOption,
        };
        budgets.AddTo(command);
        command.SetAction(parse => console.Guard(() =>
        {
            var langSpec = parse.GetValue(lang)!;
            var limits = budgets.Bind(parse);
            IReadOnlyList<CorpusSplitSpec> splitList;
            if (parse.GetValue(splits) is { } splitText)
            {
                if (parse.GetResult(lengths) is not null) return Usage(console, "--lengths goes with --split; with --splits give each split's range (NAME=A-B)");
                if (!CorpusSplitSpec.TryParseList(splitText, out splitList, out var why)) return Usage(console, "--splits: " + why);
            }
            else
            {
                var one = CorpusSplitSpec.Default(parse.GetValue(split)!);
                if (parse.GetValue(lengths) is { } range)
                {
                    if (!CorpusSplitSpec.TryParseRange(range, out int min, out int max))
                        return Usage(console, $"--lengths: expected A-B with 0 ≤ A ≤ B (e.g. 41-500), got '{range}'");
                    one = one with { MinLength = min, MaxLength = max };
                }
                splitList = [one];
            }
            var labelKinds = CorpusLabels.Membership;
            foreach (var name in parse.GetValue(labels)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                int index = Array.IndexOf(LabelKinds, name);
                if (index < 0) return Usage(console, $"--labels: unknown label kind '{name}'; known: {string.Join(", ", LabelKinds)}");
                if (index > 0) labelKinds |= (CorpusLabels)(1 << (index - 1));
            }
            var outPath = parse.GetValue(output)!;
            if (parse.GetValue(shardOption) is null && CorpusFormats.TryFromExtension(outPath, out _))
                return Usage(console, $"-o names the dataset folder (it receives data/SPLIT.EXT, README.md, manifest.json, vocab.json); choose the file format with --format, not '{Path.GetExtension(outPath)}'");
            var inputs = new List<KeyValuePair<string, string>>
            {
                KeyValuePair.Create("language", langSpec),
                KeyValuePair.Create("alphabet", parse.GetValue(alphabet) is { } sigma ? string.Join(',', sigma.Symbols) : ""),
                KeyValuePair.Create("splits", string.Join(',', splitList.Select(sp => string.Create(CultureInfo.InvariantCulture, $"{sp.Name}={sp.MinLength}-{sp.MaxLength}")))),
                KeyValuePair.Create("generator", parse.GetValue(generator)!),
                KeyValuePair.Create("strategy", parse.GetValue(strategy)!),
                KeyValuePair.Create("labels", string.Join(',', CorpusManifest.LabelNames(labelKinds))),
                KeyValuePair.Create("per-length", parse.GetValue(perLength).ToString(CultureInfo.InvariantCulture)),
                KeyValuePair.Create("seed", parse.GetValue(seed).ToString(CultureInfo.InvariantCulture)),
                KeyValuePair.Create("format", parse.GetValue(format)!),
            };
            // The machine-derived default of max-states is recorded as "default", so shards on nodes of different sizes
            // belong to one run.
            inputs.AddRange(budgets.Values(limits).Select(p =>
                p.Key == "max-states" && p.Value == Budgets.MachineMaxStates.ToString(CultureInfo.InvariantCulture) ? KeyValuePair.Create(p.Key, "default") : p));
            Shard? shard = null;
            if (parse.GetValue(shardOption) is { } shardText)
            {
                if (!Shard.TryParse(shardText, out var parsedShard, out var why)) return Usage(console, "--shard: " + why);
                shard = parsedShard;
            }
            if (shard is { } part)
            {
                var written = CliProgress.Run(console, $"fex corpus (shard {part})", progress =>
                {
                    var (gen, _) = Plan(inputs, limits, progress);
                    var run = Fingerprinted(inputs, gen);
                    progress.Stage(string.Create(CultureInfo.InvariantCulture, $"writing the lengths of shard {part}"), (gen.Lengths.Count - part.Index + part.Count - 1) / part.Count);
                    return CorpusParts.Write(gen, part, outPath, run, () => progress.Advance(1));
                });
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"corpus shard {part}: {written.Lengths} lengths, {written.Blocks} blocks → {outPath}"));
                return ExitCodes.Success;
            }
            var manifest = CliProgress.Run(console, "fex corpus", progress =>
            {
                var (gen, fmt) = Plan(inputs, limits, progress);
                progress.Stage("writing " + outPath, gen.Lengths.Count);
                int seen = 0;
                return CorpusWriter.Write(gen, outPath, fmt, (done, _) => { progress.Advance(done - seen); seen = done; });
            });
            Print(console, manifest, outPath, parse.GetValue(json));
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>
    /// Compiles the language and plans the corpus from a run's canonical inputs (those of the command line, or a part
    /// manifest's for <c>fex merge</c>): the one place the options are built, so shards, merge and the unsharded run agree.
    /// </summary>
    internal static (CorpusGenerator Generator, CorpusFormat Format) Plan(IReadOnlyList<KeyValuePair<string, string>> inputs, Budgets limits, IProgressSink? progress = null)
    {
        string Input(string name) => inputs.FirstOrDefault(p => p.Key == name).Value
            ?? throw new InputException("SHD001", $"malformed part manifest: no input '{name}'");
        static FormatException Bad(string name, string value) => new($"malformed corpus input {name} = '{value}'");
        var langSpec = Input("language");
        Alphabet? sigma = null;
        if (Input("alphabet") is { Length: > 0 } symbols && !Alphabet.TryParse(symbols, out sigma, out _)) throw Bad("alphabet", symbols);
        if (!CorpusSplitSpec.TryParseList(Input("splits"), out var splitList, out _)) throw Bad("splits", Input("splits"));
        var labelKinds = CorpusLabels.Membership;
        foreach (var name in Input("labels").Split(','))
        {
            int index = Array.IndexOf(LabelKinds, name);
            if (index < 0) throw Bad("labels", Input("labels"));
            if (index > 0) labelKinds |= (CorpusLabels)(1 << (index - 1));
        }
        if (!Enum.TryParse<CorpusGeneratorKind>(Input("generator"), ignoreCase: true, out var kind)) throw Bad("generator", Input("generator"));
        if (!CorpusFormats.TryParse(Input("format"), out var fmt)) throw Bad("format", Input("format"));
        if (!int.TryParse(Input("per-length"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int perLength)) throw Bad("per-length", Input("per-length"));
        if (!ulong.TryParse(Input("seed"), NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed)) throw Bad("seed", Input("seed"));
        progress?.Stage("compiling " + langSpec);
        var dfa = LanguageLoader.Load(langSpec, sigma, limits);
        var options = new CorpusOptions
        {
            Language = dfa,
            LanguageSpec = langSpec,
            Generator = kind,
            Strategy = Input("strategy"),
            Splits = splitList,
            Labels = labelKinds,
            PerLength = perLength,
            Seed = seed,
            MaxStrings = limits.MaxStrings,
            MaxStates = limits.MaxStates,
        };
        progress?.Stage("planning");
        return (new CorpusGenerator(options), fmt);
    }

    /// <summary>The inputs of a sharded run: the command line's, plus the fingerprint of L (a changed language file is another run).</summary>
    internal static List<KeyValuePair<string, string>> Fingerprinted(IReadOnlyList<KeyValuePair<string, string>> inputs, CorpusGenerator generator) =>
        [.. inputs, KeyValuePair.Create("language-fingerprint", generator.Fingerprint)];

    /// <summary>Prints what was written (text or JSON); the unsharded run and <c>fex merge</c> both print here.</summary>
    internal static void Print(CliConsole console, CorpusManifest manifest, string outPath, bool json)
    {
        var o0 = manifest.Generator.Options;
        var kind = o0.Generator;
        var labelKinds = o0.Labels;
        var langSpec = o0.LanguageSpec;
        var fmt = manifest.Format;
        bool exhaustive = kind == CorpusGeneratorKind.Exhaustive;
        if (json)
        {
            // Built node by node (no reflection, so the Native AOT build keeps it); properties in this order.
            console.Out.Write(JsonOutput.Write(new JsonObject
            {
                ["folder"] = outPath,
                ["format"] = CorpusFormats.Name(fmt),
                ["seed"] = exhaustive ? (ulong?)null : o0.Seed,
                ["generator"] = CorpusOptions.GeneratorName(kind),
                ["strategy"] = manifest.Generator.Strategy.Name,
                ["labels"] = JsonOutput.Strings(CorpusManifest.LabelNames(labelKinds)),
                ["splits"] = JsonOutput.Array(manifest.Splits, s => new JsonObject
                {
                    ["name"] = s.Spec.Name,
                    ["file"] = s.File,
                    ["lengths"] = new JsonObject { ["min"] = s.Spec.MinLength, ["max"] = s.Spec.MaxLength },
                    ["strings"] = s.Strings,
                    ["positive"] = s.Positives,
                    ["negative"] = s.Negatives,
                }),
                ["strings"] = manifest.Positives + manifest.Negatives,
                ["positive"] = manifest.Positives,
                ["negative"] = manifest.Negatives,
                ["notes"] = JsonOutput.Strings(manifest.Notes),
            }));
            return;
        }
        var o = console.Out;
        o.WriteLine($"wrote {manifest.Positives + manifest.Negatives} strings ({manifest.Positives} positive, {manifest.Negatives} negative) to {outPath}");
        o.WriteLine($"  language  {langSpec} over {o0.Language.Alphabet}");
        o.WriteLine($"  generator {CorpusOptions.GeneratorName(kind)}, strategy {manifest.Generator.Strategy.Name}, {(exhaustive ? "all words" : o0.PerLength.ToString(CultureInfo.InvariantCulture) + " per length and split")}");
        foreach (var s in manifest.Splits)
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  split     {s.Spec.Name,-10} lengths {s.Spec.MinLength}-{s.Spec.MaxLength}: {s.Strings} strings ({s.Positives} positive) → {s.File}"));
        o.WriteLine($"  labels    {string.Join(", ", CorpusManifest.LabelNames(labelKinds))}");
        o.WriteLine(exhaustive ? "  seed      none (the exhaustive generator draws nothing)" : $"  seed      {o0.Seed}");
        o.WriteLine("  files     manifest.json, vocab.json, README.md (dataset card)");
        foreach (var note in manifest.Notes.Take(10)) o.WriteLine($"  note: {note}");
        if (manifest.Notes.Count > 10) o.WriteLine($"  … and {manifest.Notes.Count - 10} more notes in the manifest");
    }

    private static int Usage(CliConsole console, string message)
    {
        console.Error.WriteLine("fex corpus: " + message);
        return ExitCodes.Usage;
    }
}
