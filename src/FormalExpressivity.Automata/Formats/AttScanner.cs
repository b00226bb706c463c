using System.Globalization;
using System.Text;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Automata.Formats;

/// <summary>
/// The lexical half of the AT&amp;T reader: UTF-8 lines → arcs and final states in one pass over the bytes,
/// with no allocation per line (numbers parsed from the byte spans, symbols looked up by their bytes).
/// Only the line offset of every arc is kept; the line's length and the label's offset are recomputed
/// for the few arcs that get a diagnostic (<see cref="LineLength"/>, <see cref="LabelOffset"/>).
/// Positions are computed only for kept diagnostics, with the forward-moving <see cref="Utf8Positions"/>
/// cursor, in the units of the decoded text (UTF-16 offset, line, column).
/// </summary>
internal sealed class AttScanner
{
    private readonly ReadOnlyMemory<byte> _utf8;
    /// <summary>The input label is the third field (ilabel [olabel] [weight] follow src dst).</summary>
    private const int LabelField = 2;

    private int[] _from, _to, _label, _lineOffset;

    private AttScanner(ReadOnlyMemory<byte> utf8)
    {
        _utf8 = utf8;
        // About 16 bytes per arc line ("123456 234567 a\n"); the arrays double when that guess is short.
        int capacity = (int)Math.Clamp(utf8.Length / 12L, 16, 1 << 24);
        _from = new int[capacity];
        _to = new int[capacity];
        _label = new int[capacity];
        _lineOffset = new int[capacity];
        Positions = new Utf8Positions(utf8);
    }

    public int Count { get; private set; }
    public int[] From => _from;
    public int[] To => _to;
    public int[] Label => _label;
    public List<int> Finals { get; } = [];
    public int Start { get; private set; } = -1;
    public int StateCount { get; private set; }
    public Alphabet Alphabet { get; private set; } = null!;
    public bool[] Used { get; private set; } = [];

    /// <summary>Byte offsets → text positions for diagnostics.</summary>
    public Utf8Positions Positions { get; }

    /// <summary>The byte offset of the line of arc <paramref name="i"/>.</summary>
    public int LineOffset(int i) => _lineOffset[i];

    /// <summary>The byte length of the line of arc <paramref name="i"/> (without its line break).</summary>
    public int LineLength(int i)
    {
        var rest = _utf8.Span[_lineOffset[i]..];
        int eol = rest.IndexOf((byte)'\n');
        if (eol < 0) eol = rest.Length;
        return eol > 0 && rest[eol - 1] == '\r' ? eol - 1 : eol;
    }

    /// <summary>The byte offset of the label (third field) of arc <paramref name="i"/>.</summary>
    public int LabelOffset(int i)
    {
        var line = _utf8.Span.Slice(_lineOffset[i], LineLength(i));
        int field = 0;
        for (int j = 0; j < line.Length;)
        {
            if (line[j] is (byte)' ' or (byte)'\t') { j++; continue; }
            if (field == 2) return _lineOffset[i] + j;
            while (j < line.Length && line[j] is not ((byte)' ' or (byte)'\t')) j++;
            field++;
        }
        return _lineOffset[i];
    }

    private void AddArc(int from, int to, int label, int lineOffset)
    {
        if (Count == _from.Length)
        {
            int size = Count * 2;
            Array.Resize(ref _from, size); Array.Resize(ref _to, size);
            Array.Resize(ref _label, size); Array.Resize(ref _lineOffset, size);
        }
        _from[Count] = from; _to[Count] = to; _label[Count] = label; _lineOffset[Count] = lineOffset;
        Count++;
    }

