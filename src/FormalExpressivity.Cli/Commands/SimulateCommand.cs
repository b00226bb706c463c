using FormalExpressivity.Core.Randomness;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormalExpressivity.Core.IO;
using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Cli.Infrastructure;
using FormalExpressivity.Syntax.Temporal;
using FormalExpressivity.Transformers.BitParallel;
using FormalExpressivity.Transformers.Compilation;
using FormalExpressivity.Transformers.Model;
using FormalExpressivity.Transformers.Numeric;
using FormalExpressivity.Transformers.Reference;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Corpora.Writers;

namespace FormalExpressivity.Cli.Commands;

/// <summary>
/// <c>fex simulate MODEL|LANG</c>: runs a transformer (a model file, a real-weight export, or the model
/// compiled from an <c>ltl:</c> formula or from a language's <c>--arch</c> formula; see <see cref="ModelLoader"/>)
/// on a corpus — a file or dataset folder, or SplitMix64-random words per length — with the bit-parallel
/// kernel or, with <c>--numeric</c>, the real-weight model in fp32/fp16/bf16; compares every verdict with
/// the reference DFA (<c>--language</c>, else the corpus manifest's, else the formula's or language's, else
/// the model's own) and prints the agreement per length and the first disagreeing words; with
/// <c>--predictions</c> writes the predictions <c>fex eval</c> reads. Exit 0 when all agree, 1 otherwise.
/// </summary>
public static class SimulateCommand
{
    private const int MaxReported = 10;

