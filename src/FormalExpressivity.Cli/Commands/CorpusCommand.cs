using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FormalExpressivity.Cli.Infrastructure;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Corpora;
using FormalExpressivity.Corpora.Writers;

namespace FormalExpressivity.Cli.Commands;

/// <summary>
/// <c>fex corpus LANG -o OUT</c>: writes a labelled corpus for L and <c>OUT.manifest.json</c>
/// (see <c>docs/corpora.md</c>). Exit 0 on success, 2 for malformed option values, 3 for bad input.
/// </summary>
public static class CorpusCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">Output streams.</param>
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var lang = new Argument<string>("LANG") { Description = "The language: re:REGEX, ltl:FORMULA, fo:SENTENCE, or a .json, .att or .lang file." };
        var alphabet = CommonOptions.Alphabet();
        var lengths = new Option<string?>("--lengths") { Description = "Length range A-B (default: the split's, train 1-40, test 41-500)." };
        var perLength = new Option<int>("--per-length") { Description = "Strings per length.", DefaultValueFactory = _ => CorpusOptions.DefaultPerLength };
        var split = new Option<string>("--split") { Description = "train (lengths 1-40) or test (41-500).", DefaultValueFactory = _ => "test" };
        split.AcceptOnlyFromAmong("train", "test");
        var generator = new Option<string>("--generator") { Description = "balanced, uniform, positive, negative or exhaustive.", DefaultValueFactory = _ => "balanced" };
        generator.AcceptOnlyFromAmong("balanced", "uniform", "positive", "negative", "exhaustive");
        var strategy = new Option<string>("--strategy") { Description = "uniform, one-symbol-edit, one-symbol-edit-even, delete-one, exactly-one-occurrence:FACTOR.", DefaultValueFactory = _ => "uniform" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the SplitMix64 streams (printed and recorded in the manifest).", DefaultValueFactory = _ => 1UL };
        var format = new Option<string?>("--format") { Description = "jsonl, csv or parquet (default: from the extension of OUT, else jsonl)." };
        var output = new Option<string>("--output", "-o") { Description = "The corpus file to write.", Required = true };
        var budgets = BudgetOptions.Create([.. BudgetOptions.Construction, "max-strings"]);
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var command = new Command("corpus", "Generate a labelled corpus (JSONL, CSV or Parquet) and its manifest.")
        {
            lang, alphabet, lengths, perLength, split, generator, strategy, seed, format, output, json,
        };
        budgets.AddTo(command);
        command.SetAction(parse => console.Guard(() =>
        {
            var langSpec = parse.GetValue(lang)!;
            var declared = parse.GetValue(alphabet);
            var limits = budgets.Bind(parse);
            var splitValue = parse.GetValue(split) == "train" ? CorpusSplit.Train : CorpusSplit.Test;
            var (min, max) = CorpusOptions.DefaultLengths(splitValue);
            if (parse.GetValue(lengths) is { } range && !TryParseRange(range, out min, out max))
                return Usage(console, $"--lengths: expected A-B with 0 ≤ A ≤ B (e.g. 41-500), got '{range}'");
            var outPath = parse.GetValue(output)!;
            CorpusFormat fmt;
            if (parse.GetValue(format) is { } f)
            {
                if (!CorpusFormats.TryParse(f, out fmt)) return Usage(console, $"--format: expected jsonl, csv or parquet, got '{f}'");
            }
            else if (!CorpusFormats.TryFromExtension(outPath, out fmt)) fmt = CorpusFormat.Jsonl;
            var kind = Enum.Parse<CorpusGeneratorKind>(parse.GetValue(generator)!, ignoreCase: true);

            var dfa = LanguageLoader.Load(langSpec, declared, limits);
            var options = new CorpusOptions
            {
                Language = dfa,
                LanguageSpec = langSpec,
                Generator = kind,
                Strategy = parse.GetValue(strategy)!,
                Split = splitValue,
                MinLength = min,
                MaxLength = max,
                PerLength = parse.GetValue(perLength),
                Seed = parse.GetValue(seed),
                MaxStrings = limits.MaxStrings,
                MaxStates = limits.MaxStates,
            };
            var gen = new CorpusGenerator(options);
            int lastPercent = -1;
            void Progress(int done, int total)
            {
                if (total < 50) return;
                int percent = done * 100 / total;
                if (percent / 10 == lastPercent / 10 && done != total) return;
                lastPercent = percent;
                console.Error.WriteLine($"fex corpus: {done}/{total} lengths ({percent} %)");
            }
            var manifest = CorpusWriter.Write(gen, outPath, fmt, Progress);
            var manifestPath = CorpusWriter.ManifestPath(outPath);
            if (parse.GetValue(json))
            {
                console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    file = outPath,
                    manifest = manifestPath,
                    format = CorpusFormats.Name(fmt),
                    seed = options.Seed,
                    generator = CorpusOptions.GeneratorName(kind),
                    strategy = gen.Strategy.Name,
                    lengths = new { min, max, count = manifest.Counts.Count },
                    strings = manifest.Positives + manifest.Negatives,
                    positive = manifest.Positives,
                    negative = manifest.Negatives,
                    notes = manifest.Notes,
                }));
            }
            else
            {
                var o = console.Out;
                o.WriteLine($"wrote {manifest.Positives + manifest.Negatives} strings ({manifest.Positives} positive, {manifest.Negatives} negative) to {outPath}");
                o.WriteLine($"  language  {langSpec} over {dfa.Alphabet}");
                o.WriteLine($"  generator {CorpusOptions.GeneratorName(kind)}, strategy {gen.Strategy.Name}");
                o.WriteLine($"  lengths   {min}-{max} ({manifest.Counts.Count} lengths), {(kind == CorpusGeneratorKind.Exhaustive ? "all words" : options.PerLength.ToString(CultureInfo.InvariantCulture) + " per length")}");
                o.WriteLine($"  seed      {options.Seed}");
                o.WriteLine($"  manifest  {manifestPath}");
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

    private static bool TryParseRange(string text, out int min, out int max)
    {
        min = max = 0;
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 1 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out min)) { max = min; return true; }
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out min)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out max)
            && min <= max;
    }
}
