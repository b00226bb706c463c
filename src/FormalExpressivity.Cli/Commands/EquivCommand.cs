using System.CommandLine;
using System.Text.Json.Nodes;
using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Certificates;
using FormalExpressivity.Cli.Infrastructure;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Cli.Commands;

/// <summary><c>fex equiv A B [--json]</c>: language equality with a checked certificate; exit 0 when equal, 1 when not.</summary>
public static class EquivCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">Output streams.</param>
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var left = new Argument<string>("A") { Description = "The first language (file or prefix:text)." };
        var right = new Argument<string>("B") { Description = "The second language." };
        var alphabet = CommonOptions.Alphabet();
        var json = CommonOptions.Json();
        var budgets = BudgetOptions.Create(BudgetOptions.Construction);
        var command = new Command("equiv", "Decide whether two languages are equal; prints the shortlex-least counterexample and checks the certificate. Exit 0: equal, 1: not equal.") { left, right, alphabet, json };
        budgets.AddTo(command);
        command.SetAction(parse => console.Guard(() =>
        {
            var sigma = parse.GetValue(alphabet);
            var limits = budgets.Bind(parse);
            var (a, b) = CommonOptions.Unify(LanguageLoader.Load(parse.GetValue(left)!, sigma, limits), LanguageLoader.Load(parse.GetValue(right)!, sigma, limits));
            var result = Decisions.Equivalent(a, b);
            var check = CertificateChecker.CheckEquivalence(a, b, result);
            if (!check.Valid) throw new InvalidOperationException("internal error: the equivalence certificate was rejected: " + check.Reason);
            var w = result.Counterexample;
            if (parse.GetValue(json))
            {
                console.Out.Write(JsonOutput.Write(new JsonObject
                {
                    ["equivalent"] = result.Equivalent,
                    ["counterexample"] = w is null ? null : JsonOutput.Strings(w.ToNames(a.Alphabet)),
                    ["acceptedBy"] = w is null ? null : a.Accepts(w) ? "A" : "B",
                    ["alphabet"] = JsonOutput.Strings(a.Alphabet.Symbols),
                    ["certificate"] = new JsonObject
                    {
                        ["kind"] = result.Equivalent ? "bisimulation" : "word",
                        ["size"] = result.Equivalent ? result.Bisimulation!.Count : w!.Length,
                        ["checked"] = check.Valid,
                    },
                }));
            }
            else if (result.Equivalent)
            {
                console.Out.WriteLine("equivalent");
                console.Out.WriteLine($"certificate: bisimulation of {result.Bisimulation!.Count} state pairs, checked");
            }
            else
            {
                console.Out.WriteLine("not equivalent");
                console.Out.WriteLine($"counterexample: {w!.Format(a.Alphabet)} (accepted by {(a.Accepts(w) ? "A" : "B")} only; shortlex-least), checked");
            }
            return result.Equivalent ? ExitCodes.Success : ExitCodes.No;
        }));
        return command;
    }
}
