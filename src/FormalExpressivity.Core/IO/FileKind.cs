using System.Runtime.InteropServices;

namespace FormalExpressivity.Core.IO;

/// <summary>
/// What a path names without following a final symbolic link (POSIX <c>lstat</c>): outputs are only ever
/// written over regular files, and an input's size is only trusted when it is a regular file. On systems
/// where the file type cannot be read this way, <see cref="Of"/> answers <see cref="Kind.Unknown"/> for an
/// existing path that is neither a folder nor a link.
/// </summary>
public static class FileKind
{
    /// <summary>The kinds of file system entries told apart.</summary>
    public enum Kind
    {
        /// <summary>Nothing exists at the path.</summary>
        Missing,
        /// <summary>A regular file.</summary>
        Regular,
        /// <summary>A folder.</summary>
        Directory,
        /// <summary>A symbolic link (whatever it points to, or a dangling one).</summary>
        SymbolicLink,
        /// <summary>A character or block device, a FIFO or a socket.</summary>
        Special,
        /// <summary>An existing entry whose type this platform does not reveal.</summary>
        Unknown,
    }

    /// <summary>The kind of <paramref name="path"/> itself (a final symbolic link is not followed).</summary>
    /// <param name="path">A path.</param>
    public static Kind Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (info.LinkTarget is not null) return Kind.SymbolicLink;
        if (Directory.Exists(path)) return Kind.Directory;
        if (!info.Exists) return Kind.Missing;
        int? mode = StatMode(path);
        if (mode is null) return Kind.Unknown;
        return (mode.Value & 0xF000) switch
        {
            0x8000 => Kind.Regular,
            0x4000 => Kind.Directory,
            0xA000 => Kind.SymbolicLink,
            _ => Kind.Special,
        };
    }

    /// <summary>
    /// Whether <paramref name="path"/>, after following symbolic links, is a character or block device (such as
    /// <c>/dev/zero</c> or <c>/dev/urandom</c>, which never end). Pipes and sockets are not devices: a pipe is
    /// a legitimate input (<c>&lt;(…)</c>, <c>/dev/stdin</c>), bounded by the input limit as it is read.
    /// </summary>
    /// <param name="path">A path.</param>
    public static bool IsDevice(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string target = path;
        try
        {
            if (File.ResolveLinkTarget(path, returnFinalTarget: true) is { } final) target = final.FullName;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
        return StatMode(target) is { } mode && (mode & 0xF000) is 0x2000 or 0x6000;
    }

    /// <summary>Describes a kind for messages ("a symbolic link", "a device or pipe").</summary>
    /// <param name="kind">The kind.</param>
    public static string Describe(Kind kind) => kind switch
    {
        Kind.Missing => "missing",
        Kind.Regular => "a regular file",
        Kind.Directory => "a folder",
        Kind.SymbolicLink => "a symbolic link",
        Kind.Special => "a device, pipe or socket",
        _ => "not a regular file",
    };

    // st_mode's offset in glibc's struct stat: after st_dev, st_ino and (on x86-64 only) st_nlink.
    private static int? StatMode(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        int offset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24,
            Architecture.Arm64 => 16,
            _ => -1,
        };
        if (offset < 0) return null;
        var buffer = new byte[512];
        try
        {
            if (LStat(path, buffer) != 0) return null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        return BitConverter.ToInt32(buffer, offset);
    }

    [DllImport("libc", EntryPoint = "lstat", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
}
