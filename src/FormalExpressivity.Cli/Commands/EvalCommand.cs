using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using FormalExpressivity.Cli.Infrastructure;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Corpora.Evaluation;

namespace FormalExpressivity.Cli.Commands;

/// <summary>
/// <c>fex eval --corpus FILE --predictions FILE LANG</c>: accuracy per length, N*, failing strings
/// and (where an oracle is available) failing pairs an architecture cannot separate. Exit 0 when the
/// evaluation ran (whatever the accuracy), 3 on bad input.
/// </summary>
public static class EvalCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">Output streams.</param>
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var lang = new Argument<string>("LANG") { Description = "The language: re:REGEX, ltl:FORMULA, fo:SENTENCE, or a .json, .att or .lang file." };
        var alphabet = CommonOptions.Alphabet();
        var budgets = BudgetOptions.Create(BudgetOptions.Construction);
        var corpus = new Option<string>("--corpus") { Description = "The corpus file (JSONL, CSV or Parquet).", Required = true };
        var predictions = new Option<string>("--predictions") { Description = "The predictions file (JSONL or CSV; see docs/formats.md).", Required = true };
        var plot = new Option<string?>("--plot") { Description = "Draw accuracy against length to FILE.png (or FILE.svg)." };
        var depth = new Option<int>("--global-depth") { Description = "Depth r of the LTL[P] past types used to find failing pairs no global-attention model separates; -1 disables.", DefaultValueFactory = _ => 3 };
        var show = new Option<int>("--show") { Description = "How many failing strings to print in text mode (JSON lists all).", DefaultValueFactory = _ => 20 };
        var json = CommonOptions.Json();
        var command = new Command("eval", "Score a model's predictions on a corpus against the language.")
        {
            lang, alphabet, corpus, predictions, plot, depth, show, json,
        };
        budgets.AddTo(command);
        command.SetAction(parse => console.Guard(() =>
        {
            var langSpec = parse.GetValue(lang)!;
            var dfa = LanguageLoader.Load(langSpec, parse.GetValue(alphabet), budgets.Bind(parse));
            var report = Evaluator.EvaluateFiles(dfa, parse.GetValue(corpus)!, parse.GetValue(predictions)!, Oracles(dfa.SymbolCount, parse.GetValue(depth)));
            var plotPath = parse.GetValue(plot);
            if (plotPath is not null) AccuracyPlot.Write(report, plotPath, $"{Path.GetFileName(langSpec)}: accuracy by length");
            if (parse.GetValue(json)) console.Out.Write(ToJson(report, plotPath));
            else WriteText(console.Out, report, plotPath, parse.GetValue(show));
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>
    /// The indistinguishability oracles consulted for failing pairs: the global architecture's
    /// LTL[P] past types at the requested depth. The local and hybrid architectures' window types
    /// (theory.md §3.1, §6) come with the class deciders and plug in here.
    /// </summary>
    private static IEnumerable<IIndistinguishabilityOracle> Oracles(int symbols, int depth) =>
        depth < 0 ? [] : [new GlobalPastTypeOracle(symbols, depth)];

    private static string Percent(double x) => (100 * x).ToString("F2", CultureInfo.InvariantCulture) + " %";

    private static void WriteText(TextWriter o, EvaluationReport r, string? plotPath, int show)
    {
        o.WriteLine($"{r.Total} predictions, {r.Correct} correct, accuracy {Percent(r.Accuracy)}");
        o.WriteLine($"N* = {(r.NStar is { } n ? n.ToString(CultureInfo.InvariantCulture) : "none (the shortest tested length is already imperfect)")}");
        o.WriteLine();
        o.WriteLine("length  total  correct  accuracy");
        foreach (var l in r.PerLength)
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{l.Length,6}  {l.Total,5}  {l.Correct,7}  {Percent(l.Accuracy),8}"));
        if (r.CorpusLabelErrors.Count > 0)
        {
            o.WriteLine();
            o.WriteLine($"warning: {r.CorpusLabelErrors.Count} corpus labels disagree with the language (first at corpus line {r.CorpusLabelErrors[0].Line}); the language's labels were used");
        }
        if (r.Failures.Count > 0)
        {
            o.WriteLine();
            o.WriteLine($"failing strings ({Math.Min(show, r.Failures.Count)} of {r.Failures.Count}):");
            foreach (var f in r.Failures.Take(show))
                o.WriteLine($"  line {f.Line}, length {f.Length}: {(f.Truth ? "in L" : "not in L")}, predicted {(f.Predicted ? "in L" : "not in L")}: {Clip(f.Text)}");
        }
        o.WriteLine();
        if (r.Oracles.Count == 0)
            o.WriteLine("inseparable pairs: no architecture oracle consulted");
        else if (r.Indistinguishable.Count == 0)
            o.WriteLine($"inseparable pairs: none among the failures ({string.Join(", ", r.Oracles)})");
        else
            foreach (var p in r.Indistinguishable)
            {
                o.WriteLine($"inseparable for {p.Architecture} (equal depth-{p.Depth} types at the end marker):");
                o.WriteLine($"  line {p.InLanguage.Line} (in L):     {Clip(p.InLanguage.Text)}");
                o.WriteLine($"  line {p.NotInLanguage.Line} (not in L): {Clip(p.NotInLanguage.Text)}");
            }
        if (plotPath is not null) o.WriteLine($"plot: {plotPath}");
    }

    private static string Clip(string s) => s.Length <= 80 ? (s.Length == 0 ? "ε" : s) : s[..77] + "...";

    private static string ToJson(EvaluationReport r, string? plotPath)
    {
        static JsonObject Failure(FailingString f) => new() { ["string"] = f.Text, ["length"] = f.Length, ["truth"] = f.Truth, ["predicted"] = f.Predicted, ["line"] = f.Line };
        static JsonArray Array(IEnumerable<JsonNode> items) => new(items.ToArray());
        return JsonOutput.Write(new JsonObject
        {
            ["total"] = r.Total,
            ["correct"] = r.Correct,
            ["accuracy"] = r.Accuracy,
            ["nStar"] = r.NStar,
            ["perLength"] = Array(r.PerLength.Select(l => new JsonObject { ["length"] = l.Length, ["total"] = l.Total, ["correct"] = l.Correct, ["accuracy"] = l.Accuracy })),
            ["failures"] = Array(r.Failures.Select(Failure)),
            ["corpusLabelErrors"] = Array(r.CorpusLabelErrors.Select(Failure)),
            ["oracles"] = JsonOutput.Strings(r.Oracles),
            ["indistinguishable"] = Array(r.Indistinguishable.Select(p => new JsonObject { ["architecture"] = p.Architecture, ["depth"] = p.Depth, ["inLanguage"] = Failure(p.InLanguage), ["notInLanguage"] = Failure(p.NotInLanguage) })),
            ["plot"] = plotPath,
        });
    }
}
