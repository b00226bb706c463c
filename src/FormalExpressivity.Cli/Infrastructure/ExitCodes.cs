namespace FormalExpressivity.Cli.Infrastructure;

/// <summary>The documented exit codes of <c>fex</c>.</summary>
public static class ExitCodes
{
    /// <summary>Success; for questions: yes / equivalent / confirmed.</summary>
    public const int Success = 0;

    /// <summary>The answer is no: not equivalent, refuted, disagreement found.</summary>
    public const int No = 1;

    /// <summary>Usage error: unknown command or option, missing argument.</summary>
    public const int Usage = 2;

    /// <summary>Input error: a file or formula is malformed, a symbol is unknown, a budget was exceeded.</summary>
    public const int Input = 3;

    /// <summary>Internal error: a bug in fex (reported as one line on standard error, never a stack trace).</summary>
    public const int InternalError = 4;
}
