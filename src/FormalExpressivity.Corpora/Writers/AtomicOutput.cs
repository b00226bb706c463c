using System.Text.RegularExpressions;
using FormalExpressivity.Core.IO;

namespace FormalExpressivity.Corpora.Writers;

/// <summary>
/// Writes a file atomically: the content goes to a temporary sibling <c>.NAME.XXXXXXXX.tmp</c>, which is
/// renamed over the target only when complete, so a failure never leaves a half-written file.
/// <list type="bullet">
/// <item>Only regular files are replaced: a target that is a symbolic link, a device, a pipe or a folder is
/// refused with an <see cref="IOException"/> (the command line's exit 3) and left untouched.</item>
/// <item>The temporary file is held under an exclusive advisory lock while it is written. Temporary siblings
/// of the same target that nobody holds are leftovers of killed runs and are deleted; one that is held
/// belongs to a concurrent writer of the same path, and this write is refused.</item>
/// <item>The temporary file is registered with <see cref="TemporaryFiles"/>, so it is removed on every exit path.</item>
/// </list>
/// </summary>
public static class AtomicOutput
{
    /// <summary>Writes through <paramref name="write"/> to a temporary file, then renames it to <paramref name="path"/>.</summary>
    /// <param name="path">Target path; its folder must exist; if it exists it must be a regular file.</param>
    /// <param name="write">Writes the whole content to the stream.</param>
    /// <exception cref="IOException">The folder does not exist, the target is not a regular file, another run writes it, or it cannot be written.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir)) throw new IOException($"cannot write {path}: the folder {dir} does not exist");
        EnsureReplaceable(path, full);
        var name = Path.GetFileName(full);
        var temp = Path.Combine(dir, "." + name + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        using var registration = TemporaryFiles.Register(temp);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                RemoveStaleSiblings(path, dir, name, temp);
                write(stream);
                stream.Flush(flushToDisk: false);
                // The target may have been replaced by a link or a device while the content was written.
                EnsureReplaceable(path, full);
                if (TemporaryFiles.IsShuttingDown) throw new IOException($"cannot write {path}: the run was interrupted");
                File.Move(temp, full, overwrite: true);
            }
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Throws unless <paramref name="full"/> is missing or a regular file.</summary>
    /// <param name="shown">The path as the user gave it.</param>
    /// <param name="full">The full path.</param>
    public static void EnsureReplaceable(string shown, string full)
    {
        ArgumentNullException.ThrowIfNull(full);
        var kind = FileKind.Of(full);
        if (kind is FileKind.Kind.Missing or FileKind.Kind.Regular or FileKind.Kind.Unknown) return;
        throw new IOException($"refusing to write {shown}: it is {FileKind.Describe(kind)}; only regular files are replaced (give a new file name)");
    }

    /// <summary>
    /// Deletes the temporary siblings of <paramref name="name"/> left by killed runs (nobody holds their lock);
    /// throws when one is held, i.e. another run is writing the same target right now.
    /// </summary>
    private static void RemoveStaleSiblings(string shown, string dir, string name, string own)
    {
        var pattern = new Regex("^\\." + Regex.Escape(name) + "\\.[0-9a-f]{8}\\.tmp$", RegexOptions.CultureInvariant);
        foreach (var sibling in Directory.EnumerateFiles(dir, "." + name + ".*.tmp"))
        {
            if (string.Equals(sibling, own, StringComparison.Ordinal) || !pattern.IsMatch(Path.GetFileName(sibling))) continue;
            if (FileKind.Of(sibling) != FileKind.Kind.Regular) continue;
            FileStream probe;
            try
            {
                probe = new FileStream(sibling, FileMode.Open, FileAccess.Read, FileShare.None);
            }
            catch (FileNotFoundException)
            {
                continue; // its writer finished meanwhile
            }
            catch (IOException)
            {
                throw new IOException($"cannot write {shown}: another fex run is writing it now (its temporary file {Path.GetFileName(sibling)} is in use); wait for it to finish or choose another name");
            }
            using (probe) File.Delete(sibling);
        }
    }
}
