using System.Text;
using System.Text.Json;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Automata.Formats;

/// <summary>
/// The syntactic half of the JSON reader: walks the document with <see cref="Utf8JsonReader"/>
/// and collects the fields with their positions; <see cref="DfaJson"/> validates them.
/// </summary>
internal sealed class JsonAutomatonReader
{
    private readonly string _text;
    private readonly byte[] _bytes;
    private readonly DiagnosticList _diagnostics;
    private readonly Utf8Positions _positions;

    public JsonAutomatonReader(string text, DiagnosticList diagnostics)
    {
        _text = text;
        _bytes = Encoding.UTF8.GetBytes(text);
        _diagnostics = diagnostics;
        _positions = new Utf8Positions(_bytes);
    }

    public sealed record Value<T>(T Item, int Offset, int Length);

    public sealed record Transition(Value<int> From, Value<string?> Label, Value<int> To, int Offset, int Length);

    public string? Type;
    public Value<string?>? TypeValue;
    public List<Value<string>>? Alphabet;
    public int AlphabetOffset;
    public Value<int>? States;
    public List<Value<int>>? Start;
    public int StartOffset = -1;
    public List<Value<int>>? Accepting;
    public List<Transition>? Transitions;
    public int TransitionsOffset = -1;

    // Positions are computed only for diagnostics that are kept, with a forward-moving cursor:
    // linear time in the file however many problems it has (issue 15).
    public void Error(string code, long byteOffset, int byteLength, string message)
    {
        if (!_diagnostics.Accepts(DiagnosticSeverity.Error)) return;
        _diagnostics.Add(new Diagnostic(code, _positions.Span(byteOffset, byteLength), message));
    }

    public void Warning(string code, long byteOffset, int byteLength, string message)
    {
        if (!_diagnostics.Accepts(DiagnosticSeverity.Warning)) return;
        _diagnostics.Add(new Diagnostic(code, _positions.Span(byteOffset, byteLength), message, DiagnosticSeverity.Warning));
    }

    /// <summary>Reads the document; false when the JSON itself is malformed (one diagnostic added).</summary>
    /// <summary>The keys present in the object (whether or not their values were valid).</summary>
    public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

    public int ErrorCount => _diagnostics.ErrorCount;

