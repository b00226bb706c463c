using System.CommandLine;
using FormalExpressivity.Classes.Verdicts;
using FormalExpressivity.Engine.Claims;
using FormalExpressivity.Engine.Languages;
using FormalExpressivity.Engine.Simulation;
using FormalExpressivity.Cli.Infrastructure;
using FormalExpressivity.Core.IO;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Cli.Commands;

/// <summary>
/// <c>fex check FILE [--json] [--strict]</c>: checks every claim of a claims file (docs/claims.md).
/// Exit codes: 0 when no claim is refuted (all confirmed, or some unknown — then a warning goes to
/// standard error); 1 when any claim is refuted, and with <c>--strict</c> also when any is unknown;
/// 3 when the file is bad (positioned diagnostics on standard error) or a budget is exceeded.
/// </summary>
public static class CheckCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">Output streams.</param>
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var file = new Argument<string>("FILE") { Description = "The claims file (see docs/claims.md)." };
        var json = CommonOptions.Json();
        var strict = new Option<bool>("--strict") { Description = "Exit 1 when any claim is unknown, not only when one is refuted." };
        var budgets = BudgetOptions.Create([.. BudgetOptions.Construction, .. BudgetOptions.Classification, "max-languages"]);
        var allowPath = new Option<string[]>("--allow-path")
        {
            Description = "Also read automaton files below this folder (repeatable); by default a claims file reads files only below its own folder.",
            AllowMultipleArgumentsPerToken = false,
        };
        var at = CommonOptions.At();
        var command = new Command("check", "Confirm or refute the claims of a claims file, with evidence.") { file, json, strict, allowPath, at };
        budgets.AddTo(command);
        command.SetAction(parse => console.Guard(() =>
        {
            var path = parse.GetValue(file)!;
            var limits = budgets.Bind(parse);
            var report = Run(path, new ClaimCheckOptions(new VerdictEngine(VerdictOptions.From(limits)), new SimulatedEmpiricalCheck(), limits.MaxLanguages), limits, parse.GetValue(allowPath),
                CommonOptions.EvaluationPoint(parse.GetValue(at)), w => console.Error.Write(w));
            var name = Path.GetFileName(path);
            console.Out.Write(parse.GetValue(json) ? ClaimsRendering.Json(report, name) : ClaimsRendering.Text(report, name));
            int refuted = report.Count(ClaimStatus.Refuted), unknown = report.Count(ClaimStatus.Unknown);
            if (refuted > 0) return ExitCodes.No;
            if (unknown > 0)
            {
                console.Error.WriteLine($"fex: warning: {unknown} of {report.Outcomes.Count} claims are unknown (bounded search or no decider); none is refuted");
                return parse.GetValue(strict) ? ExitCodes.No : ExitCodes.Success;
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Reads, parses, binds and checks <paramref name="path"/>; bad input throws <see cref="CliInputException"/> with rendered diagnostics.</summary>
    /// <param name="path">The claims file.</param>
    /// <param name="options">Oracles and budgets.</param>
    /// <param name="budgets">The construction budgets of the file's languages; null for the defaults.</param>
    /// <param name="allowedFolders">Folders besides the claims file's own whose automaton files may be read (<c>--allow-path</c>).</param>
    /// <param name="at">Where the file's <c>ltl"…"</c> languages are read (<c>--at</c>).</param>
    /// <param name="warn">Receives warnings about formulas that cannot depend on the word at that point.</param>
    public static ClaimsReport Run(string path, ClaimCheckOptions options, Budgets? budgets = null, IReadOnlyList<string>? allowedFolders = null,
        FormalExpressivity.Syntax.Temporal.LtlEvaluationPoint at = FormalExpressivity.Syntax.Temporal.LtlEvaluationPoint.EndMarker, Action<string>? warn = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var source = InputFile.ReadAllText(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var bound = ClaimsFile.Read(source, new ClaimsLanguageCompiler(budgets, allowedFolders, at, warn), directory);
        if (bound.Success) return ClaimChecker.Check(bound.Value, options);
        throw new CliInputException(DiagnosticFormatter.RenderAll(bound.Diagnostics, source, path));
    }
}
