using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Cli.Infrastructure;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Corpora;
using FormalExpressivity.Corpora.Evaluation;
using FormalExpressivity.Corpora.Writers;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Engine.Evaluation;

namespace FormalExpressivity.Cli.Commands;

/// <summary>
/// <c>fex eval [LANG] --corpus CORPUS --predictions FILE…</c>: per model, accuracy per length with
/// 95 % intervals, false positives/negatives, N*, failing strings and the failure analysis (failures
/// a same-type, opposite-truth string predicted alike explains, per architecture). The language
/// comes from the corpus manifest; LANG, when given, must have the manifest's fingerprint. Exit 0
/// when the evaluation ran, 1 when corpus labels disagree with the language, 3 on bad input.
/// </summary>
public static class EvalCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">Output streams.</param>
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var lang = new Argument<string?>("LANG")
        {
            Description = "The language (re:REGEX, ltl:FORMULA, fo:SENTENCE, FILE.lang, FILE.json, FILE.att); default: the corpus manifest's. When both are present their fingerprints must agree.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var alphabet = CommonOptions.Alphabet();
        var corpus = new Option<string>("--corpus") { Description = "The corpus: a dataset folder written by fex corpus, one of its data/SPLIT files, or a single corpus file (JSONL, CSV or Parquet).", Required = true };
        var split = new Option<string?>("--split") { Description = "The split to score when --corpus is a dataset folder (default: test, else the only split)." };
        var predictions = new Option<string[]>("--predictions")
        {
            Description = "One or more predictions files (JSONL or CSV; docs/formats.md): one row per corpus row with a label or a probability, optionally per-position predictions. Repeat the option for several files (models, seeds): they share one report and plot.",
            Required = true,
        };
        var threshold = new Option<double>("--threshold") { Description = "Probabilities ≥ this predict \"in L\".", DefaultValueFactory = _ => 0.5 }.Accepting(0.0, 1.0);
        var plot = new Option<string?>("--plot") { Description = "Draw accuracy against length to FILE.png (or FILE.svg): one line per model with 95 % bands, the training lengths shaded, the chance line." };
        var architectures = new Option<string>("--architectures")
        {
            Description = "The architectures whose depth-r types explain failures, comma-separated (global, global-nonstrict, local:K, hybrid:K, Ywin:K, PYwin:K), or none.",
            DefaultValueFactory = _ => DefaultArchitectures,
            HelpName = "LIST",
        };
        var depth = new Option<int>("--depth", "--global-depth") { Description = "Depth r of the types used to explain failures; -1 disables the failure analysis.", DefaultValueFactory = _ => 3 }.Accepting(-1, MaxDepth);
        var show = new Option<int>("--show") { Description = "How many entries of each list (failing strings, explained pairs, label errors) to print, in text and JSON.", DefaultValueFactory = _ => 20 }.Accepting(0, int.MaxValue);
        var json = CommonOptions.Json();
        var budgets = BudgetOptions.Create(BudgetOptions.Construction);
        var typeBudgets = BudgetOptions.Create(["max-types", "max-type-states"]);
        var command = new Command("eval", "Score models' predictions on a corpus against the language, with the failure analysis per architecture.")
        {
            lang, alphabet, corpus, split, predictions, threshold, plot, architectures, depth, show, json,
        };
        budgets.AddTo(command);
        typeBudgets.AddTo(command);
        command.SetAction(parse => console.Guard(() =>
        {
            var declared = parse.GetValue(alphabet);
            var limits = budgets.Bind(parse);
            // --threshold, --show and --depth are range-checked by their parsers (NumberOption.Accepting).
            double cut = parse.GetValue(threshold);
            int limit = parse.GetValue(show);
            int r = parse.GetValue(depth);
            if (!TryParseArchitectures(parse.GetValue(architectures)!, out var explainers, out var badArchitecture)) return Usage(console, badArchitecture);
            var typeLimits = typeBudgets.Bind(parse);
            var corpusPath = parse.GetValue(corpus)!;
            // A missing corpus is reported when it is read, after LANG (whose errors come first).
            var (dataFile, manifestPath) = File.Exists(corpusPath) || Directory.Exists(corpusPath) ? CorpusLocation.Resolve(corpusPath, parse.GetValue(split)) : (corpusPath, null);
            var manifest = manifestPath is null ? null : CorpusLocation.ReadManifest(manifestPath);
            var (dfa, languageName) = ResolveLanguage(parse.GetValue(lang), declared, manifest, limits);
            var files = parse.GetValue(predictions)!;
            var reports = CliProgress.Run(console, "fex eval", progress =>
            {
                progress.Stage("reading " + dataFile);
                var rows = CorpusReader.ReadCorpus(dataFile);
                var list = new List<EvaluationReport>();
                foreach (var file in files)
                {
                    progress.Stage("scoring " + file);
                    // one oracle per architecture and file: the type tables grow with the strings they see
                    var oracles = r < 0 ? [] : explainers.Select(a => (IIndistinguishabilityOracle)new ArchitectureTypeOracle(a, dfa.SymbolCount, r, typeLimits.MaxTypes, typeLimits.MaxTypeStates)).ToArray();
                    list.Add(Evaluator.Evaluate(dfa, rows, CorpusReader.ReadPredictions(file), oracles, cut, dataFile, file));
                }
                return list;
            });
            var plotPath = parse.GetValue(plot);
            if (plotPath is not null) AccuracyPlot.Write(reports, plotPath, $"{languageName}: accuracy by length", manifest?.TrainLengths);
            if (parse.GetValue(json)) console.Out.Write(ToJson(reports, dataFile, languageName, cut, limit, plotPath));
            else WriteText(console.Out, reports, dataFile, languageName, limit, plotPath);
            return reports.Any(x => x.CorpusLabelErrors.Count > 0) ? ExitCodes.No : ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The architectures of the failure analysis by default: every family with depth-r types, k ≤ 2.</summary>
    public const string DefaultArchitectures = "global,global-nonstrict,local:1,local:2,hybrid:1,hybrid:2";

    private const int MaxDepth = 8;

    private static bool TryParseArchitectures(string text, out List<Architecture> architectures, out string error)
    {
        architectures = [];
        error = "";
        if (text.Trim() is "none" or "") return true;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!Architecture.TryParse(part, out var a) || !ArchitectureTypeOracle.Supports(a))
            {
                error = $"--architectures: '{part}' is not an architecture with depth-r types (global, global-nonstrict, local:K, hybrid:K, Ywin:K, PYwin:K; or none)";
                return false;
            }
            if (!architectures.Contains(a)) architectures.Add(a);
        }
        return true;
    }

    /// <summary>
    /// The language to score against: the manifest's (its embedded minimal DFA, else its spec reloaded
    /// over its alphabet), LANG's when there is no manifest, and LANG's when both are present and
    /// their fingerprints agree — a mismatch is an input error.
    /// </summary>
    private static (Dfa Dfa, string Name) ResolveLanguage(string? spec, Alphabet? declared, ManifestInfo? manifest, Budgets limits)
    {
        if (manifest is null)
        {
            if (spec is null) throw new CliInputException("fex eval: the corpus has no manifest; give the language as LANG\n");
            return (LanguageLoader.Load(spec, declared, limits), spec);
        }
        var fromManifest = manifest.Dfa ?? LoadManifestSpec(manifest, limits);
        if (CorpusManifest.Fingerprint(fromManifest.Minimize()) != manifest.Fingerprint)
            throw new CliInputException($"fex eval: {manifest.Path}: the language does not match the manifest's fingerprint {manifest.Fingerprint[..12]}… (the manifest was edited or its spec changed meaning)\n");
        if (spec is null) return (fromManifest, manifest.Spec);
        var given = LanguageLoader.Load(spec, declared ?? manifest.Alphabet, limits);
        if (!given.Alphabet.Equals(manifest.Alphabet))
            throw new CliInputException($"fex eval: {spec} is over {given.Alphabet}, the corpus over {manifest.Alphabet} ({manifest.Path})\n");
        var fingerprint = CorpusManifest.Fingerprint(given.Minimize());
        if (fingerprint != manifest.Fingerprint)
            throw new CliInputException($"fex eval: {spec} is not the corpus's language: its fingerprint {fingerprint[..12]}… differs from {manifest.Fingerprint[..12]}… of {manifest.Spec} ({manifest.Path}); omit LANG to use the manifest's\n");
        return (given, spec);
    }

    private static Dfa LoadManifestSpec(ManifestInfo manifest, Budgets limits)
    {
        var spec = manifest.Spec;
        var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(manifest.Path))!, spec);
        if (!spec.Contains(':', StringComparison.Ordinal) && !File.Exists(spec) && File.Exists(beside)) spec = beside;
        return LanguageLoader.Load(spec, manifest.Alphabet, limits);
    }

    private static int Usage(CliConsole console, string message)
    {
        console.Error.WriteLine("fex eval: " + message);
        return ExitCodes.Usage;
    }

    private static string Percent(double x) => (100 * x).ToString("F2", CultureInfo.InvariantCulture) + " %";

    private static string Interval(BinomialInterval i) => string.Create(CultureInfo.InvariantCulture, $"[{100 * i.Lower:F1}, {100 * i.Upper:F1}]");

    private static void WriteText(TextWriter o, IReadOnlyList<EvaluationReport> reports, string corpus, string language, int show, string? plotPath)
    {
        o.WriteLine($"corpus {corpus}, language {language}");
        foreach (var r in reports)
        {
            o.WriteLine();
            o.WriteLine($"model {r.Model}: {r.Total} predictions, {r.Correct} correct, accuracy {Percent(r.Accuracy)} {Interval(r.Interval)} (95 % Wilson)");
            o.WriteLine($"N* = {(r.NStar is { } n ? n.ToString(CultureInfo.InvariantCulture) : "none (the shortest tested length is already imperfect)")}");
            o.WriteLine(r.HasPositions ? "length  total  correct  accuracy  95 % interval    FP    FN  positions" : "length  total  correct  accuracy  95 % interval    FP    FN");
            foreach (var l in r.PerLength)
                o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{l.Length,6}  {l.Total,5}  {l.Correct,7}  {Percent(l.Accuracy),8}  {Interval(l.Interval),-14}  {l.FalsePositives,4}  {l.FalseNegatives,4}{(r.HasPositions ? "  " + Percent(l.PositionAccuracy) : "")}"));
            if (r.CorpusLabelErrors.Count > 0)
            {
                o.WriteLine($"error: {r.CorpusLabelErrors.Count} corpus labels disagree with the language (the language's labels were used):");
                foreach (var e in r.CorpusLabelErrors.Take(show)) o.WriteLine($"  corpus line {e.Line}: written {(e.Predicted ? "in L" : "not in L")}, language says {(e.Truth ? "in L" : "not in L")}: {Clip(e.Text)}");
                More(o, r.CorpusLabelErrors.Count, show);
            }
            if (r.Failures.Count > 0)
            {
                o.WriteLine($"failing strings ({Math.Min(show, r.Failures.Count)} of {r.Failures.Count}):");
                foreach (var f in r.Failures.Take(show))
                    o.WriteLine($"  line {f.Line}, length {f.Length}: {(f.Truth ? "in L" : "not in L")}, predicted {(f.Predicted ? "in L" : "not in L")}: {Clip(f.Text)}");
            }
            if (r.Analyses.Count == 0) o.WriteLine("failure analysis: no architecture consulted");
            foreach (var a in r.Analyses)
            {
                if (a.Skipped is not null)
                {
                    o.WriteLine($"failure analysis, {a.Architecture} (depth-{a.Depth} types): skipped: {a.Skipped.TrimEnd()}");
                    continue;
                }
                o.WriteLine($"failure analysis, {a.Architecture} (depth-{a.Depth} types): {a.Explained.Count} of {r.Failures.Count} failures explained, {a.Unexplained} not; " +
                    $"{a.MixedTypes} of {a.Types} types hold strings of both truths; {a.SeparatedBothWrong} types separated the wrong way round");
                foreach (var p in a.Explained.Take(show))
                {
                    o.WriteLine($"  same type, different truth, predicted alike ({(p.Failure.Predicted ? "in L" : "not in L")}):");
                    o.WriteLine($"    line {p.Failure.Line} ({(p.Failure.Truth ? "in L, wrong" : "not in L, wrong")}): {Clip(p.Failure.Text)}");
                    o.WriteLine($"    line {p.Partner.Line} ({(p.Partner.Truth ? "in L, right" : "not in L, right")}): {Clip(p.Partner.Text)}");
                }
                More(o, a.Explained.Count, show);
            }
        }
        if (plotPath is not null) o.WriteLine($"plot: {plotPath}");
    }

    private static void More(TextWriter o, int count, int show)
    {
        if (count > show) o.WriteLine($"  … {count - show} more (raise --show)");
    }

    private static string Clip(string s) => s.Length <= 80 ? (s.Length == 0 ? "ε" : s) : s[..77] + "...";

    private static string ToJson(IReadOnlyList<EvaluationReport> reports, string corpus, string language, double threshold, int show, string? plotPath)
    {
        static JsonObject Row(FailingString f) => new() { ["string"] = f.Text, ["length"] = f.Length, ["truth"] = f.Truth, ["predicted"] = f.Predicted, ["line"] = f.Line };
        static JsonArray Interval(BinomialInterval i) => new(i.Lower, i.Upper);
        // Built node by node (no reflection, so the Native AOT build keeps it); properties in this order.
        return JsonOutput.Write(new JsonObject
        {
            ["corpus"] = corpus,
            ["language"] = language,
            ["threshold"] = threshold,
            ["show"] = show,
            ["models"] = JsonOutput.Array(reports, r => new JsonObject
            {
                ["model"] = r.Model,
                ["total"] = r.Total,
                ["correct"] = r.Correct,
                ["accuracy"] = r.Accuracy,
                ["interval"] = Interval(r.Interval),
                ["nStar"] = r.NStar,
                ["perLength"] = JsonOutput.Array(r.PerLength, l => new JsonObject
                {
                    ["length"] = l.Length,
                    ["total"] = l.Total,
                    ["correct"] = l.Correct,
                    ["accuracy"] = l.Accuracy,
                    ["interval"] = Interval(l.Interval),
                    ["positives"] = l.Positives,
                    ["falsePositives"] = l.FalsePositives,
                    ["falseNegatives"] = l.FalseNegatives,
                    ["positionsTotal"] = l.PositionsTotal,
                    ["positionsCorrect"] = l.PositionsCorrect,
                }),
                ["failureCount"] = r.Failures.Count,
                ["failures"] = JsonOutput.Array(r.Failures.Take(show), Row),
                ["corpusLabelErrorCount"] = r.CorpusLabelErrors.Count,
                ["corpusLabelErrors"] = JsonOutput.Array(r.CorpusLabelErrors.Take(show), Row),
                ["analyses"] = JsonOutput.Array(r.Analyses, a => new JsonObject
                {
                    ["architecture"] = a.Architecture,
                    ["depth"] = a.Depth,
                    ["types"] = a.Types,
                    ["mixedTypes"] = a.MixedTypes,
                    ["explained"] = a.Explained.Count,
                    ["unexplained"] = a.Unexplained,
                    ["separatedBothWrong"] = a.SeparatedBothWrong,
                    ["skipped"] = a.Skipped,
                    ["pairs"] = JsonOutput.Array(a.Explained.Take(show), p => new JsonObject { ["failure"] = Row(p.Failure), ["partner"] = Row(p.Partner) }),
                }),
            }),
            ["plot"] = plotPath,
        });
    }
}
