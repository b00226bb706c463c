namespace FormalExpressivity.Syntax.Antlr;

/// <summary>
/// Runs deep-but-bounded recursive work (ANTLR's generated parser recurses once per parenthesis
/// level, so does the AST-building visitor) on a thread with a large stack when the input's
/// nesting, already bounded by the parser's limit, exceeds what a default stack safely holds.
/// </summary>
internal static class LargeStack
{
    /// <summary>Nesting up to this depth runs on the calling thread.</summary>
    public const int InlineDepth = 48;

    private const int StackBytes = 256 * 1024 * 1024;

    /// <summary>Runs <paramref name="work"/> inline when <paramref name="depth"/> is small, otherwise on a large-stack thread.</summary>
    public static T Run<T>(int depth, Func<T> work)
    {
        if (depth <= InlineDepth) return work();
        T result = default!;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                error = e;
            }
        }, StackBytes);
        thread.Start();
        thread.Join();
        if (error is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
        return result;
    }
}
