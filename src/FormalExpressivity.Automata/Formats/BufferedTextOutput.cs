using System.Buffers;
using System.Globalization;

namespace FormalExpressivity.Automata.Formats;

/// <summary>
/// The writers' output buffer: formats numbers and copies names into one pooled char buffer and hands
/// it to the <see cref="TextWriter"/> in 64 K chunks — no string per line or per number, and memory
/// independent of the automaton's size (the writers stream).
/// </summary>
internal sealed class BufferedTextOutput(TextWriter target) : IDisposable
{
    private const int Size = 1 << 16;
    private char[] _buffer = ArrayPool<char>.Shared.Rent(Size);
    private int _used;

    public BufferedTextOutput Append(int value)
    {
        if (_used > _buffer.Length - 16) Flush();
        value.TryFormat(_buffer.AsSpan(_used), out int written, default, CultureInfo.InvariantCulture);
        _used += written;
        return this;
    }

    public BufferedTextOutput Append(char c)
    {
        if (_used == _buffer.Length) Flush();
        _buffer[_used++] = c;
        return this;
    }

    public BufferedTextOutput Append(string s)
    {
        if (_used > _buffer.Length - s.Length) Flush();
        if (s.Length > _buffer.Length) target.Write(s);
        else
        {
            s.CopyTo(_buffer.AsSpan(_used));
            _used += s.Length;
        }
        return this;
    }

    public void Flush()
    {
        target.Write(_buffer, 0, _used);
        _used = 0;
    }

    public void Dispose()
    {
        Flush();
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = [];
    }
}