    /// <summary>Creates the command.</summary>
    /// <param name="console">Output streams.</param>
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var target = new Argument<string>("MODEL|LANG")
        {
            Description = "A model: ltl:FORMULA (compiled), FILE.model or a transformer FILE.json, a real-weight export FILE.weights.json or FILE.safetensors; " +
                "or a language (re:REGEX, fo:SENTENCE, FILE.lang, a DFA .json or .att), compiled through the --arch verdict's formula.",
        };
        var language = new Option<string?>("--language") { Description = "The reference language (re:, ltl:, fo:, .lang, .json, .att); default: the corpus manifest's, else the formula or language itself, else the model's own DFA." };
        var alphabetOption = CommonOptions.Alphabet();
        alphabetOption.Description = "Σ for ltl: formulas and languages, symbols in order, comma-separated (e.g. --alphabet a,b); default: the symbols used.";
        var arch = new Option<string>("--arch") { Description = "The architecture whose model is built for a LANG argument: global, global-nonstrict, local:K, hybrid:K.", DefaultValueFactory = _ => "global" };
        var budgets = BudgetOptions.Create([.. BudgetOptions.Construction, .. BudgetOptions.Classification]);
        var corpus = new Option<string?>("--corpus") { Description = "A corpus: a fex dataset folder or one of its split files (.jsonl, .csv, .parquet), or one word per line (symbols separated by spaces, or letters; empty line or ε = empty word; # comments)." };
        var split = new Option<string?>("--split") { Description = "The split to run when --corpus is a dataset folder (default: test, else the only split)." };
        var lengths = new Option<string?>("--lengths") { Description = "Random words of lengths A-B (inclusive)." };
        var perLength = new Option<int>("--per-length") { Description = "Random words per length.", DefaultValueFactory = _ => 100 }.Accepting(1, 10_000_000);
        var numeric = new Option<string?>("--numeric") { Description = "Run the real-weight model in fp32, fp16 or bf16 instead of the symbolic kernel (real-weight exports always run numerically, fp32 by default)." };
        var noFix = new Option<bool>("--no-past-fix") { Description = "With --numeric: disable the two-layer P fix." };
        var predictions = new Option<string?>("--predictions") { Description = "Write the model's predictions to FILE (JSONL, one row per word, in corpus order): string, predicted, with --positions the prediction for every prefix, with --numeric the readout at every position. fex eval reads it.", HelpName = "FILE" };
        var positions = new Option<bool>("--positions") { Description = "With --predictions: also predict every prefix w1…wi, i = 0…n (runs the model on each prefix; quadratic in the length)." };
        var seed = new Option<ulong>("--seed") { Description = "SplitMix64 seed of the random words.", DefaultValueFactory = _ => 1 }.Accepting(ulong.MinValue, ulong.MaxValue);
        var json = CommonOptions.Json();
        var command = new Command("simulate", "Run a transformer model on a corpus, compare it with the language's DFA and write its predictions.")
        {
            target, language, alphabetOption, arch, corpus, split, lengths, perLength, numeric, noFix, predictions, positions, seed, json,
        };
        budgets.AddTo(command);
        command.SetAction(parse => console.Guard(() => Run(console, new Request(
            parse.GetValue(target)!, parse.GetValue(language), parse.GetValue(alphabetOption), parse.GetValue(arch)!, parse.GetValue(corpus), parse.GetValue(split), parse.GetValue(lengths),
            parse.GetValue(perLength), parse.GetValue(numeric), parse.GetValue(noFix), parse.GetValue(predictions), parse.GetValue(positions), parse.GetValue(seed), parse.GetValue(json), budgets.Bind(parse)))));
        return command;
    }

    private sealed record Request(string Target, string? Language, Alphabet? Alphabet, string Arch, string? Corpus, string? Split, string? Lengths, int PerLength,
        string? Numeric, bool NoFix, string? Predictions, bool Positions, ulong Seed, bool Json, Budgets Budgets);

    private static int Run(CliConsole console, Request r)
    {
        if ((r.Corpus is null) == (r.Lengths is null)) return Usage(console, "give exactly one of --corpus FILE and --lengths A-B");
        if (r.Positions && r.Predictions is null) return Usage(console, "--positions goes with --predictions FILE");
        if (!Architecture.TryParse(r.Arch, out var architecture)) return Usage(console, $"--arch: expected global, global-nonstrict, local:K or hybrid:K, not '{r.Arch}'");
        NumberFormat? format = r.Numeric switch
        {
            null => null,
            "fp32" => NumberFormat.Fp32,
            "fp16" => NumberFormat.Fp16,
            "bf16" => NumberFormat.Bf16,
            _ => (NumberFormat?)(NumberFormat)(-1),
        };
        if (format is { } f0 && (int)f0 < 0) return Usage(console, $"--numeric must be fp32, fp16 or bf16, not '{r.Numeric}'");

        var loaded = ModelLoader.Load(r.Target, r.Alphabet, architecture!, r.Budgets);
        var model = loaded.Symbolic;
        var alphabet = loaded.Alphabet;
        string? corpusFile = null;
        ManifestInfo? manifest = null;
        if (r.Corpus is not null)
        {
            var (dataFile, manifestPath) = CorpusLocation.Resolve(r.Corpus, r.Split);
            corpusFile = dataFile;
            if (manifestPath is not null) manifest = CorpusLocation.ReadManifest(manifestPath);
        }
        Dfa reference;
        string referenceName;
        if (r.Language is not null)
        {
            reference = LanguageLoader.Load(r.Language, alphabet, r.Budgets);
            referenceName = r.Language;
        }
        else if (manifest?.Dfa is { } fromManifest)
        {
            reference = fromManifest;
            referenceName = $"{manifest.Spec} (corpus manifest)";
        }
        else if (loaded.Formula is not null)
        {
            reference = loaded.Language ?? PastLtlCompiler.ToDfa(loaded.Formula, alphabet, r.Budgets.MaxStates);
            referenceName = loaded.Language is not null ? r.Target : "ltl:" + loaded.Formula;
        }
        else if (model is not null)
        {
            reference = ModelAutomaton.ToDfa(model, r.Budgets.MaxStates);
            referenceName = "the model's own DFA";
        }
        else throw new CliInputException("fex: a real-weight export has no language of its own; give --language LANG or a corpus with a manifest\n");
        if (!reference.Alphabet.Equals(alphabet))
            throw new CliInputException($"fex: the reference language is over {reference.Alphabet}, the model over {alphabet}\n");

        NumericTransformer? numericModel = loaded.Numeric;
        if (numericModel is not null) format ??= NumberFormat.Fp32;
        else if (format is not null) numericModel = NumericCompiler.Compile(model!, new NumericOptions(!r.NoFix)).GetModelOrThrow();

        var words = corpusFile is not null ? ReadCorpus(corpusFile, alphabet) : RandomCorpus(r, alphabet);
        var (verdicts, readouts, prefixVerdicts) = CliProgress.Run(console, "fex simulate", progress =>
            Evaluate(progress, model, numericModel, format, words, r.Predictions is not null && format is not null, r.Positions));
        if (r.Predictions is not null) WritePredictions(r.Predictions, words, alphabet, verdicts, readouts, prefixVerdicts);

        var perLength = new SortedDictionary<int, (int Total, int Agree)>();
        var disagreements = new List<(int[] Word, bool Model, bool Language)>();
        for (int i = 0; i < words.Count; i++)
        {
            bool expected = reference.Accepts(Word.Of(words[i]));
            var (t, a) = perLength.GetValueOrDefault(words[i].Length);
            perLength[words[i].Length] = (t + 1, a + (expected == verdicts[i] ? 1 : 0));
            if (expected != verdicts[i] && disagreements.Count < MaxReported) disagreements.Add((words[i], verdicts[i], expected));
        }
        bool allAgree = perLength.Values.All(v => v.Total == v.Agree);
        string engine = format is null ? $"bit-parallel kernel ({BitBatch.Resolve(LaneWidth.Auto)})" : $"numeric {format.Value.ToString().ToLowerInvariant()}{(r.NoFix ? " without the P fix" : "")}";
        var (g, l, u) = model?.HeadCounts() ?? (numericModel!.Blocks.Sum(b => b.Heads.Count(h => h.Window == 0)), numericModel.Blocks.Sum(b => b.Heads.Count(h => h.Window > 0)), 0);
        int layers = model?.Layers.Count ?? numericModel!.AttentionBlocks;
        string Format(int[] w) => w.Length == 0 ? "ε" : Word.Of(w).Format(alphabet);
        if (r.Json)
        {
            console.Out.Write(JsonOutput.Write(new JsonObject
            {
                ["model"] = r.Target,
                ["alphabet"] = JsonOutput.Strings(alphabet.Symbols),
                ["layers"] = layers,
                ["heads"] = new JsonObject { ["global"] = g, ["local"] = l, ["uha"] = u },
                ["numericBlocks"] = numericModel?.Blocks.Count,
                ["engine"] = engine,
                ["reference"] = referenceName,
                ["seed"] = r.Corpus is null ? r.Seed : null,
                ["words"] = words.Count,
                ["agree"] = allAgree,
                ["predictions"] = r.Predictions,
                ["lengths"] = new JsonArray(perLength.Select(kv => (JsonNode)new JsonObject { ["length"] = kv.Key, ["total"] = kv.Value.Total, ["agree"] = kv.Value.Agree }).ToArray()),
                ["disagreements"] = new JsonArray(disagreements.Select(d => (JsonNode)new JsonObject { ["word"] = Format(d.Word), ["model"] = d.Model, ["language"] = d.Language }).ToArray()),
            }));
        }
        else
        {
            var o = console.Out;
            o.WriteLine($"model:     {r.Target}{loaded.Note}");
            o.WriteLine($"alphabet:  {{{string.Join(", ", alphabet.Symbols)}}}");
            o.WriteLine($"size:      {layers} layer(s); heads: {g} global, {l} local, {u} uha" + (numericModel is null ? "" : $"; numeric: {numericModel.AttentionBlocks} attention layer(s), {numericModel.Blocks.Count} block(s), d = {numericModel.Dimension}"));
            o.WriteLine($"engine:    {engine}");
            o.WriteLine($"reference: {referenceName} ({reference.StateCount} states)");
            o.WriteLine(r.Corpus is null ? $"corpus:    {words.Count} random words, lengths {r.Lengths}, {r.PerLength} per length, SplitMix64 seed {r.Seed}" : $"corpus:    {corpusFile} ({words.Count} words)");
            o.WriteLine("length  words  agree");
            foreach (var (len, (total, agree)) in perLength)
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{len,6}  {total,5}  {agree,5}{(agree == total ? "" : "  ✗")}"));
            if (allAgree) o.WriteLine($"agree: all {words.Count} words");
            else
            {
                o.WriteLine($"DISAGREE on {words.Count - perLength.Values.Sum(v => v.Agree)} word(s); first ones:");
                foreach (var (w, m, lang) in disagreements) o.WriteLine($"  {Format(w)}: model {(m ? "accepts" : "rejects")}, language {(lang ? "accepts" : "rejects")}");
            }
            if (r.Predictions is not null) o.WriteLine($"predictions: {r.Predictions}");
        }
        return allAgree ? ExitCodes.Success : ExitCodes.No;
    }

    private static int Usage(CliConsole console, string message)
    {
        console.Error.WriteLine("fex: " + message);
        return ExitCodes.Usage;
    }

    /// <summary>
    /// The predictions file (docs/formats.md, "Prediction files"): per word <c>string</c> (corpus form),
    /// <c>predicted</c>, optionally <c>positions</c> ('0'/'1' per prefix 0 … n) and <c>readout</c> (the
    /// real-weight model's r·x at positions 1 … n+1, shortest round-trip floats). Written atomically.
    /// </summary>
    private static void WritePredictions(string path, List<int[]> words, Alphabet alphabet, bool[] verdicts, float[][]? readouts, string[]? prefixes)
    {
        AtomicFile.Write(path, stream =>
        {
            using var w = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            for (int i = 0; i < words.Count; i++)
            {
                w.Write("{\"string\":\"");
                w.Write(FormalExpressivity.Corpora.Writers.CorpusFormats.FormatWord(Word.Of(words[i]), alphabet));
                w.Write(verdicts[i] ? "\",\"predicted\":true" : "\",\"predicted\":false");
                if (prefixes is not null) { w.Write(",\"positions\":\""); w.Write(prefixes[i]); w.Write('"'); }
                if (readouts is not null)
                {
                    w.Write(",\"readout\":[");
                    for (int j = 0; j < readouts[i].Length; j++)
                    {
                        if (j > 0) w.Write(',');
                        var x = readouts[i][j];
                        w.Write(float.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : float.IsNaN(x) ? "\"NaN\"" : x > 0 ? "\"Infinity\"" : "\"-Infinity\"");
                    }
                    w.Write(']');
                }
                w.Write("}\n");
            }
        });
    }

    private static List<int[]> ReadCorpus(string path, Alphabet alphabet)
    {
        var words = new List<int[]>();
        var name = Path.GetFileName(path);
        if (FormalExpressivity.Corpora.Writers.CorpusFormats.TryFromExtension(path, out _))
        {
            // A corpus written by `fex corpus` (docs/corpora.md); its labels are ignored,
            // the reference language's DFA is the truth.
            foreach (var row in FormalExpressivity.Corpora.Writers.CorpusReader.ReadCorpus(path))
            {
                if (!FormalExpressivity.Corpora.Writers.CorpusFormats.TryParseWord(row.Text, alphabet, out var w, out var error))
                    throw new CliInputException($"fex: {name}:{row.Line}: {error}\n");
                words.Add(w!.Symbols.ToArray());
            }
            return words;
        }
        int line = 0;
        foreach (var raw in InputFile.ReadLines(path))
        {
            line++;
            var text = raw.Trim();
            if (text.StartsWith('#')) continue;
            if (!Word.TryParse(text, alphabet, out var w, out var error))
                throw new CliInputException($"fex: {name}:{line}: {error}\n");
            words.Add(w!.Symbols.ToArray());
        }
        return words;
    }

    private static List<int[]> RandomCorpus(Request r, Alphabet alphabet)
    {
        var parts = r.Lengths!.Split('-');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int from)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int to) || from > to || to > 1_000_000)
            throw new UsageException($"--lengths must be A-B with 0 ≤ A ≤ B ≤ 1000000, not '{r.Lengths}'");
        if ((long)(to - from + 1) * r.PerLength > 20_000_000)
            throw new UsageException($"--lengths {r.Lengths} with --per-length {r.PerLength} asks for {(long)(to - from + 1) * r.PerLength} words; at most 20000000");
        long count = (long)(to - from + 1) * r.PerLength;
        // Every word is an int[] of its length: announce the whole corpus before building it.
        long symbols = (long)(from + to) * (to - from + 1) / 2 * r.PerLength;
        MemoryBudget.Current.Require(checked(symbols * 4 + count * 40), $"the random corpus ({count} words, {symbols} symbols)");
        var random = new SplitMix64(r.Seed);
        var words = new List<int[]>((int)count);
        for (int len = from; len <= to; len++)
            for (int i = 0; i < r.PerLength; i++) words.Add(random.NextWord(len, alphabet.Count));
        return words;
    }

    private static (bool[] Verdicts, float[][]? Readouts, string[]? Prefixes) Evaluate(IProgressSink progress, TransformerModel? model, NumericTransformer? numeric,
        NumberFormat? format, List<int[]> words, bool keepReadouts, bool prefixes)
    {
        long symbols = words.Sum(w => (long)w.Length + 1);
        const int chunk = 4096;
        var result = new bool[words.Count];
        var readouts = keepReadouts ? new float[words.Count][] : null;
        progress.Stage("simulating", symbols);
        var kernel = numeric is null ? BitParallelKernel.Compile(model!) : null;
        bool[] Run(List<int[]> part)
        {
            // one byte per symbol, streamed into the kernel 64 positions at a time (docs/performance.md)
            if (kernel is not null) return model!.Alphabet.Count <= 256 ? kernel.Run(ByteWords.From(part)) : kernel.Run(BitBatch.Create(part, model.Alphabet.Count));
            var v = new bool[part.Count];
            for (int i = 0; i < part.Count; i++) v[i] = numeric!.Accepts(part[i], format!.Value);
            return v;
        }
        for (int start = 0; start < words.Count; start += chunk)
        {
            var part = words.GetRange(start, Math.Min(chunk, words.Count - start));
            if (numeric is not null && readouts is not null)
                for (int i = 0; i < part.Count; i++)
                {
                    var outputs = numeric.Outputs(part[i], format!.Value);
                    readouts[start + i] = outputs;
                    result[start + i] = outputs[^1] > 0;
                }
            else Run(part).CopyTo(result, start);
            progress.Advance(part.Sum(w => (double)w.Length + 1));
        }
        string[]? prefixText = null;
        if (prefixes)
        {
            prefixText = new string[words.Count];
            progress.Stage("predicting every prefix", words.Count);
            for (int i = 0; i < words.Count; i++)
            {
                var w = words[i];
                var all = Enumerable.Range(0, w.Length + 1).Select(n => w[..n]).ToList();
                var v = Run(all);
                prefixText[i] = new string(v.Select(b => b ? '1' : '0').ToArray());
                progress.Advance(1);
            }
        }
        return (result, readouts, prefixText);
    }
}
