using System.Buffers;
using System.Text;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Core.IO;

/// <summary>
/// The one reader of input files: every file a command reads (automata, languages, claims, models,
/// corpora) goes through it, so no input is read without a bound. A file larger than
/// <see cref="Current"/>'s limit (the command line's <c>--max-input-bytes</c>) — or an endless one such as a
/// link to <c>/dev/zero</c> — ends with a <see cref="BudgetExceededException"/> naming the flag after at most
/// that many bytes have been read. Directories and missing files are reported as <see cref="IOException"/> with a one-line message.
/// </summary>
public sealed class InputFile
{
    /// <summary>The command-line flag that sets the limit.</summary>
    public const string Flag = "--max-input-bytes";

    /// <summary>The default limit: 256 MiB, far above any automaton, claims or model file; corpora larger than that need the flag.</summary>
    public const long DefaultMaxBytes = 256L << 20;

    /// <summary>The largest accepted limit: a .NET string holds at most about 2^30 characters.</summary>
    public const long MaxTextBytes = int.MaxValue;

    private static readonly AsyncLocal<InputFile?> Scoped = new();
    private static readonly InputFile Fallback = new(DefaultMaxBytes);

    /// <summary>Creates a reader that accepts files of at most <paramref name="maxBytes"/> bytes.</summary>
    /// <param name="maxBytes">The limit; at least 1.</param>
    public InputFile(long maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        MaxBytes = maxBytes;
    }

    /// <summary>The largest file accepted, in bytes.</summary>
    public long MaxBytes { get; }

    /// <summary>The reader in force: the innermost <see cref="Use"/> scope's, else one with <see cref="DefaultMaxBytes"/>.</summary>
    public static InputFile Current => Scoped.Value ?? Fallback;

    /// <summary>Installs <paramref name="reader"/> as <see cref="Current"/> until the returned scope is disposed.</summary>
    /// <param name="reader">The reader for the scope.</param>
    public static IDisposable Use(InputFile reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var previous = Scoped.Value;
        Scoped.Value = reader;
        return new RestoreScope(() => Scoped.Value = previous);
    }

    /// <summary>Reads <paramref name="path"/> as UTF-8 text (a byte-order mark is skipped) with <see cref="Current"/>'s limit.</summary>
    /// <param name="path">The file.</param>
    public static string ReadAllText(string path) => Current.ReadText(path);

    /// <summary>Reads <paramref name="path"/> as UTF-8 bytes into a pooled buffer (a byte-order mark is skipped) with <see cref="Current"/>'s limit.</summary>
    /// <param name="path">The file.</param>
    public static Utf8Buffer ReadAllUtf8(string path) => Current.ReadUtf8(path);

    /// <summary>Reads the lines of <paramref name="path"/> (UTF-8) lazily with <see cref="Current"/>'s limit on the bytes read.</summary>
    /// <param name="path">The file.</param>
    public static IEnumerable<string> ReadLines(string path)
    {
        var reader = Current;
        using var stream = reader.Open(path);
        using var text = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        // Lines are split here rather than by StreamReader.ReadLine so that one endless line (a link to
        // /dev/zero) is checked against the memory budget as it grows, as ReadText checks the whole text.
        var line = new StringBuilder();
        var buffer = new char[1 << 16];
        long checkedAt = 0;
        bool afterCarriageReturn = false;
        int n;
        while ((n = text.Read(buffer, 0, buffer.Length)) > 0)
        {
            int start = 0;
            for (int i = 0; i < n; i++)
            {
                char c = buffer[i];
                if (c is not ('\n' or '\r'))
                {
                    afterCarriageReturn = false;
                    continue;
                }
                if (c == '\n' && afterCarriageReturn)
                {
                    // The second half of \r\n: the line was already given.
                    afterCarriageReturn = false;
                    start = i + 1;
                    continue;
                }
                line.Append(buffer, start, i - start);
                yield return line.ToString();
                line.Clear();
                checkedAt = 0;
                afterCarriageReturn = c == '\r';
                start = i + 1;
            }
            line.Append(buffer, start, n - start);
            if (line.Length - checkedAt >= 8 << 20)
            {
                checkedAt = line.Length;
                MemoryBudget.Current.Require(4L * line.Length, $"reading a line of {path}");
            }
        }
        if (line.Length > 0) yield return line.ToString();
    }

    /// <summary>Opens <paramref name="path"/> for reading through a stream that fails once more than <see cref="Current"/>'s limit has been read.</summary>
    /// <param name="path">The file.</param>
    public static Stream OpenRead(string path) => Current.Open(path);

