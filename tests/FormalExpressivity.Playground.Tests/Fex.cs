using FormalExpressivity.Cli;

namespace FormalExpressivity.Playground.Tests;

/// <summary>Runs <c>fex</c> in-process (the CLI the page must agree with).</summary>
public static class Fex
{
    /// <summary>Exit code, standard output, standard error.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = FexApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }
}
