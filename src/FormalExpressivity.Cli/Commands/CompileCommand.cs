using System.CommandLine;
using System.Text.Json.Nodes;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Cli.Infrastructure;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Limits;

namespace FormalExpressivity.Cli.Commands;

/// <summary><c>fex compile LANG [--format dot|json|att] [-o OUT]</c>: the canonical minimal DFA of a language.</summary>
public static class CompileCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">Output streams.</param>
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var language = new Argument<string>("LANG") { Description = "The language: a .json or .att automaton file, or a front-end prefix such as re:…" };
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var alphabet = CommonOptions.Alphabet();
        var json = CommonOptions.Json();
        var at = CommonOptions.At();
        var budgets = BudgetOptions.Create(BudgetOptions.Construction);
        var command = new Command("compile", "Compile a language to its canonical minimal DFA and print or write it.") { language, format, output, alphabet, at, json };
        budgets.AddTo(command);
        command.SetAction(parse => console.Guard(() =>
            AutomatonCommand.Run(console, parse.GetValue(language)!, parse.GetValue(alphabet), budgets.Bind(parse), parse.GetValue(format), parse.GetValue(output), parse.GetValue(json), "compile", CommonOptions.EvaluationPoint(parse.GetValue(at)))));
        return command;
    }
}

/// <summary>The shared body of <c>compile</c> and <c>minimize</c>.</summary>
internal static class AutomatonCommand
{
    public static int Run(CliConsole console, string spec, Alphabet? alphabet, Budgets budgets, string? format, string? output, bool json, string verb,
        FormalExpressivity.Syntax.Temporal.LtlEvaluationPoint at = FormalExpressivity.Syntax.Temporal.LtlEvaluationPoint.EndMarker)
    {
        if (json && output is null && format is not null and not "json")
        {
            console.Error.WriteLine($"fex: --json prints the automaton as JSON on standard output and conflicts with --format {format}; add -o FILE");
            return ExitCodes.Usage;
        }
        if (AutomatonOutput.Resolve(format, output) is null)
        {
            console.Error.WriteLine($"fex: cannot infer the output format from '{output}'; use --format {string.Join('|', AutomatonOutput.Formats)}");
            return ExitCodes.Usage;
        }
        var input = LanguageLoader.Load(spec, alphabet, budgets, at);
        var minimal = input.Minimize();
        if (!AutomatonOutput.Write(console, minimal, format, output, out var written)) return ExitCodes.Usage;
        if (output is null) return ExitCodes.Success;
        if (json)
            console.Out.Write(JsonOutput.Write(new JsonObject
            {
                ["command"] = verb,
                ["input"] = spec,
                ["inputStates"] = input.StateCount,
                ["states"] = minimal.StateCount,
                ["acceptingStates"] = minimal.AcceptingCount,
                ["alphabet"] = JsonOutput.Strings(minimal.Alphabet.Symbols),
                ["format"] = written,
                ["output"] = output,
            }));
        else
            console.Out.WriteLine($"{verb}: {spec} ({input.StateCount} states) → {output} ({minimal.StateCount} states, {written})");
        return ExitCodes.Success;
    }
}
