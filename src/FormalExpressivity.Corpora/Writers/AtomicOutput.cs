namespace FormalExpressivity.Corpora.Writers;

/// <summary>
/// Writes a file atomically: the content goes to a temporary file in the target's folder, which is
/// renamed over the target only when complete, so a failure never leaves a half-written file.
/// </summary>
public static class AtomicOutput
{
    /// <summary>Writes through <paramref name="write"/> to a temporary file, then renames it to <paramref name="path"/>.</summary>
    /// <param name="path">Target path; its folder must exist.</param>
    /// <param name="write">Writes the whole content to the stream.</param>
    /// <exception cref="IOException">The folder does not exist or the file cannot be written.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir)) throw new IOException($"cannot write {path}: the folder {dir} does not exist");
        var temp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
