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
        var root = CreateRoot(console, args.Length > 0 ? args[0] : null);
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
    public static RootCommand CreateRoot(CliConsole console) => CreateRoot(console, null);

    /// <summary>
    /// The command tree for a run whose first argument is <paramref name="first"/>: when it names a
    /// subcommand, only that subcommand is built (start-up: the other twelve commands' options, parsers
    /// and handlers are never constructed or JIT-compiled — docs/performance.md); otherwise (root help,
    /// a typo, a root option) the whole tree, so that help and suggestions list every command.
    /// </summary>
    private static RootCommand CreateRoot(CliConsole console, string? first)
    {
        ArgumentNullException.ThrowIfNull(console);
        var root = new RootCommand("fex — which transformer architectures (global, k-local, hybrid attention) recognize a regular language, and why.");
        int only = first is null ? -1 : Array.FindIndex(Commands, c => c.Name == first);
        for (int i = 0; i < Commands.Length; i++)
            if (only < 0 || i == only) root.Subcommands.Add(Commands[i].Create(console));
        root.Options.Add(RunLimits.MaxMemory());
        root.Options.Add(RunLimits.MaxInputBytes());
        return root;
    }

    // Name and factory of every subcommand, in help order; each factory's command carries that name
    // (LazyCommandTreeTests checks it).
    private static readonly (string Name, Func<CliConsole, Command> Create)[] Commands =
    [
        ("about", AboutCommand.Create),
        ("compile", CompileCommand.Create),
        ("minimize", MinimizeCommand.Create),
        ("equiv", EquivCommand.Create),
        ("include", IncludeCommand.Create),
        ("corpus", CorpusCommand.Create),
        ("eval", EvalCommand.Create),
        ("simulate", SimulateCommand.Create),
        ("export", ExportCommand.Create),
        ("check", CheckCommand.Create),
        ("classify", ClassifyCommand.Create),
        ("merge", MergeCommand.Create),
        ("census", CensusCommand.Create),
    ];
}