    /// <summary>Reads <paramref name="path"/> as UTF-8 text with this reader's limit.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="IOException">The file does not exist, is a folder or a device, or cannot be read.</exception>
    /// <exception cref="BudgetExceededException">The file is larger than <see cref="MaxBytes"/>.</exception>
    public string ReadText(string path)
    {
        using var stream = Open(path);
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        // Read in chunks so that the memory budget is checked while a large (or endless) file is taken in.
        var text = new StringBuilder();
        var buffer = new char[1 << 16];
        int n;
        long checkedAt = 0;
        while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            text.Append(buffer, 0, n);
            if (text.Length - checkedAt >= 8 << 20)
            {
                checkedAt = text.Length;
                MemoryBudget.Current.Require(4L * text.Length, $"reading {path}");
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// Reads <paramref name="path"/> as UTF-8 bytes with this reader's limit, into a buffer from the shared pool.
    /// A UTF-8 byte-order mark is skipped; a UTF-16 or UTF-32 one (which <see cref="ReadText"/> honours) makes
    /// the content decoded and re-encoded as UTF-8, so both readers see the same text.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <exception cref="IOException">The file does not exist, is a folder or a device, or cannot be read.</exception>
    /// <exception cref="BudgetExceededException">The file is larger than <see cref="MaxBytes"/>.</exception>
    public Utf8Buffer ReadUtf8(string path)
    {
        using var stream = Open(path);
        long known = FileKind.Of(path) == FileKind.Kind.Regular ? new FileInfo(path).Length : 0;
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(known + 1, 1 << 12, Array.MaxLength));
        int length = 0;
        long checkedAt = 0;
        try
        {
            int n;
            while ((n = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += n;
                if (length - checkedAt >= 8 << 20)
                {
                    checkedAt = length;
                    MemoryBudget.Current.Require(2L * length, $"reading {path}");
                }
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * buffer.Length, Array.MaxLength));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
        var content = buffer.AsSpan(0, length);
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return new Utf8Buffer(buffer, 3, length - 3);
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
        {
            string text;
            using (var reader = new StreamReader(new MemoryStream(buffer, 0, length), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true))
                text = reader.ReadToEnd();
            ArrayPool<byte>.Shared.Return(buffer);
            var utf8 = Encoding.UTF8.GetBytes(text);
            return new Utf8Buffer(utf8, 0, utf8.Length, pooled: false);
        }
        return new Utf8Buffer(buffer, 0, length);
    }

    /// <summary>
    /// Opens <paramref name="path"/> as a seekable stream (for readers such as Parquet that seek) after
    /// checking that it is a regular file of at most <see cref="MaxBytes"/> bytes.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <exception cref="IOException">The file does not exist, is a folder or a device, or cannot be read.</exception>
    /// <exception cref="BudgetExceededException">The file is larger than <see cref="MaxBytes"/>.</exception>
    public Stream OpenSeekable(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path)) throw new IOException($"cannot read '{path}': it is a folder, not a file");
        if (!File.Exists(path)) throw new FileNotFoundException($"cannot read '{path}': no such file", path);
        RefuseDevice(path);
        if (FileKind.Of(path) is not (FileKind.Kind.Regular or FileKind.Kind.Unknown))
            throw new IOException($"cannot read '{path}': it is not a regular file");
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (!stream.CanSeek)
        {
            stream.Dispose();
            throw new IOException($"cannot read '{path}': it is not a regular file");
        }
        if (stream.Length > MaxBytes)
        {
            stream.Dispose();
            throw TooLarge(path, MaxBytes);
        }
        return stream;
    }

    /// <summary>Opens <paramref name="path"/> through a stream bounded by <see cref="MaxBytes"/>.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="IOException">The file does not exist, is a folder or a device, or cannot be read.</exception>
    public Stream Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path)) throw new IOException($"cannot read '{path}': it is a folder, not a file");
        if (!File.Exists(path)) throw new FileNotFoundException($"cannot read '{path}': no such file", path);
        RefuseDevice(path);
        long limit = Math.Min(MaxBytes, MaxTextBytes);
        // A regular file's size is known: a file over the limit fails before a byte is read.
        if (FileKind.Of(path) == FileKind.Kind.Regular && new FileInfo(path).Length > limit) throw TooLarge(path, limit);
        var inner = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return new BoundedStream(inner, limit, path);
    }

    private sealed class BoundedStream(Stream inner, long limit, string path) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            // Read one byte past the limit to tell "exactly at the limit" from "larger".
            long room = limit + 1 - _read;
            if (room <= 0) throw TooLarge();
            int n = inner.Read(buffer[..(int)Math.Min(buffer.Length, room)]);
            _read += n;
            if (_read > limit) throw TooLarge();
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }

        private BudgetExceededException TooLarge() => InputFile.TooLarge(path, limit);
    }

    /// <summary>A character or block device (also through a link) is refused before a byte is read: /dev/zero or /dev/urandom never end, and no device holds an input file.</summary>
    private static void RefuseDevice(string path)
    {
        if (FileKind.IsDevice(path))
            throw new IOException($"cannot read '{path}': it is a device{(FileKind.Of(path) == FileKind.Kind.SymbolicLink ? " (through a symbolic link)" : "")}, not a file; give a regular file or a pipe");
    }

    private static BudgetExceededException TooLarge(string path, long limit) =>
            new("max-input-bytes", limit, $"reading {path}",
                $"'{path}' is larger than {Flag} {ByteSize.Format(limit)} allows"
                + (limit < MaxTextBytes ? $" (or endless); try {Flag} {ByteSize.FormatRoundedUp(Math.Min(MaxTextBytes, limit * 4))} if the file is meant to be that large" : " (or endless)"));
}
