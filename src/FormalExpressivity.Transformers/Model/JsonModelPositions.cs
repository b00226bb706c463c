using System.Text;
using System.Text.Json;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Transformers.Model;

/// <summary>
/// Where the parts of a JSON model are in its text, so that <c>TRJ001</c> diagnostics about its content (an
/// unknown format, a bad head, a feature read before it is defined, a window over the limit) point at the
/// offending value instead of 1:1. One forward pass of <see cref="Utf8JsonReader"/> records the byte offset of
/// the root object, of the <c>format</c>, <c>alphabet</c> and <c>output</c> values, and of every definition in
/// reading order — the prelude's gates, then per layer its heads and then its gates, the numbering of
/// <see cref="TransformerModel.Check"/> — whatever the order of the properties in the text (the last of
/// duplicate properties counts, as in deserialization). Offsets become line and column by the forward-moving <see cref="Utf8Positions"/>, so positioning every
/// diagnostic of a large model stays linear.
/// </summary>
internal sealed class JsonModelPositions
{
    private readonly byte[] _bytes;
    private readonly Utf8Positions _positions;

    private JsonModelPositions(byte[] bytes)
    {
        _bytes = bytes;
        _positions = new Utf8Positions(bytes);
    }

    /// <summary>The byte offset of the root value.</summary>
    public long Root { get; private set; }

    /// <summary>The byte offset of the <c>format</c> value (the root when absent).</summary>
    public long Format { get; private set; }

    /// <summary>The byte offset of the <c>alphabet</c> value (the root when absent).</summary>
    public long Alphabet { get; private set; }

    /// <summary>The byte offset of the <c>output</c> value (the root when absent).</summary>
    public long Output { get; private set; }

    /// <summary>The byte offsets of the definitions in reading order.</summary>
    public List<long> Definitions { get; } = [];

    /// <summary>Finds the positions in <paramref name="json"/> (a text that deserialized; anything unreadable leaves the root).</summary>
    /// <param name="json">The model text.</param>
    public static JsonModelPositions Locate(string json)
    {
        var result = new JsonModelPositions(Encoding.UTF8.GetBytes(json));
        try
        {
            result.Walk();
        }
        catch (JsonException)
        {
            // Positions found so far stay; the rest point at the root.
        }
        return result;
    }

    private void Walk()
    {
        var reader = new Utf8JsonReader(_bytes, new JsonReaderOptions { MaxDepth = 64 });
        if (!reader.Read()) return;
        Root = Format = Alphabet = Output = reader.TokenStartIndex;
        if (reader.TokenType != JsonTokenType.StartObject) return;
        List<long> prelude = [];
        List<(List<long> Heads, List<long> Gates)> layers = [];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString() ?? "";
            reader.Read();
            long at = reader.TokenStartIndex;
            switch (name)
            {
                case "format": Format = at; reader.Skip(); break;
                case "alphabet": Alphabet = at; reader.Skip(); break;
                case "output": Output = at; reader.Skip(); break;
                case "prelude": prelude = Items(ref reader); break;
                case "layers":
                    layers = [];
                    if (reader.TokenType != JsonTokenType.StartArray) { reader.Skip(); break; }
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        List<long> heads = [], gates = [];
                        if (reader.TokenType == JsonTokenType.StartObject)
                        {
                            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                            {
                                string part = reader.GetString() ?? "";
                                reader.Read();
                                if (part == "heads") heads = Items(ref reader);
                                else if (part == "gates") gates = Items(ref reader);
                                else reader.Skip();
                            }
                        }
                        else reader.Skip();
                        layers.Add((heads, gates));
                    }
                    break;
                default: reader.Skip(); break;
            }
        }
        Definitions.AddRange(prelude);
        foreach (var (heads, gates) in layers)
        {
            Definitions.AddRange(heads);
            Definitions.AddRange(gates);
        }
    }

    /// <summary>The offsets of the items of the array at the reader (none for anything else), leaving the reader at its end.</summary>
    private static List<long> Items(ref Utf8JsonReader reader)
    {
        var items = new List<long>();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return items;
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(reader.TokenStartIndex);
            reader.Skip();
        }
        return items;
    }

    /// <summary>The span (one character) at byte offset <paramref name="byteOffset"/>, by the forward-moving cursor of <see cref="Utf8Positions"/>.</summary>
    /// <param name="byteOffset">A byte offset found by <see cref="Locate"/>.</param>
    public SourceSpan Span(long byteOffset) => _positions.Span(byteOffset, 1);
}
