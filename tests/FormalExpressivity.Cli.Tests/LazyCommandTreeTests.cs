using System.CommandLine;
using FormalExpressivity.Cli.Infrastructure;

namespace FormalExpressivity.Cli.Tests;

/// <summary>
/// Start-up: a run naming a subcommand builds only that subcommand (FexApp). Every subcommand of the
/// full tree must then behave the same when built alone: its help names it and shows its own
/// description; a root-level run still lists every command.
/// </summary>
public sealed class LazyCommandTreeTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => FexInProcess.Run(args);

    [Test]
    public void Each_subcommand_built_alone_is_the_one_of_the_full_tree()
    {
        var full = FexApp.CreateRoot(new CliConsole(TextWriter.Null, TextWriter.Null));
        Assert.That(full.Subcommands, Has.Count.GreaterThanOrEqualTo(13));
        foreach (var command in full.Subcommands)
        {
            var (code, output, error) = Run(command.Name, "--help");
            Assert.That(code, Is.EqualTo(0), $"{command.Name}: {error}");
            // The usage line names the command after the executable (fex, or the test host here).
            Assert.That(output, Does.Match($@"Usage:\s+\S+ {command.Name}[ \r\n]"), command.Name);
            Assert.That(output, Does.Contain(command.Description!.Split('\n')[0][..Math.Min(40, command.Description.Length)]), command.Name);
            foreach (var option in command.Options.Where(o => !o.Hidden))
                Assert.That(output, Does.Contain(option.Name), $"{command.Name} {option.Name}");
        }
    }

    [Test]
    public void Root_help_and_unknown_commands_see_every_subcommand()
    {
        var full = FexApp.CreateRoot(new CliConsole(TextWriter.Null, TextWriter.Null));
        var (code, output, _) = Run("--help");
        Assert.That(code, Is.EqualTo(0));
        foreach (var command in full.Subcommands) Assert.That(output, Does.Contain(command.Name));
        var (bad, _, error) = Run("compil", "re:a");
        Assert.That(bad, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain("compil"));
    }
}
