using FormalExpressivity.Cli;

namespace FormalExpressivity.Cli.Tests;

/// <summary>Runs fex in this process (FexApp.Run) and captures its exit code, standard output and error.</summary>
internal static class FexInProcess
{
    /// <summary>One fex invocation with <paramref name="args"/>; output uses "\n" line ends.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int code = FexApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
