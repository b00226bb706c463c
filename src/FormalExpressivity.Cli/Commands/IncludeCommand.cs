using System.CommandLine;
using System.Text.Json.Nodes;
using FormalExpressivity.Automata.Certificates;
using FormalExpressivity.Cli.Infrastructure;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Cli.Commands;

/// <summary><c>fex include A B [--json]</c>: L(A) ⊆ L(B) with a checked certificate; exit 0 when included, 1 when not.</summary>
public static class IncludeCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">Output streams.</param>
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var left = new Argument<string>("A") { Description = "The included language (file or prefix:text)." };
        var right = new Argument<string>("B") { Description = "The including language." };
        var alphabet = CommonOptions.Alphabet();
        var json = CommonOptions.Json();
        var budgets = BudgetOptions.Create(BudgetOptions.Construction);
        var command = new Command("include", "Decide whether L(A) ⊆ L(B); prints the shortlex-least word of L(A) ∖ L(B) and checks the certificate. Exit 0: included, 1: not.") { left, right, alphabet, json };
        budgets.AddTo(command);
        command.SetAction(parse => console.Guard(() =>
        {
            var sigma = parse.GetValue(alphabet);
            var limits = budgets.Bind(parse);
            var (a, b) = CommonOptions.Unify(LanguageLoader.Load(parse.GetValue(left)!, sigma, limits), LanguageLoader.Load(parse.GetValue(right)!, sigma, limits));
            var result = Decisions.Included(a, b);
            var check = CertificateChecker.CheckInclusion(a, b, result);
            if (!check.Valid) throw new InvalidOperationException("internal error: the inclusion certificate was rejected: " + check.Reason);
            var w = result.Counterexample;
            if (parse.GetValue(json))
            {
                console.Out.Write(JsonOutput.Write(new JsonObject
                {
                    ["included"] = result.Included,
                    ["counterexample"] = w is null ? null : JsonOutput.Strings(w.ToNames(a.Alphabet)),
                    ["alphabet"] = JsonOutput.Strings(a.Alphabet.Symbols),
                    ["certificate"] = new JsonObject
                    {
                        ["kind"] = result.Included ? "simulation" : "word",
                        ["size"] = result.Included ? result.Simulation!.Count : w!.Length,
                        ["checked"] = check.Valid,
                    },
                }));
            }
            else if (result.Included)
            {
                console.Out.WriteLine("included");
                console.Out.WriteLine($"certificate: simulation of {result.Simulation!.Count} state pairs, checked");
            }
            else
            {
                console.Out.WriteLine("not included");
                console.Out.WriteLine($"counterexample: {w!.Format(a.Alphabet)} (in A, not in B; shortlex-least), checked");
            }
            return result.Included ? ExitCodes.Success : ExitCodes.No;
        }));
        return command;
    }
}
