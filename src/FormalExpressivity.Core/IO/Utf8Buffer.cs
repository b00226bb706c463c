using System.Buffers;
using System.Text;

namespace FormalExpressivity.Core.IO;

/// <summary>
/// A file's content as UTF-8 bytes in a pooled buffer (<see cref="InputFile.ReadAllUtf8"/>): readers parse the bytes
/// without decoding them, and <see cref="Decode"/> gives the same text as <see cref="InputFile.ReadAllText"/> for
/// rendering diagnostics. Dispose returns the buffer to the pool; the bytes must not be used afterwards.
/// </summary>
public sealed class Utf8Buffer : IDisposable
{
    private byte[]? _buffer;
    private readonly int _start, _length;
    private readonly bool _pooled;

    internal Utf8Buffer(byte[] buffer, int start, int length, bool pooled = true)
    {
        _buffer = buffer;
        _pooled = pooled;
        _start = start;
        _length = length;
    }

    /// <summary>The content, without a byte-order mark.</summary>
    public ReadOnlyMemory<byte> Bytes => _buffer is null ? throw new ObjectDisposedException(nameof(Utf8Buffer)) : _buffer.AsMemory(_start, _length);

    /// <summary>The content decoded (invalid bytes become U+FFFD, as when the file is read as text).</summary>
    public string Decode() => Encoding.UTF8.GetString(Bytes.Span);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_buffer is { } buffer && _pooled) ArrayPool<byte>.Shared.Return(buffer);
        _buffer = null;
    }
}
