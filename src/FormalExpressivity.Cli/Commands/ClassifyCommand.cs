using System.CommandLine;
using System.Globalization;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Report;
using FormalExpressivity.Classes.Synthesis;
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
        var maxDepth = new Option<int>("--max-depth") { Description = "Largest operator depth of the bounded type search.", DefaultValueFactory = _ => 4 };
        var maxTypes = new Option<int>("--max-types") { Description = "Budget on the number of depth-r types.", DefaultValueFactory = _ => 20_000 };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var classes = new Option<string?>("--classes") { Description = "Class rows to report, e.g. \"R,LR,SF\" (default: all; \"none\" skips them)." };
        var svg = new Option<string?>("--svg") { Description = "Also draw the minimal DFA as SVG into this file (needs Graphviz's dot on the PATH)." };
        var command = new Command("classify", "Which classes contain the language, and which transformer architectures recognize it (with checked evidence).")
        {
            lang, alphabet, windows, maxDepth, maxTypes, json, svg, classes,
        };
        command.SetAction(parse => console.Guard(() =>
        {
            var ks = ParseWindows(parse.GetValue(windows)!);
            var rows = ParseClasses(parse.GetValue(classes));
            int depth = parse.GetValue(maxDepth), types = parse.GetValue(maxTypes);
            if (depth < 0 || depth > 12) throw new CliInputException("fex: error: --max-depth must be between 0 and 12\n");
            if (types < 1) throw new CliInputException("fex: error: --max-types must be positive\n");
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
                Classes = rows,
                Architectures = new ArchitectureOptions { Search = new TypeSearchOptions(depth, types, types * 3), WitnessDepth = depth },
            };
            var report = Classifier.Classify(dfa, options);
            var svgPath = parse.GetValue(svg);
            if (svgPath is not null) AtomicFile.WriteAllText(svgPath, Graphviz.ToSvg(FormalExpressivity.Automata.Graphs.DotWriter.Write(dfa)));
            console.Out.Write(parse.GetValue(json) ? ClassificationReportJson.Render(report) + "\n" : ClassificationReportText.Render(report));
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
                throw new CliInputException($"fex: error: --classes: '{p}' is not a class; choose from {string.Join(", ", FormalExpressivity.Classes.ClassDeciders.All)}\n");
            if (!rows.Contains(c)) rows.Add(c);
        }
        if (rows.Count == 0) throw new CliInputException("fex: error: --classes: give at least one class, or none\n");
        return rows;
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
