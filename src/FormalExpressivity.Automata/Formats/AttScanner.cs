using System.Globalization;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Automata.Formats;

/// <summary>The lexical half of the AT&amp;T reader: lines → arcs and final states, with offsets for diagnostics.</summary>
internal sealed class AttScanner
{
    private int[] _from = new int[1024], _to = new int[1024], _label = new int[1024], _lineOffset = new int[1024], _lineLength = new int[1024], _labelOffset = new int[1024];

    public int Count { get; private set; }
    public int[] From => _from;
    public int[] To => _to;
    public int[] Label => _label;
    public int[] LineOffset => _lineOffset;
    public int[] LineLength => _lineLength;
    public int[] LabelOffset => _labelOffset;
    public List<int> Finals { get; } = [];
    public int Start { get; private set; } = -1;
    public int StateCount { get; private set; }
    public Alphabet Alphabet { get; private set; } = null!;
    public bool[] Used { get; private set; } = [];

    private void AddArc(int from, int to, int label, int lineOffset, int lineLength, int labelOffset)
    {
        if (Count == _from.Length)
        {
            int size = Count * 2;
            Array.Resize(ref _from, size); Array.Resize(ref _to, size); Array.Resize(ref _label, size);
            Array.Resize(ref _lineOffset, size); Array.Resize(ref _lineLength, size); Array.Resize(ref _labelOffset, size);
        }
        _from[Count] = from; _to[Count] = to; _label[Count] = label;
        _lineOffset[Count] = lineOffset; _lineLength[Count] = lineLength; _labelOffset[Count] = labelOffset;
        Count++;
    }

