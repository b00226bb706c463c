using System.CommandLine;
using System.Globalization;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Classes.Report;
using FormalExpressivity.Classes.Synthesis;
using FormalExpressivity.Classes.Verdicts;
using FormalExpressivity.Cli.Infrastructure;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Cli.Commands;

/// <summary>
/// <c>fex classify LANG [--alphabet …] [--window-sizes 1,2,4] [--max-depth r] [--max-types n] [--json]</c>:
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
        var lang = new Argument<string>("LANG") { Description = "The language: a .json DFA file." };
        var alphabet = new Option<string?>("--alphabet") { Description = "Declared alphabet (a superset of the file's), e.g. \"a b c\"." };
        var windows = new Option<string>("--window-sizes") { Description = "Window sizes k for local:k, hybrid:k, Ywin:k, PYwin:k.", DefaultValueFactory = _ => "1,2,4" };
        var maxDepth = new Option<int>("--max-depth") { Description = "Bounded type search: the largest operator depth tried.", DefaultValueFactory = _ => VerdictOptions.DefaultMaxDepth };
        var maxTypes = new Option<int>("--max-types") { Description = "Bounded type search: the most types interned.", DefaultValueFactory = _ => VerdictOptions.DefaultMaxTypes };
        var maxTypeStates = new Option<int>("--max-type-states") { Description = "Bounded type search: the most states of the type automaton and its product with the DFA.", DefaultValueFactory = _ => VerdictOptions.DefaultMaxTypeStates };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var svg = new Option<string?>("--svg") { Description = "Also draw the minimal DFA as SVG into this file (needs Graphviz's dot on the PATH)." };
        var command = new Command("classify", "Which classes contain the language, and which transformer architectures recognize it (with checked evidence).")
        {
            lang, alphabet, windows, maxDepth, maxTypes, maxTypeStates, json, svg,
        };
        command.SetAction(parse => console.Guard(() =>
        {
            var ks = ParseWindows(parse.GetValue(windows)!);
            int depth = parse.GetValue(maxDepth), types = parse.GetValue(maxTypes), typeStates = parse.GetValue(maxTypeStates);
            if (depth < 0 || depth > 12) throw new CliInputException("fex: error: --max-depth must be between 0 and 12\n");
            if (types < 1) throw new CliInputException("fex: error: --max-types must be positive\n");
            if (typeStates < 1) throw new CliInputException("fex: error: --max-type-states must be positive\n");
            string? alphabetText = parse.GetValue(alphabet);
            Alphabet? declared = null;
            if (alphabetText is not null)
            {
                if (!Alphabet.TryParse(alphabetText, out declared, out var error)) throw new CliInputException($"fex: error: --alphabet: {error}\n");
            }
            var dfa = LanguageLoader.Load(parse.GetValue(lang)!, declared);
            var options = new ClassifierOptions
            {
                WindowSizes = ks,
                Engine = new VerdictEngine(VerdictOptions.Default.WithSearch(new TypeSearchOptions(depth, types, typeStates))),
            };
            var report = Classifier.Classify(dfa, options);
            var svgPath = parse.GetValue(svg);
            if (svgPath is not null) AtomicFile.WriteAllText(svgPath, Graphviz.ToSvg(FormalExpressivity.Automata.Graphs.DotWriter.Write(report.Minimal)));
            console.Out.Write(parse.GetValue(json) ? ClassificationReportJson.Render(report) + "\n" : ClassificationReportText.Render(report));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static int[] ParseWindows(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var ks = new List<int>();
        foreach (var p in parts)
        {
            if (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out int k) || k < 1 || k > 16)
                throw new CliInputException($"fex: error: --window-sizes: '{p}' is not a window size between 1 and 16\n");
            ks.Add(k);
        }
        if (ks.Count == 0) throw new CliInputException("fex: error: --window-sizes: give at least one window size\n");
        return ks.ToArray();
    }
}
