using System.Runtime.InteropServices;
using FormalExpressivity.Core.IO;
using FormalExpressivity.Core.Limits;

namespace FormalExpressivity.Cli.Infrastructure;

/// <summary>
/// The outermost guard of the <c>fex</c> process: no exception ever reaches the runtime's
/// "Unhandled exception" printer. Running out of memory becomes a limit error naming <c>--max-memory</c>
/// (exit 3); any other escaped exception is a bug, shown as one line naming its type and message with
/// <see cref="ExitCodes.InternalError"/>. Exceptions on other threads are caught the same way
/// through <see cref="AppDomain.UnhandledException"/>; Ctrl-C and SIGTERM remove the run's temporary files.
/// </summary>
public static class LastResort
{
    /// <summary>Runs <paramref name="main"/> under the guard and returns its exit code.</summary>
    /// <param name="main">The program body.</param>
    /// <param name="stderr">Standard error.</param>
    public static int Run(Func<int> main, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(main);
        ArgumentNullException.ThrowIfNull(stderr);
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            // The runtime terminates the process after this handler; exit first with the one-line report.
            TemporaryFiles.DeleteAll();
            Report(e.ExceptionObject as Exception, stderr);
            Environment.Exit(e.ExceptionObject is OutOfMemoryException ? ExitCodes.Input : ExitCodes.InternalError);
        };
        // Ctrl-C and SIGTERM: remove the temporary files, then let the default action end the process.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => TemporaryFiles.DeleteAll());
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => TemporaryFiles.DeleteAll());
        using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, _ => TemporaryFiles.DeleteAll());
        try
        {
            return main();
        }
        catch (Exception e)
        {
            return Report(e, stderr);
        }
        finally
        {
            TemporaryFiles.DeleteAll();
        }
    }

    /// <summary>Writes the one-line report of <paramref name="e"/> (no stack trace) and returns its exit code: 3 for running out of memory or stack, else <see cref="ExitCodes.InternalError"/>.</summary>
    /// <param name="e">The escaped exception.</param>
    /// <param name="stderr">Standard error.</param>
    public static int Report(Exception? e, TextWriter stderr)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } a) e = a.InnerException;
        try
        {
            if (e is OutOfMemoryException or InsufficientExecutionStackException)
            {
                stderr.WriteLine(e is OutOfMemoryException
                    ? $"fex: error: out of memory; set {MemoryBudget.Flag} below the machine's free memory (now {ByteSize.FormatRoundedUp(MemoryBudget.Current.LimitBytes)}) or make the input smaller"
                    : "fex: error: the input is nested too deeply to process");
                stderr.Flush();
                return ExitCodes.Input;
            }
            string message = (e?.Message ?? "unknown failure").ReplaceLineEndings(" ");
            if (message.Length > 300) message = message[..300] + "…";
            stderr.WriteLine($"fex: internal error ({e?.GetType().Name ?? "unknown"}): {message} — this is a bug; please report it with the command line");
            stderr.Flush();
        }
        catch (Exception)
        {
            // Standard error itself failed (closed pipe): nothing more can be said.
        }
        return ExitCodes.InternalError;
    }
}
