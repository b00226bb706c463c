using System.CommandLine;
using System.Globalization;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Report;
using FormalExpressivity.Classes.Verdicts;
using FormalExpressivity.Cli.Infrastructure;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Cli.Commands;

/// <summary>
/// <c>fex classify LANG [--alphabet …] [--window-sizes 1,2,4] [--max-depth r] [--max-types n] [--json] [--full]</c>:
/// the classes of a regular language (with parameters and evidence) and the verdict of every
/// attention architecture (formulas for yes, witness words for no and unknown).
/// </summary>
public static class ClassifyCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">Output streams.</param>
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var lang = new Argument<string>("LANG") { Description = "The language: re:REGEX, ltl:FORMULA, fo:SENTENCE, or a .json, .att or .lang file." };
        var alphabet = CommonOptions.Alphabet();
        var windows = new Option<string>("--window-sizes") { Description = $"Window sizes k for local:k, hybrid:k, Ywin:k, PYwin:k, comma-separated (each from 1 to {ClassifierOptions.MaxWindowSize}).", DefaultValueFactory = _ => "1,2,4" };
        var budgets = BudgetOptions.Create([.. BudgetOptions.Construction, .. BudgetOptions.Classification]);
        var json = CommonOptions.Json();
        var classes = new Option<string?>("--classes") { Description = "Class rows to report, e.g. \"R,LR,SF\" (default: all; \"none\" skips them)." };
        var arch = new Option<string?>("--arch") { Description = "Architecture and window-logic rows to report, e.g. \"global,local:2,Ywin:1\" (default: every row for --window-sizes; \"none\" skips them)." };
        var full = new Option<bool>("--full") { Description = "Print every formula whole in the text report (--json always does)." };
        var at = CommonOptions.At();
        var svg = new Option<string?>("--svg") { Description = "Also draw the minimal DFA as SVG into this file (needs Graphviz's dot on the PATH)." };
        var command = new Command("classify", "Which classes contain the language, and which transformer architectures recognize it (with checked evidence).")
        {
            lang, alphabet, at, windows, json, full, svg, classes, arch,
        };
        budgets.AddTo(command);
        command.SetAction(parse => console.Guard(() =>
        {
            var ks = ParseWindows(parse.GetValue(windows)!);
            var rows = ParseClasses(parse.GetValue(classes));
            var archRows = ParseArchitectures(parse.GetValue(arch));
            var limits = budgets.Bind(parse);
            var (dfa, declared) = LanguageLoader.LoadDeclared(parse.GetValue(lang)!, parse.GetValue(alphabet), limits, CommonOptions.EvaluationPoint(parse.GetValue(at)));
            var options = new ClassifierOptions
            {
                WindowSizes = ks,
                Classes = rows,
                Architectures = archRows,
                Engine = new VerdictEngine(VerdictOptions.From(limits)),
            };
            // A declared formula (ltl: or a .lang file's ltl"…") is a constructive proof, as in fex check.
            var report = Classifier.Classify(dfa, options, declared);
            var svgPath = parse.GetValue(svg);
            if (svgPath is not null) AtomicFile.WriteAllText(svgPath, Graphviz.ToSvg(FormalExpressivity.Automata.Graphs.DotWriter.Write(report.Minimal)));
            console.Out.Write(parse.GetValue(json) ? ClassificationReportJson.Render(report) : ClassificationReportText.Render(report, parse.GetValue(full)));
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The class rows named in <c>--classes</c> (null when absent: all rows).</summary>
    private static IReadOnlyList<FormalExpressivity.Classes.LanguageClass>? ParseClasses(string? text)
    {
        if (text is null) return null;
        if (text.Trim() == "none") return [];
        var rows = new List<FormalExpressivity.Classes.LanguageClass>();
        foreach (var p in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Enum.TryParse<FormalExpressivity.Classes.LanguageClass>(p, ignoreCase: false, out var c) || !Enum.IsDefined(c) || int.TryParse(p, out _))
                throw new UsageException($"--classes: '{p}' is not a class; choose from {string.Join(", ", FormalExpressivity.Classes.ClassDeciders.All)} or none");
            if (!rows.Contains(c)) rows.Add(c);
        }
        if (rows.Count == 0) throw new UsageException("--classes: give at least one class, or none");
        return rows;
    }

    /// <summary>The architecture and window-logic rows named in <c>--arch</c> (null when absent: every row for the window sizes).</summary>
    private static IReadOnlyList<Architecture>? ParseArchitectures(string? text)
    {
        if (text is null) return null;
        if (text.Trim() == "none") return [];
        var rows = new List<Architecture>();
        foreach (var p in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Architecture.TryParse(p, out var a) || a.Kind == ArchitectureKind.Regular)
                throw new UsageException($"--arch: '{p}' is not a row of classify; choose from global, global-nonstrict, local:K, hybrid:K, uha, Ywin:K, PYwin:K (K from 1 to 64) or none");
            if (!rows.Contains(a)) rows.Add(a);
        }
        if (rows.Count == 0) throw new UsageException("--arch: give at least one row, or none");
        return rows;
    }

    /// <summary>Parses <c>--window-sizes</c> (<see cref="ClassifierOptions.TryParseWindowSizes"/>); shared with <c>fex census</c>.</summary>
    /// <param name="text">The option value.</param>
    internal static int[] ParseWindows(string text) =>
        ClassifierOptions.TryParseWindowSizes(text, out var sizes, out var error) ? sizes : throw new UsageException(error!);
}
