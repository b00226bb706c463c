using System.CommandLine;
using System.Text.Json.Nodes;
using FormalExpressivity.Cli.Infrastructure;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Cli.Commands;

/// <summary><c>fex about</c>: the tool version and the exit-code table.</summary>
public static class AboutCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">Output streams.</param>
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var json = CommonOptions.Json();
        var command = new Command("about", "Print the version and the exit codes of fex.") { json };
        command.SetAction(parse => console.Guard(() =>
        {
            var version = typeof(FexApp).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
            if (parse.GetValue(json))
            {
                console.Out.Write(JsonOutput.Write(new JsonObject
                {
                    ["tool"] = "fex",
                    ["version"] = version,
                    ["exitCodes"] = new JsonObject { ["success"] = ExitCodes.Success, ["no"] = ExitCodes.No, ["usage"] = ExitCodes.Usage, ["input"] = ExitCodes.Input },
                }));
            }
            else
            {
                console.Out.WriteLine($"fex {version}");
                console.Out.WriteLine("exit codes: 0 success/yes, 1 no/refuted, 2 usage error, 3 input error");
            }
            return ExitCodes.Success;
        }));
        return command;
    }
}
