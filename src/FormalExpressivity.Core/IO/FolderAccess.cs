namespace FormalExpressivity.Core.IO;

/// <summary>
/// Which files a document may make the tool read: only files below one of the allowed folders, judged
/// on real paths (every symbolic link resolved, <c>..</c> removed), so neither <c>../</c>, an absolute path
/// nor a link inside an allowed folder reaches outside. Claims files are read with their own folder
/// allowed, plus the folders given with <c>--allow-path</c>.
/// </summary>
public sealed class FolderAccess
{
    private const int MaxLinks = 40;
    private readonly List<string> _folders;

    /// <summary>Allows the files below <paramref name="folders"/> (and below the folders their links lead to).</summary>
    /// <param name="folders">The allowed folders.</param>
    public FolderAccess(IEnumerable<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        _folders = [.. folders.Select(f => WithSeparator(RealPath(f))).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The allowed folders as real paths.</summary>
    public IReadOnlyList<string> Folders => _folders;

    /// <summary>True when <paramref name="path"/>'s real path lies below an allowed folder.</summary>
    /// <param name="path">A path (absolute, or relative to the current folder).</param>
    public bool Allows(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var real = RealPath(path);
        return _folders.Any(f => real.StartsWith(f, StringComparison.Ordinal));
    }

    /// <summary>
    /// The real path of <paramref name="path"/>: absolute, with every symbolic link among its existing
    /// components resolved and <c>.</c>/<c>..</c> removed. Components that do not exist are kept as written.
    /// </summary>
    /// <param name="path">A path.</param>
    public static string RealPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var pending = new Stack<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        string current = root;
        int links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".") continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }
            var next = Path.Combine(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is not null && links++ < MaxLinks)
            {
                // Replace the link by its target and walk the target's components.
                var resolved = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
                var resolvedFull = Path.GetFullPath(resolved);
                var resolvedRoot = Path.GetPathRoot(resolvedFull) ?? "/";
                foreach (var c in resolvedFull[resolvedRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
                    pending.Push(c);
                current = resolvedRoot;
                continue;
            }
            current = next;
        }
        return current;
    }

    private static string WithSeparator(string folder) =>
        folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
}
