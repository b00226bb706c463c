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
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly DiagnosticList _diagnostics;
    private readonly Utf8Positions _positions;

    public JsonAutomatonReader(ReadOnlyMemory<byte> utf8, DiagnosticList diagnostics)
    {
        _bytes = utf8;
        _diagnostics = diagnostics;
        _positions = new Utf8Positions(utf8);
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
    public PositionedInts? Accepting;
    public TransitionTable? Transitions;
    public int TransitionsOffset = -1;

    /// <summary>Label names of the transitions by id (interned from their bytes: no string per transition).</summary>
    public Utf8SymbolTable Labels { get; } = new();

    /// <summary>Integers with the byte span of each (a flat list: no object per element).</summary>
    public sealed class PositionedInts
    {
        private int[] _items = new int[16], _offsets = new int[16], _lengths = new int[16];

        public int Count { get; private set; }

        public Value<int> this[int i] => new(_items[i], _offsets[i], _lengths[i]);

        public void Add(int item, int offset, int length)
        {
            if (Count == _items.Length)
            {
                Array.Resize(ref _items, 2 * Count); Array.Resize(ref _offsets, 2 * Count); Array.Resize(ref _lengths, 2 * Count);
            }
            _items[Count] = item; _offsets[Count] = offset; _lengths[Count] = length;
            Count++;
        }
    }

    /// <summary>
    /// The well-formed transitions as flat columns (source, label id or −1 for null, target, byte offset);
    /// the positions of their parts are re-read from the bytes only for the few that get a diagnostic (<see cref="Parts"/>).
    /// </summary>
    public sealed class TransitionTable(int capacity)
    {
        private int[] _from = new int[capacity], _label = new int[capacity], _to = new int[capacity], _offset = new int[capacity];

        public int Count { get; private set; }
        public ReadOnlySpan<int> From => _from.AsSpan(0, Count);
        public ReadOnlySpan<int> Label => _label.AsSpan(0, Count);
        public ReadOnlySpan<int> To => _to.AsSpan(0, Count);
        public ReadOnlySpan<int> Offset => _offset.AsSpan(0, Count);

        public void Add(int from, int label, int to, int offset)
        {
            if (Count == _from.Length)
            {
                int size = Math.Max(16, 2 * Count);
                Array.Resize(ref _from, size); Array.Resize(ref _label, size); Array.Resize(ref _to, size); Array.Resize(ref _offset, size);
            }
            _from[Count] = from; _label[Count] = label; _to[Count] = to; _offset[Count] = offset;
            Count++;
        }
    }

    /// <summary>Transition <paramref name="i"/> with the positions of its parts, re-read from the bytes (for diagnostics).</summary>
    public Transition Parts(int i)
    {
        var t = Transitions!;
        int offset = t.Offset[i];
        var reader = new Utf8JsonReader(_bytes.Span[offset..], new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 16 });
        reader.Read(); // [
        var at = new (int Offset, int Length)[3];
        for (int part = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; part++)
        {
            if (part < 3) at[part] = (offset + (int)reader.TokenStartIndex, TokenLength(ref reader));
            reader.Skip();
        }
        int length = (int)reader.TokenStartIndex + 1;
        int label = t.Label[i];
        return new Transition(
            new Value<int>(t.From[i], at[0].Offset, at[0].Length),
            new Value<string?>(label < 0 ? null : Labels.Names[label], at[1].Offset, at[1].Length),
            new Value<int>(t.To[i], at[2].Offset, at[2].Length),
            offset, length);
    }

    // Positions are computed only for diagnostics that are kept, with a forward-moving cursor:
    // linear time in the file however many problems it has (issue 15).
    public void Error(string code, long byteOffset, int byteLength, string message)
    {
        if (!_diagnostics.Accepts(DiagnosticSeverity.Error))
        {
            _diagnostics.Omit();
            return;
        }
        _diagnostics.Add(new Diagnostic(code, _positions.Span(byteOffset, byteLength), message));
    }

    public void Warning(string code, long byteOffset, int byteLength, string message)
    {
        if (!_diagnostics.Accepts(DiagnosticSeverity.Warning))
        {
            _diagnostics.Omit();
            return;
        }
        _diagnostics.Add(new Diagnostic(code, _positions.Span(byteOffset, byteLength), message, DiagnosticSeverity.Warning));
    }

    /// <summary>Reads the document; false when the JSON itself is malformed (one diagnostic added).</summary>
    /// <summary>The keys present in the object (whether or not their values were valid).</summary>
    public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

    public int ErrorCount => _diagnostics.ErrorCount;

    /// <summary>True while another error would still be kept (callers skip computing its position otherwise).</summary>
    public bool AcceptsErrors => _diagnostics.Accepts(DiagnosticSeverity.Error);

    /// <summary>Counts an error found but not kept (its position is not computed).</summary>
    public void OmitError() => _diagnostics.Omit();

    public bool Read()
    {
        var reader = new Utf8JsonReader(_bytes.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 16 });
        if (IsBlank(_bytes.Span))
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
                    case "accepting": Accepting = ReadAccepting(ref reader); break;
                    case "transitions": TransitionsOffset = (int)reader.TokenStartIndex; Transitions = ReadTransitions(ref reader); break;
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
        var bytes = _bytes.Span;
        for (long l = 0; l < line && offset < bytes.Length; offset++)
            if (bytes[(int)offset] == (byte)'\n') l++;
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

    /// <summary>True when the text is empty or white space only (as <see cref="string.IsNullOrWhiteSpace"/> on the decoded text).</summary>
    private static bool IsBlank(ReadOnlySpan<byte> utf8)
    {
        for (int i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] >= 0x80) return string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(utf8[i..]));
            if (!char.IsWhiteSpace((char)utf8[i])) return false;
        }
        return true;
    }

    private PositionedInts? ReadAccepting(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            Error("JSON002", reader.TokenStartIndex, TokenLength(ref reader), "\"accepting\" must be an array");
            reader.Skip();
            return null;
        }
        var list = new PositionedInts();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            if (ReadInt(ref reader, "an accepting state") is { } v) list.Add(v.Item, v.Offset, v.Length);
        return list;
    }

    private TransitionTable? ReadTransitions(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            Error("JSON002", reader.TokenStartIndex, TokenLength(ref reader), "\"transitions\" must be an array");
            reader.Skip();
            return null;
        }
        // About 20 bytes per transition ("[123456, \"a\", 234567],\n    "); the columns double when that guess is short.
        var table = new TransitionTable((int)Math.Clamp(_bytes.Length / 20L, 16, 1 << 24));
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) ReadTransition(ref reader, table);
        return table;
    }

    /// <summary>A well-formed transition without per-element objects: ints read in place, the label interned by its bytes.</summary>
    private void ReadTransition(ref Utf8JsonReader reader, TransitionTable table)
    {
        int offset = (int)reader.TokenStartIndex;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            Error("JSON013", offset, TokenLength(ref reader), "a transition must be an array [from, \"symbol\", to]");
            reader.Skip();
            return;
        }
        int from = -1, to = -1, label = -1;
        int count = 0;
        bool ok = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            switch (count++)
            {
                case 0: ok &= ReadState(ref reader, "the source state", out from); break;
                case 1:
                    if (reader.TokenType == JsonTokenType.Null) label = -1;
                    else if (reader.TokenType != JsonTokenType.String)
                    {
                        Error("JSON002", reader.TokenStartIndex, TokenLength(ref reader), "a symbol must be a string such as \"a\" or \"b0\"");
                        reader.Skip();
                        ok = false;
                    }
                    else if (!reader.ValueIsEscaped && !reader.HasValueSequence)
                    {
                        label = Labels.Find(reader.ValueSpan);
                        if (label < 0) label = Labels.Add(reader.GetString()!);
                    }
                    else
                    {
                        var name = reader.GetString()!;
                        label = Labels.Find(Encoding.UTF8.GetBytes(name));
                        if (label < 0) label = Labels.Add(name);
                    }
                    break;
                case 2: ok &= ReadState(ref reader, "the target state", out to); break;
                default: reader.Skip(); break;
            }
        }
        if (count != 3)
        {
            int length = (int)reader.TokenStartIndex + 1 - offset;
            Error("JSON013", offset, length, $"a transition must be an array [from, \"symbol\", to] of 3 elements, found {count}");
            return;
        }
        if (ok) table.Add(from, label, to, offset);
    }

    private bool ReadState(ref Utf8JsonReader reader, string what, out int value)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out value) && value >= 0) return true;
        Error("JSON002", reader.TokenStartIndex, TokenLength(ref reader), $"{what} must be a non-negative integer");
        reader.Skip();
        value = -1;
        return false;
    }
}