    /// <summary>Scans <paramref name="text"/>; null when there were errors (added to <paramref name="diagnostics"/>).</summary>
    public static AttScanner? Scan(string text, Alphabet? alphabet, DiagnosticList diagnostics)
    {
        var s = new AttScanner();
        // Symbols get provisional ids by first use; with a given alphabet the ids are final.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        if (alphabet is not null)
            foreach (var name in alphabet.Symbols) { ids[name] = names.Count; names.Add(name); }
        var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        var used = new List<bool>(alphabet is null ? 0 : alphabet.Count);
        if (alphabet is not null) for (int i = 0; i < alphabet.Count; i++) used.Add(false);

        var fieldStart = new int[6];
        var fieldEnd = new int[6];
        int maxState = -1;
        int pos = 0;
        while (pos < text.Length && !diagnostics.Full)
        {
            int lineStart = pos;
            int eol = text.IndexOf('\n', pos);
            if (eol < 0) eol = text.Length;
            pos = eol + 1;
            int lineEnd = eol > lineStart && text[eol - 1] == '\r' ? eol - 1 : eol;

            int fields = 0;
            for (int i = lineStart; i < lineEnd;)
            {
                char c = text[i];
                if (c == ' ' || c == '\t') { i++; continue; }
                int j = i;
                while (j < lineEnd && text[j] != ' ' && text[j] != '\t') j++;
                if (fields < fieldStart.Length) { fieldStart[fields] = i; fieldEnd[fields] = j; }
                fields++;
                i = j;
            }
            if (fields == 0) continue; // blank lines are allowed
            int lineLength = lineEnd - lineStart;
            if (fields > 5)
            {
                diagnostics.Add(Diagnostic.Error("ATT002", text, fieldStart[5], fieldEnd[5] - fieldStart[5], $"a line has at most 5 fields (src dst ilabel olabel weight), found {fields}"));
                continue;
            }
            ReadOnlySpan<char> F(int i) => text.AsSpan(fieldStart[i], fieldEnd[i] - fieldStart[i]);

            int src = State(0);
            if (fields <= 2)
            {
                // Final state, optionally weighted.
                if (fields == 2) Weight(1);
                if (src < 0) continue;
                if (s.Start < 0) s.Start = src;
                s.Finals.Add(src);
                maxState = Math.Max(maxState, src);
                continue;
            }
            int dst = State(1);
            // Fields 3..5: ilabel [olabel] [weight]; a 4th field that is a number is a weight.
            int labelField = 2;
            if (fields == 4)
            {
                if (IsNumber(F(3))) Weight(3);
                else OutputLabel(3);
            }
            else if (fields == 5)
            {
                OutputLabel(3);
                Weight(4);
            }
            int label = Symbol(labelField);
            if (src < 0 || dst < 0 || label == int.MinValue) continue;
            if (s.Start < 0) s.Start = src;
            maxState = Math.Max(maxState, Math.Max(src, dst));
            s.AddArc(src, dst, label, lineStart, lineLength, fieldStart[labelField]);

            int State(int f)
            {
                var span = F(f);
                if (!int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out int q))
                {
                    bool digits = span.Length > 0 && !span.ContainsAnyExcept("0123456789");
                    diagnostics.Add(digits
                        ? Diagnostic.Error("ATT004", text, fieldStart[f], span.Length, $"state {span} is out of range; state numbers are below {AttFormat.MaxStates}")
                        : Diagnostic.Error("ATT003", text, fieldStart[f], span.Length, $"expected a state number (a non-negative integer), found '{span}'"));
                    return -1;
                }
                if (q >= AttFormat.MaxStates)
                {
                    diagnostics.Add(Diagnostic.Error("ATT004", text, fieldStart[f], span.Length, $"state {q} is out of range; state numbers are below {AttFormat.MaxStates}"));
                    return -1;
                }
                return q;
            }

            void Weight(int f)
            {
                if (!IsNumber(F(f)))
                    diagnostics.Add(Diagnostic.Error("ATT007", text, fieldStart[f], fieldEnd[f] - fieldStart[f], $"expected a weight (a number), found '{F(f)}'"));
            }

            void OutputLabel(int f)
            {
                if (!F(f).SequenceEqual(F(labelField)))
                    diagnostics.Add(Diagnostic.Error("ATT006", text, fieldStart[f], fieldEnd[f] - fieldStart[f], $"output label '{F(f)}' differs from input label '{F(labelField)}'; only acceptors are supported"));
            }

            int Symbol(int f)
            {
                var span = F(f);
                if (span.SequenceEqual(AttFormat.EpsilonLabel)) return Nfa.Epsilon;
                if (lookup.TryGetValue(span, out int id))
                {
                    used[id] = true;
                    return id;
                }
                if (alphabet is not null)
                {
                    diagnostics.Add(Diagnostic.Error("ATT005", text, fieldStart[f], span.Length, $"unknown symbol '{span}'; the alphabet is {alphabet}"));
                    return int.MinValue;
                }
                var name = span.ToString();
                if (!Alphabet.IsValidName(name))
                {
                    diagnostics.Add(Diagnostic.Error("ATT005", text, fieldStart[f], span.Length, $"'{name}' is not a valid symbol name (a letter or '_' followed by letters, digits or '_')"));
                    return int.MinValue;
                }
                if (names.Count == Alphabet.MaxSymbols)
                {
                    diagnostics.Add(Diagnostic.Error("ATT011", text, fieldStart[f], span.Length, $"symbol '{name}' would be symbol number {Alphabet.MaxSymbols + 1}; at most {Alphabet.MaxSymbols} are supported"));
                    return int.MinValue;
                }
                ids[name] = names.Count;
                names.Add(name);
                used.Add(true);
                return names.Count - 1;
            }
        }
        if (diagnostics.ErrorCount > 0) return null;
        if (s.Start < 0)
        {
            diagnostics.Add(Diagnostic.Error("ATT001", text, 0, 0, "the file has no arcs and no final states, so no start state; the first line's source is the start state"));
            return null;
        }
        if (names.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error("ATT001", text, 0, 0, "the file uses no symbol; give the alphabet explicitly"));
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
        for (int i = 0; i < sorted.Length; i++) remap[ids[sorted[i]]] = i;
        for (int i = 0; i < s.Count; i++) if (s._label[i] >= 0) s._label[i] = remap[s._label[i]];
        s.Alphabet = Alphabet.Create(sorted);
        s.Used = Enumerable.Repeat(true, sorted.Length).ToArray();
        return s;
    }

    private static bool IsNumber(ReadOnlySpan<char> span) =>
        double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || span.SequenceEqual("Infinity") || span.SequenceEqual("inf");
}
