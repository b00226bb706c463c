using System.CommandLine;
using FormalExpressivity.Cli.Commands;
using FormalExpressivity.Cli.Infrastructure;

namespace FormalExpressivity.Cli;

/// <summary>
/// The <c>fex</c> command line: one root command with one subcommand per file in <c>Commands/</c>.
/// Exit codes are documented in <see cref="ExitCodes"/>.
/// </summary>
public static class FexApp
{
    /// <summary>Runs <c>fex</c> with <paramref name="args"/>, writing to the given streams; returns the exit code.</summary>
    /// <param name="args">Command-line arguments (without the program name).</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        var console = new CliConsole(stdout, stderr);
        var root = CreateRoot(console);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var name = parse.CommandResult.Command is RootCommand ? "" : parse.CommandResult.Command.Name + " ";
            foreach (var e in parse.Errors) stderr.WriteLine("fex: " + e.Message);
            stderr.WriteLine($"Try 'fex {name}--help'.");
            return ExitCodes.Usage;
        }
        console.Command = parse.CommandResult.Command;
        using var limits = RunLimits.Install(parse, stderr);
        if (limits is null) return ExitCodes.Usage;
        // System.CommandLine's handlers would print stack traces and race with ours on Ctrl-C: LastResort owns both.
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        try
        {
            return parse.Invoke(config);
        }
        catch (Exception e)
        {
            return LastResort.Report(e, stderr);
        }
    }

    /// <summary>The command tree of <c>fex</c> (every subcommand with its options), writing to <paramref name="console"/>.</summary>
    /// <param name="console">The output streams.</param>
    public static RootCommand CreateRoot(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var root = new RootCommand("fex — which transformer architectures (global, k-local, hybrid attention) recognize a regular language, and why.");
        foreach (var command in CreateCommands(console)) root.Subcommands.Add(command);
        root.Options.Add(RunLimits.MaxMemory());
        root.Options.Add(RunLimits.MaxInputBytes());
        return root;
    }

    private static IEnumerable<Command> CreateCommands(CliConsole console)
    {
        yield return AboutCommand.Create(console);
        yield return CompileCommand.Create(console);
        yield return MinimizeCommand.Create(console);
        yield return EquivCommand.Create(console);
        yield return IncludeCommand.Create(console);
        yield return CorpusCommand.Create(console);
        yield return EvalCommand.Create(console);
        yield return SimulateCommand.Create(console);
        yield return ExportCommand.Create(console);
        yield return CheckCommand.Create(console);
        yield return ClassifyCommand.Create(console);
        yield return MergeCommand.Create(console);
        yield return CensusCommand.Create(console);
    }
}
