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
using Spectre.Console;

namespace FormalExpressivity.Cli.Commands;

/// <summary>
/// <c>fex simulate MODEL|LANG</c>: runs a transformer (a model file, or the model compiled from an
/// <c>ltl:</c> formula) on a corpus — a file, or SplitMix64-random words per length — with the bit-parallel
/// kernel or, with <c>--numeric</c>, the real-weight model in fp32/fp16/bf16; compares every verdict with
/// the language's DFA (<c>--language</c>, else the formula's own past-LTL DFA, else the model's DFA) and
/// prints the agreement per length and the first disagreeing words. Exit 0 when all agree, 1 otherwise.
/// </summary>
public static class SimulateCommand
{
    private const int MaxReported = 10;
    private const long ProgressThreshold = 2_000_000; // symbols; smaller runs finish before a bar helps

    /// <summary>Creates the command.</summary>
    /// <param name="console">Output streams.</param>
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var target = new Argument<string>("model") { Description = "A model file (.model text or .json), or ltl:FORMULA (compiled to a model)." };
        var language = new Option<string?>("--language") { Description = "The reference language (ltl:FORMULA); default: the formula itself, or the model's own DFA." };
        var alphabetOption = CommonOptions.Alphabet();
        alphabetOption.Description = "Σ for ltl: formulas, symbols in order, comma-separated (e.g. --alphabet a,b); default: the formula's atoms.";
        var budgets = BudgetOptions.Create(["max-states"]);
        var corpus = new Option<FileInfo?>("--corpus") { Description = "A corpus file: a fex corpus (.jsonl, .csv, .parquet), or one word per line (symbols separated by spaces, or letters; empty line or ε = empty word; # comments)." };
        var lengths = new Option<string?>("--lengths") { Description = "Random words of lengths A-B (inclusive)." };
        var perLength = new Option<int>("--per-length") { Description = "Random words per length.", DefaultValueFactory = _ => 100 };
        var numeric = new Option<string?>("--numeric") { Description = "Run the real-weight model in fp32, fp16 or bf16 instead of the symbolic kernel." };
        var noFix = new Option<bool>("--no-past-fix") { Description = "With --numeric: disable the two-layer P fix." };
        var seed = new Option<ulong>("--seed") { Description = "SplitMix64 seed of the random words.", DefaultValueFactory = _ => 1 };
        var json = CommonOptions.Json();
        var command = new Command("simulate", "Run a transformer model on a corpus and compare it with the language's DFA.")
        {
            target, language, alphabetOption, corpus, lengths, perLength, numeric, noFix, seed, json,
        };
        budgets.AddTo(command);
        command.SetAction(parse => console.Guard(() => Run(console, new Request(
            parse.GetValue(target)!, parse.GetValue(language), parse.GetValue(alphabetOption), parse.GetValue(corpus), parse.GetValue(lengths),
            parse.GetValue(perLength), parse.GetValue(numeric), parse.GetValue(noFix), parse.GetValue(seed), parse.GetValue(json), budgets.Bind(parse).MaxStates))));
        return command;
    }

    private sealed record Request(string Target, string? Language, Alphabet? Alphabet, FileInfo? Corpus, string? Lengths, int PerLength, string? Numeric, bool NoFix, ulong Seed, bool Json, int MaxStates);

    private static int Run(CliConsole console, Request r)
    {
        if ((r.Corpus is null) == (r.Lengths is null)) return Usage(console, "give exactly one of --corpus FILE and --lengths A-B");
        if (r.PerLength < 1 || r.PerLength > 10_000_000) return Usage(console, "--per-length must be between 1 and 10000000");
        NumberFormat? format = r.Numeric switch
        {
            null => null,
            "fp32" => NumberFormat.Fp32,
            "fp16" => NumberFormat.Fp16,
            "bf16" => NumberFormat.Bf16,
            _ => (NumberFormat?)(NumberFormat)(-1),
        };
        if (format is { } f0 && (int)f0 < 0) return Usage(console, $"--numeric must be fp32, fp16 or bf16, not '{r.Numeric}'");

        var (model, formula, compileNote) = LoadModel(r);
        var alphabet = model.Alphabet;
        Dfa reference;
        string referenceName;
        if (r.Language is not null)
        {
            var lf = ReadFormula(r.Language, "--language");
            reference = PastLtlCompiler.ToDfa(lf, alphabet, r.MaxStates);
            referenceName = "ltl:" + lf;
        }
        else if (formula is not null)
        {
            reference = PastLtlCompiler.ToDfa(formula, alphabet, r.MaxStates);
            referenceName = "ltl:" + formula;
        }
        else
        {
            reference = ModelAutomaton.ToDfa(model, r.MaxStates);
            referenceName = "the model's own DFA";
        }

        NumericTransformer? numericModel = null;
        if (format is not null)
        {
            var nc = NumericCompiler.Compile(model, new NumericOptions(!r.NoFix));
            numericModel = nc.GetModelOrThrow();
        }

        var words = r.Corpus is not null ? ReadCorpus(r.Corpus, alphabet) : RandomCorpus(r, alphabet);
        bool[] verdicts = Evaluate(console, model, numericModel, format, words);

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
        string engine = format is null ? $"bit-parallel kernel ({BitBatch.Resolve(LaneWidth.Auto)})" : $"numeric {r.Numeric}{(r.NoFix ? " without the P fix" : "")}";
        var (g, l, u) = model.HeadCounts();
        string Format(int[] w) => w.Length == 0 ? "ε" : Word.Of(w).Format(alphabet);
        if (r.Json)
        {
            console.Out.Write(JsonOutput.Write(new JsonObject
            {
                ["model"] = r.Target,
                ["alphabet"] = JsonOutput.Strings(alphabet.Symbols),
                ["layers"] = model.Layers.Count,
                ["heads"] = new JsonObject { ["global"] = g, ["local"] = l, ["uha"] = u },
                ["numericBlocks"] = numericModel?.Blocks.Count,
                ["engine"] = engine,
                ["reference"] = referenceName,
                ["seed"] = r.Corpus is null ? r.Seed : null,
                ["words"] = words.Count,
                ["agree"] = allAgree,
                ["lengths"] = new JsonArray(perLength.Select(kv => (JsonNode)new JsonObject { ["length"] = kv.Key, ["total"] = kv.Value.Total, ["agree"] = kv.Value.Agree }).ToArray()),
                ["disagreements"] = new JsonArray(disagreements.Select(d => (JsonNode)new JsonObject { ["word"] = Format(d.Word), ["model"] = d.Model, ["language"] = d.Language }).ToArray()),
            }));
        }
        else
        {
            var o = console.Out;
            o.WriteLine($"model:     {r.Target}{compileNote}");
            o.WriteLine($"alphabet:  {{{string.Join(", ", alphabet.Symbols)}}}");
            o.WriteLine($"size:      {model.Layers.Count} layer(s); heads: {g} global, {l} local, {u} uha" + (numericModel is null ? "" : $"; numeric: {numericModel.AttentionBlocks} attention layer(s), {numericModel.Blocks.Count} block(s), d = {numericModel.Dimension}"));
            o.WriteLine($"engine:    {engine}");
            o.WriteLine($"reference: {referenceName} ({reference.StateCount} states)");
            o.WriteLine(r.Corpus is null ? $"corpus:    {words.Count} random words, lengths {r.Lengths}, {r.PerLength} per length, SplitMix64 seed {r.Seed}" : $"corpus:    {r.Corpus.Name} ({words.Count} words)");
            o.WriteLine("length  words  agree");
            foreach (var (len, (total, agree)) in perLength)
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{len,6}  {total,5}  {agree,5}{(agree == total ? "" : "  ✗")}"));
            if (allAgree) o.WriteLine($"agree: all {words.Count} words");
            else
            {
                o.WriteLine($"DISAGREE on {words.Count - perLength.Values.Sum(v => v.Agree)} word(s); first ones:");
                foreach (var (w, m, lang) in disagreements) o.WriteLine($"  {Format(w)}: model {(m ? "accepts" : "rejects")}, language {(lang ? "accepts" : "rejects")}");
            }
        }
        return allAgree ? ExitCodes.Success : ExitCodes.No;
    }

    private static int Usage(CliConsole console, string message)
    {
        console.Error.WriteLine("fex: " + message);
        return ExitCodes.Usage;
    }

    private static LtlFormula ReadFormula(string text, string what)
    {
        if (!text.StartsWith("ltl:", StringComparison.Ordinal))
            throw new CliInputException($"fex: {what}: languages are given as ltl:FORMULA here (other language kinds come with the language loader)\n");
        string body = text[4..];
        var parsed = FormalExpressivity.Syntax.Temporal.LtlParser.Parse(body);
        if (!parsed.Success) throw new CliInputException(DiagnosticFormatter.RenderAll(parsed.Diagnostics, body, what));
        return parsed.Value;
    }

    private static (TransformerModel Model, LtlFormula? Formula, string Note) LoadModel(Request r)
    {
        if (r.Target.StartsWith("ltl:", StringComparison.Ordinal))
        {
            var formula = ReadFormula(r.Target, "model");
            Alphabet alphabet;
            if (r.Alphabet is not null) alphabet = r.Alphabet;
            else
            {
                var atoms = formula.Atoms();
                if (atoms.Count == 0) throw new CliInputException("fex: the formula has no atoms; declare the alphabet with --alphabet\n");
                alphabet = Alphabet.Create(atoms);
            }
            var compiled = LtlToTransformer.Compile(formula, alphabet);
            if (!compiled.Success) throw new InputException(compiled.Diagnostics);
            string note = $" (compiled: depth {formula.Depth} → {compiled.Layers} layer(s))";
            foreach (var d in compiled.Diagnostics) note += $"\n  note: {d.Message}";
            return (compiled.Model!, formula, note);
        }
        var file = new FileInfo(r.Target);
        if (!file.Exists) throw new CliInputException($"fex: model file '{r.Target}' not found\n");
        string text = InputFile.ReadAllText(file.FullName);
        var parsed = file.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase) ? TransformerJson.Parse(text) : TransformerText.Parse(text);
        if (!parsed.Success) throw new CliInputException(DiagnosticFormatter.RenderAll(parsed.Diagnostics, text, file.Name));
        return (parsed.Value, null, "");
    }

    private static List<int[]> ReadCorpus(FileInfo file, Alphabet alphabet)
    {
        var words = new List<int[]>();
        var extension = file.Extension.ToLowerInvariant();
        if (extension is ".jsonl" or ".csv" or ".parquet")
        {
            // A corpus written by `fex corpus` (docs/formats.md, "Corpus files"); its labels are ignored,
            // the reference language's DFA is the truth.
            foreach (var row in FormalExpressivity.Corpora.Writers.CorpusReader.ReadCorpus(file.FullName))
            {
                if (!FormalExpressivity.Corpora.Writers.CorpusFormats.TryParseWord(row.Text, alphabet, out var w, out var error))
                    throw new CliInputException($"fex: {file.Name}:{row.Line}: {error}\n");
                words.Add(w!.Symbols.ToArray());
            }
            return words;
        }
        int line = 0;
        foreach (var raw in InputFile.ReadLines(file.FullName))
        {
            line++;
            var text = raw.Trim();
            if (text.StartsWith('#')) continue;
            if (!Word.TryParse(text, alphabet, out var w, out var error))
                throw new CliInputException($"fex: {file.Name}:{line}: {error}\n");
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

    private static bool[] Evaluate(CliConsole console, TransformerModel model, NumericTransformer? numeric, NumberFormat? format, List<int[]> words)
    {
        long symbols = words.Sum(w => (long)w.Length + 1);
        const int chunk = 4096;
        var result = new bool[words.Count];
        void Work(Action<double>? advance)
        {
            var kernel = BitParallelKernel.Compile(model);
            for (int start = 0; start < words.Count; start += chunk)
            {
                var part = words.GetRange(start, Math.Min(chunk, words.Count - start));
                if (numeric is null)
                {
                    var v = kernel.Run(BitBatch.Create(part, model.Alphabet.Count));
                    v.CopyTo(result, start);
                }
                else
                    for (int i = 0; i < part.Count; i++) result[start + i] = numeric.Accepts(part[i], format!.Value);
                advance?.Invoke(part.Sum(w => (double)w.Length + 1));
            }
        }
        bool terminal = ReferenceEquals(console.Error, Console.Error) && !Console.IsErrorRedirected;
        if (!terminal || symbols < ProgressThreshold || numeric is null && symbols < 50 * ProgressThreshold)
        {
            Work(null);
            return result;
        }
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        ansi.Progress().Start(ctx =>
        {
            var task = ctx.AddTask("simulating", maxValue: symbols);
            Work(task.Increment);
        });
        return result;
    }
}