    private static string Decode(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    /// <summary>Scans the UTF-8 <paramref name="utf8"/> (no byte-order mark); null when there were errors (added to <paramref name="diagnostics"/>).</summary>
    public static AttScanner? Scan(ReadOnlyMemory<byte> utf8, Alphabet? alphabet, DiagnosticList diagnostics)
    {
        var s = new AttScanner(utf8);
        var text = utf8.Span;
        var positions = s.Positions;
        void Error(string code, int offset, int length, string message)
        {
            if (diagnostics.Accepts(DiagnosticSeverity.Error))
                diagnostics.Add(new Diagnostic(code, positions.Span(offset, length, atLeastOneCharacter: false), message));
            else diagnostics.Omit();
        }

        // Symbols get provisional ids by first use; with a given alphabet the ids are final.
        var symbols = new Utf8SymbolTable();
        var names = symbols.Names;
        if (alphabet is not null)
            foreach (var name in alphabet.Symbols) symbols.Add(name);
        var used = new List<bool>(alphabet is null ? 0 : alphabet.Count);
        if (alphabet is not null) for (int i = 0; i < alphabet.Count; i++) used.Add(false);
        // The previous arc's label and id: consecutive arcs mostly repeat a few symbols.
        int lastSymbolLength = -1, lastSymbolId = 0;
        var lastSymbol = new byte[8];

        Span<int> fieldStart = stackalloc int[6];
        Span<int> fieldEnd = stackalloc int[6];
        int maxState = -1;
        int pos = 0;
        while (pos < text.Length && !diagnostics.Full)
        {
            int lineStart = pos;
            int eol = text[pos..].IndexOf((byte)'\n');
            eol = eol < 0 ? text.Length : pos + eol;
            pos = eol + 1;
            int lineEnd = eol > lineStart && text[eol - 1] == '\r' ? eol - 1 : eol;

            int fields = 0;
            for (int i = lineStart; i < lineEnd;)
            {
                byte c = text[i];
                if (c == ' ' || c == '\t') { i++; continue; }
                int j = i + 1;
                while (j < lineEnd && text[j] != ' ' && text[j] != '\t') j++;
                if (fields < fieldStart.Length) { fieldStart[fields] = i; fieldEnd[fields] = j; }
                fields++;
                i = j;
            }
            if (fields == 0) continue; // blank lines are allowed
            if (fields > 5)
            {
                Error("ATT002", fieldStart[5], fieldEnd[5] - fieldStart[5], $"a line has at most 5 fields (src dst ilabel olabel weight), found {fields}");
                continue;
            }

            int src = State(text, fieldStart[0], fieldEnd[0]);
            if (fields <= 2)
            {
                // Final state, optionally weighted.
                if (fields == 2) Weight(text, 1, fieldStart, fieldEnd);
                if (src < 0) continue;
                if (s.Start < 0) s.Start = src;
                s.Finals.Add(src);
                maxState = Math.Max(maxState, src);
                continue;
            }
            int dst = State(text, fieldStart[1], fieldEnd[1]);
            // Fields 3..5: ilabel [olabel] [weight]; a 4th field that is a number is a weight.
            if (fields == 4)
            {
                if (IsNumber(text[fieldStart[3]..fieldEnd[3]])) Weight(text, 3, fieldStart, fieldEnd);
                else OutputLabel(text, 3, fieldStart, fieldEnd);
            }
            else if (fields == 5)
            {
                OutputLabel(text, 3, fieldStart, fieldEnd);
                Weight(text, 4, fieldStart, fieldEnd);
            }
            var labelBytes = text[fieldStart[LabelField]..fieldEnd[LabelField]];
            int label = labelBytes.Length == lastSymbolLength && labelBytes.SequenceEqual(lastSymbol.AsSpan(0, lastSymbolLength))
                ? lastSymbolId
                : Symbol(labelBytes, fieldStart[LabelField]);
            if (src < 0 || dst < 0 || label == int.MinValue) continue;
            if (s.Start < 0) s.Start = src;
            maxState = Math.Max(maxState, Math.Max(src, dst));
            s.AddArc(src, dst, label, lineStart);
        }

        int State(ReadOnlySpan<byte> text, int start, int end)
        {
            var span = text[start..end];
            // The usual case, up to 9 digits, inline; anything else through int.TryParse (same rules as the UTF-16 reader).
            int q = 0;
            bool fast = span.Length <= 9;
            for (int i = 0; fast && i < span.Length; i++)
            {
                uint d = (uint)(span[i] - '0');
                if (d > 9) fast = false;
                else q = q * 10 + (int)d;
            }
            if (!fast && !int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out q))
            {
                bool digits = span.Length > 0 && !span.ContainsAnyExceptInRange((byte)'0', (byte)'9');
                if (digits) Error("ATT004", start, span.Length, $"state {Decode(span)} is out of range; state numbers are below {AttFormat.MaxStates}");
                else Error("ATT003", start, span.Length, $"expected a state number (a non-negative integer), found '{Decode(span)}'");
                return -1;
            }
            if (q >= AttFormat.MaxStates)
            {
                Error("ATT004", start, span.Length, $"state {q} is out of range; state numbers are below {AttFormat.MaxStates}");
                return -1;
            }
            return q;
        }

        void Weight(ReadOnlySpan<byte> text, int f, Span<int> fieldStart, Span<int> fieldEnd)
        {
            var span = text[fieldStart[f]..fieldEnd[f]];
            if (!IsNumber(span))
                Error("ATT007", fieldStart[f], span.Length, $"expected a weight (a number), found '{Decode(span)}'");
        }

        void OutputLabel(ReadOnlySpan<byte> text, int f, Span<int> fieldStart, Span<int> fieldEnd)
        {
            var output = text[fieldStart[f]..fieldEnd[f]];
            var input = text[fieldStart[LabelField]..fieldEnd[LabelField]];
            if (!output.SequenceEqual(input))
                Error("ATT006", fieldStart[f], output.Length, $"output label '{Decode(output)}' differs from input label '{Decode(input)}'; only acceptors are supported");
        }

        int Symbol(ReadOnlySpan<byte> span, int start)
        {
            if (span.SequenceEqual("<eps>"u8)) return Nfa.Epsilon;
            int result = Lookup(span, start);
            if (result >= 0 && span.Length <= lastSymbol.Length)
            {
                span.CopyTo(lastSymbol);
                lastSymbolLength = span.Length;
                lastSymbolId = result;
            }
            return result;
        }

        int Lookup(ReadOnlySpan<byte> span, int start)
        {
            int id = symbols.Find(span);
            if (id >= 0)
            {
                used[id] = true;
                return id;
            }
            var name = Decode(span);
            if (alphabet is not null)
            {
                Error("ATT005", start, span.Length, $"unknown symbol '{name}'; the alphabet is {alphabet}");
                return int.MinValue;
            }
            if (!Alphabet.IsValidName(name))
            {
                Error("ATT005", start, span.Length, $"'{name}' is not a valid symbol name (a letter or '_' followed by letters, digits or '_')");
                return int.MinValue;
            }
            if (names.Count == Alphabet.MaxSymbols)
            {
                Error("ATT011", start, span.Length, $"symbol '{name}' would be symbol number {Alphabet.MaxSymbols + 1}; at most {Alphabet.MaxSymbols} are supported");
                return int.MinValue;
            }
            used.Add(true);
            return symbols.Add(name);
        }

        if (diagnostics.ErrorCount > 0) return null;
        if (s.Start < 0)
        {
            Error("ATT001", 0, 0, "the file has no arcs and no final states, so no start state; the first line's source is the start state");
            return null;
        }
        if (names.Count == 0)
        {
            Error("ATT001", 0, 0, "the file uses no symbol; give the alphabet explicitly");
            return null;
        }
        s.StateCount = maxState + 1;
        if (alphabet is not null)
        {
            s.Alphabet = alphabet;
            s.Used = used.ToArray();
            return s;
        }
        // Inferred alphabet: the used symbols sorted ordinally; remap the provisional ids.
        var sorted = names.Order(StringComparer.Ordinal).ToArray();
        var remap = new int[names.Count];
        for (int i = 0; i < sorted.Length; i++) remap[names.IndexOf(sorted[i])] = i;
        for (int i = 0; i < s.Count; i++) if (s._label[i] >= 0) s._label[i] = remap[s._label[i]];
        s.Alphabet = Alphabet.Create(sorted);
        s.Used = Enumerable.Repeat(true, sorted.Length).ToArray();
        return s;
    }

    private static bool IsNumber(ReadOnlySpan<byte> span) =>
        double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || span.SequenceEqual("Infinity"u8) || span.SequenceEqual("inf"u8);
}
