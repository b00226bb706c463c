using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FormalExpressivity.Core.Text;

/// <summary>
/// The one JSON writer of the project: every <c>--json</c> output, report, manifest and export is written
/// by a <see cref="Utf8JsonWriter"/> with <see cref="WriterOptions"/> — indented by two spaces, LF line
/// ends, a trailing newline, numbers in invariant form (the writer never consults the culture), non-ASCII
/// text such as "≤" or "Σ" kept as UTF-8 (only characters JSON requires, and HTML-sensitive ones outside
/// strings, are escaped). Property order is the order of writing (or of insertion into a
/// <see cref="JsonObject"/>), so equal values give equal bytes.
/// </summary>
public static class JsonOutput
{
    /// <summary>The writer options: indented, LF line ends, relaxed escaping (UTF-8 text stays readable).</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Runs <paramref name="write"/> on a fresh writer and returns the text, ending in a newline.</summary>
    /// <param name="write">Writes exactly one JSON value.</param>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) write(writer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n";
    }

    /// <summary>Writes <paramref name="node"/> (insertion order of its properties), ending in a newline.</summary>
    /// <param name="node">The value; null writes <c>null</c>.</param>
    public static string Write(JsonNode? node) => Write(w =>
    {
        if (node is null) w.WriteNullValue();
        else node.WriteTo(w);
    });

    /// <summary>A JSON string literal for <paramref name="text"/> (quotes included), escaped like <see cref="Write(Action{Utf8JsonWriter})"/>.</summary>
    /// <param name="text">The text.</param>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = WriterOptions.Encoder })) writer.WriteStringValue(text);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>A JSON array of strings, for building <see cref="JsonObject"/> values.</summary>
    /// <param name="items">The strings, in order.</param>
    public static JsonArray Strings(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new JsonArray(items.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
    }

    /// <summary>A JSON array of the nodes <paramref name="node"/> makes of <paramref name="items"/>, in order (no reflection: Native AOT safe).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <param name="node">The node of one item.</param>
    public static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode?> node)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(node);
        return new JsonArray(items.Select(node).ToArray());
    }
}
