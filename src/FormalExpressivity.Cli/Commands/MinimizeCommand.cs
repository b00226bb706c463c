using System.CommandLine;
using FormalExpressivity.Cli.Infrastructure;

namespace FormalExpressivity.Cli.Commands;

/// <summary><c>fex minimize FILE [-o OUT] [--format dot|json|att]</c>: Hopcroft minimization with canonical numbering.</summary>
public static class MinimizeCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">Output streams.</param>
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var file = new Argument<string>("FILE") { Description = "A .json or .att automaton file." };
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var alphabet = CommonOptions.Alphabet();
        var json = CommonOptions.Json();
        var budgets = BudgetOptions.Create(BudgetOptions.Construction);
        var command = new Command("minimize", "Minimize an automaton file (Hopcroft, canonical BFS numbering); the format follows the -o extension unless --format is given.") { file, format, output, alphabet, json };
        budgets.AddTo(command);
        command.SetAction(parse => console.Guard(() =>
            AutomatonCommand.Run(console, parse.GetValue(file)!, parse.GetValue(alphabet), budgets.Bind(parse), parse.GetValue(format), parse.GetValue(output), parse.GetValue(json), "minimize")));
        return command;
    }
}
