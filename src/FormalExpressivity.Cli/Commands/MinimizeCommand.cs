using System.CommandLine;
using FormalExpressivity.Cli.Infrastructure;

namespace FormalExpressivity.Cli.Commands;

/// <summary>
/// <c>fex minimize FILE [-o OUT] [--format dot|json|att]</c>: Hopcroft minimization with canonical numbering. FILE is read
/// as every command reads a language (an automaton file, a <c>.lang</c> file or a front-end prefix), so both construction
/// budgets apply: <c>--max-states</c> (an NFA file's subset construction, a regex) and <c>--max-variables</c> (FO[&lt;]).
/// </summary>
public static class MinimizeCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">Output streams.</param>
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var file = new Argument<string>("FILE") { Description = "A .json or .att automaton file (an NFA is determinized first), or any language as for fex compile: a .lang file or a front-end prefix such as re:… or fo:…." };
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
