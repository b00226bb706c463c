using System.Buffers.Binary;
using System.Text;

namespace FormalExpressivity.Automata.Formats;

/// <summary>
/// Symbol names looked up by their UTF-8 bytes without decoding them (the readers' per-line lookup):
/// names of at most 7 bytes — all the usual ones — are packed with their length into one exact 64-bit
/// key; longer names are looked up by their string. Ids are given in order of <see cref="Add"/>.
/// </summary>
internal sealed class Utf8SymbolTable
{
    private readonly Dictionary<ulong, int> _short = [];
    private readonly Dictionary<string, int> _long = new(StringComparer.Ordinal);

    /// <summary>The names by id.</summary>
    public List<string> Names { get; } = [];

    /// <summary>The id of the name spelled by <paramref name="utf8"/>, or −1.</summary>
    public int Find(ReadOnlySpan<byte> utf8) =>
        utf8.Length <= 7
            ? _short.TryGetValue(Pack(utf8), out int id) ? id : -1
            : _long.TryGetValue(Encoding.UTF8.GetString(utf8), out id) ? id : -1;

    /// <summary>Adds <paramref name="name"/> (not yet present) and returns its id.</summary>
    public int Add(string name)
    {
        var utf8 = Encoding.UTF8.GetBytes(name);
        if (utf8.Length <= 7) _short[Pack(utf8)] = Names.Count;
        else _long[name] = Names.Count;
        Names.Add(name);
        return Names.Count - 1;
    }

    private static ulong Pack(ReadOnlySpan<byte> name)
    {
        Span<byte> key = stackalloc byte[8];
        key.Clear();
        name.CopyTo(key);
        key[7] = (byte)name.Length;
        return BinaryPrimitives.ReadUInt64LittleEndian(key);
    }
}
