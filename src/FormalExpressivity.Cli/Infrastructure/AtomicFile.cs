using System.Text;

namespace FormalExpressivity.Cli.Infrastructure;

/// <summary>
/// Writes output files atomically: the content goes to a temporary file in the same folder, which
/// is renamed over the target only when complete. A failure leaves no half-written file behind.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) to <paramref name="path"/> atomically.</summary>
    /// <param name="path">Target path.</param>
    /// <param name="text">Content.</param>
    public static void WriteAllText(string path, string text) =>
        Write(path, stream =>
        {
            var bytes = new UTF8Encoding(false).GetBytes(text);
            stream.Write(bytes);
        });

    /// <summary>Writes through <paramref name="write"/> to a temporary file, then renames it to <paramref name="path"/>.</summary>
    /// <param name="path">Target path.</param>
    /// <param name="write">Writes the whole content to the stream.</param>
    public static void Write(string path, Action<Stream> write) =>
        FormalExpressivity.Corpora.Writers.AtomicOutput.Write(path, write);
}
