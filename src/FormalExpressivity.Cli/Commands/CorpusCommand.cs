using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Cli.Infrastructure;
using FormalExpressivity.Corpora;
using FormalExpressivity.Corpora.Writers;

namespace FormalExpressivity.Cli.Commands;

/// <summary>
/// <c>fex corpus LANG -o DIR</c>: writes a labelled dataset for L — disjoint splits in the Hugging Face
/// layout (<c>DIR/data/SPLIT.EXT</c>, <c>README.md</c> card, <c>manifest.json</c>, <c>vocab.json</c>), as
/// one unit (see <c>docs/corpora.md</c>). Exit 0 on success, 2 for malformed option values, 3 for bad input.
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
        var perLength = new Option<int>("--per-length") { Description = "Strings per length and split (fewer, with a note, when fewer distinct strings exist).", DefaultValueFactory = _ => CorpusOptions.DefaultPerLength };
        var generator = new Option<string>("--generator") { Description = "balanced, uniform, positive, negative or exhaustive.", DefaultValueFactory = _ => "balanced" };
        generator.AcceptOnlyFromAmong("balanced", "uniform", "positive", "negative", "exhaustive");
        var strategy = new Option<string>("--strategy") { Description = "uniform, one-symbol-edit, one-symbol-edit-even, delete-one, exactly-one-occurrence:FACTOR.", DefaultValueFactory = _ => "uniform" };
        var labels = new Option<string>("--labels") { Description = "Label columns, comma-separated: membership (always), prefix (per-prefix membership, LC25), next-symbols (FLaRe's next-symbol sets), states (minimal-DFA state per position).", DefaultValueFactory = _ => "membership" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the SplitMix64 streams (printed and recorded in the manifest; the exhaustive generator draws nothing).", DefaultValueFactory = _ => 1UL };
        var format = new Option<string>("--format") { Description = "Format of the split files: jsonl, csv or parquet.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv", "parquet");
        var output = new Option<string>("--output", "-o") { Description = "The dataset folder to write (replaced only when it is a fex dataset).", Required = true, HelpName = "DIR" };
        var budgets = BudgetOptions.Create([.. BudgetOptions.Construction, "max-strings"]);
        var json = CommonOptions.Json();
        var command = new Command("corpus", "Generate a labelled dataset (disjoint splits in JSONL, CSV or Parquet, dataset card, manifest, vocabulary).")
        {
            lang, alphabet, splits, split, lengths, perLength, generator, strategy, labels, seed, format, output, json,
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
            if (CorpusFormats.TryFromExtension(outPath, out _))
                return Usage(console, $"-o names the dataset folder (it receives data/SPLIT.EXT, README.md, manifest.json, vocab.json); choose the file format with --format, not '{Path.GetExtension(outPath)}'");
            CorpusFormats.TryParse(parse.GetValue(format), out var fmt);
            var kind = Enum.Parse<CorpusGeneratorKind>(parse.GetValue(generator)!, ignoreCase: true);
            var manifest = CliProgress.Run(console, "fex corpus", progress =>
            {
                progress.Stage("compiling " + langSpec);
                var dfa = LanguageLoader.Load(langSpec, parse.GetValue(alphabet), limits);
                var options = new CorpusOptions
                {
                    Language = dfa,
                    LanguageSpec = langSpec,
                    Generator = kind,
                    Strategy = parse.GetValue(strategy)!,
                    Splits = splitList,
                    Labels = labelKinds,
                    PerLength = parse.GetValue(perLength),
                    Seed = parse.GetValue(seed),
                    MaxStrings = limits.MaxStrings,
                    MaxStates = limits.MaxStates,
                };
                progress.Stage("planning");
                var gen = new CorpusGenerator(options);
                progress.Stage("writing " + outPath, gen.Lengths.Count);
                int seen = 0;
                return CorpusWriter.Write(gen, outPath, fmt, (done, _) => { progress.Advance(done - seen); seen = done; });
            });
            var o0 = manifest.Generator.Options;
            bool exhaustive = kind == CorpusGeneratorKind.Exhaustive;
            if (parse.GetValue(json))
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
            }
            else
            {
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
            return ExitCodes.Success;
        }));
        return command;
    }

    private static int Usage(CliConsole console, string message)
    {
        console.Error.WriteLine("fex corpus: " + message);
        return ExitCodes.Usage;
    }
}
