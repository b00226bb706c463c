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
        var root = new RootCommand("fex — which transformer architectures (global, k-local, hybrid attention) recognize a regular language, and why.");
        foreach (var command in CreateCommands(console)) root.Subcommands.Add(command);
        var maxMemory = RunLimits.MaxMemory();
        var maxInputBytes = RunLimits.MaxInputBytes();
        root.Options.Add(maxMemory);
        root.Options.Add(maxInputBytes);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) stderr.WriteLine("fex: " + e.Message);
            stderr.WriteLine("Try 'fex --help'.");
            return ExitCodes.Usage;
        }
        using var limits = RunLimits.Install(parse, maxMemory, maxInputBytes, stderr);
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
        yield return CheckCommand.Create(console);
        yield return ClassifyCommand.Create(console);
    }
}
