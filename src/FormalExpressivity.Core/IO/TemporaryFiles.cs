namespace FormalExpressivity.Core.IO;

/// <summary>
/// The temporary files and folders of this process that must not outlive it: writers register a
/// temporary sibling of their output while they write it and unregister it once it has been renamed
/// into place or deleted. The command line calls <see cref="DeleteAll"/> on every exit path (normal end,
/// escaped exception, Ctrl-C, SIGTERM), so an interrupted run leaves no <c>.NAME.GUID.tmp</c> behind.
/// After <see cref="DeleteAll"/> has begun, <see cref="IsShuttingDown"/> is true and writers must not
/// rename a temporary file into place.
/// </summary>
public static class TemporaryFiles
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Live = new(StringComparer.Ordinal);
    private static volatile bool s_shuttingDown;

    /// <summary>True once <see cref="DeleteAll"/> has been called because the process is ending.</summary>
    public static bool IsShuttingDown => s_shuttingDown;

    /// <summary>Registers <paramref name="path"/> (a file or folder) until the returned handle is disposed.</summary>
    /// <param name="path">The temporary path.</param>
    public static IDisposable Register(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        lock (Gate) Live.Add(full);
        return new Registration(full);
    }

    /// <summary>Deletes every registered temporary file and folder (best effort) and marks the process as shutting down.</summary>
    public static void DeleteAll()
    {
        string[] paths;
        lock (Gate)
        {
            s_shuttingDown = true;
            paths = [.. Live];
            Live.Clear();
        }
        foreach (var p in paths)
        {
            try
            {
                if (Directory.Exists(p)) Directory.Delete(p, recursive: true);
                else if (File.Exists(p)) File.Delete(p);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: the start-up clean-up of the next run removes what is left.
            }
        }
    }

    private sealed class Registration(string path) : IDisposable
    {
        public void Dispose()
        {
            lock (Gate) Live.Remove(path);
        }
    }
}