    public bool Read()
    {
        var reader = new Utf8JsonReader(_bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 16 });
        if (string.IsNullOrWhiteSpace(_text))
        {
            Error("JSON001", 0, 0, "the file is empty; expected a JSON object");
            return false;
        }
        try
        {
            if (!reader.Read())
            {
                Error("JSON001", 0, 0, "the file is empty; expected a JSON object");
                return false;
            }
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                Error("JSON002", reader.TokenStartIndex, TokenLength(ref reader), "expected a JSON object describing an automaton");
                return false;
            }
            var seen = Seen;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string key = reader.GetString()!;
                long keyOffset = reader.TokenStartIndex;
                int keyLength = TokenLength(ref reader);
                if (!seen.Add(key)) Error("JSON004", keyOffset, keyLength, $"the key \"{key}\" appears twice");
                reader.Read();
                switch (key)
                {
                    case "type": ReadType(ref reader); break;
                    case "alphabet": AlphabetOffset = (int)reader.TokenStartIndex; Alphabet = ReadArray(ref reader, "alphabet", ReadName); break;
                    case "states": States = ReadInt(ref reader, "\"states\""); break;
                    case "start": ReadStart(ref reader); break;
                    case "accepting": Accepting = ReadArray(ref reader, "accepting", (ref Utf8JsonReader r) => ReadInt(ref r, "an accepting state")); break;
                    case "transitions": TransitionsOffset = (int)reader.TokenStartIndex; Transitions = ReadArray(ref reader, "transitions", ReadTransition); break;
                    default:
                        Warning("JSON005", keyOffset, keyLength, $"unknown key \"{key}\" is ignored");
                        reader.Skip();
                        break;
                }
            }
            // Anything after the closing brace other than whitespace and comments is malformed.
            if (reader.Read())
            {
                Error("JSON001", reader.TokenStartIndex, TokenLength(ref reader), "unexpected content after the closing '}'");
                return false;
            }
            return true;
        }
        catch (JsonException e)
        {
            ReportSyntax(e);
            return false;
        }
    }

    private void ReportSyntax(JsonException e)
    {
        // JsonException positions are zero-based (line, byte in line); convert to a character offset.
        long line = e.LineNumber ?? 0, bytePos = e.BytePositionInLine ?? 0;
        long offset = 0;
        for (long l = 0; l < line && offset < _bytes.Length; offset++)
            if (_bytes[offset] == (byte)'\n') l++;
        offset = Math.Min(offset + bytePos, _bytes.Length);
        string message = e.Message;
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        message = "malformed JSON: " + message.TrimEnd('.', ' ');
        Error("JSON001", offset, 1, message);
    }

    private static int TokenLength(ref Utf8JsonReader reader) =>
        reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject ? 1 : (int)(reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) + (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName ? 2 : 0);

    private delegate T? ItemReader<T>(ref Utf8JsonReader reader);

    private List<T>? ReadArray<T>(ref Utf8JsonReader reader, string what, ItemReader<T> item) where T : class
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            Error("JSON002", reader.TokenStartIndex, TokenLength(ref reader), $"\"{what}\" must be an array");
            reader.Skip();
            return null;
        }
        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var value = item(ref reader);
            if (value is not null) list.Add(value);
        }
        return list;
    }

    private void ReadType(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            Error("JSON002", reader.TokenStartIndex, TokenLength(ref reader), "\"type\" must be the string \"dfa\" or \"nfa\"");
            reader.Skip();
            return;
        }
        Type = reader.GetString();
        TypeValue = new Value<string?>(Type, (int)reader.TokenStartIndex, TokenLength(ref reader));
    }

    private Value<string>? ReadName(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            Error("JSON002", reader.TokenStartIndex, TokenLength(ref reader), "a symbol must be a string such as \"a\" or \"b0\"");
            reader.Skip();
            return null;
        }
        return new Value<string>(reader.GetString()!, (int)reader.TokenStartIndex, TokenLength(ref reader));
    }

    private Value<int>? ReadInt(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out int v) || v < 0)
        {
            Error("JSON002", reader.TokenStartIndex, TokenLength(ref reader), $"{what} must be a non-negative integer");
            reader.Skip();
            return null;
        }
        return new Value<int>(v, (int)reader.TokenStartIndex, TokenLength(ref reader));
    }

    private void ReadStart(ref Utf8JsonReader reader)
    {
        StartOffset = (int)reader.TokenStartIndex;
        if (reader.TokenType == JsonTokenType.StartArray)
            Start = ReadArray(ref reader, "start", (ref Utf8JsonReader r) => ReadInt(ref r, "a start state"));
        else
        {
            var v = ReadInt(ref reader, "\"start\"");
            Start = v is null ? null : [v];
        }
    }

    private Transition? ReadTransition(ref Utf8JsonReader reader)
    {
        int offset = (int)reader.TokenStartIndex;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            Error("JSON013", offset, TokenLength(ref reader), "a transition must be an array [from, \"symbol\", to]");
            reader.Skip();
            return null;
        }
        Value<int>? from = null, to = null;
        Value<string?>? label = null;
        int count = 0;
        bool ok = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            switch (count++)
            {
                case 0: from = ReadInt(ref reader, "the source state"); ok &= from is not null; break;
                case 1:
                    if (reader.TokenType == JsonTokenType.Null) label = new Value<string?>(null, (int)reader.TokenStartIndex, 4);
                    else
                    {
                        var name = ReadName(ref reader);
                        ok &= name is not null;
                        if (name is not null) label = new Value<string?>(name.Item, name.Offset, name.Length);
                    }
                    break;
                case 2: to = ReadInt(ref reader, "the target state"); ok &= to is not null; break;
                default: reader.Skip(); break;
            }
        }
        int length = (int)reader.TokenStartIndex + 1 - offset;
        if (count != 3)
        {
            Error("JSON013", offset, length, $"a transition must be an array [from, \"symbol\", to] of 3 elements, found {count}");
            return null;
        }
        return ok ? new Transition(from!, label!, to!, offset, length) : null;
    }
}
