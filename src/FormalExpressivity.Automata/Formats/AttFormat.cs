using System.Globalization;
using System.Text;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Collections;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Automata.Formats;

/// <summary>
/// The AT&amp;T FSM text format of OpenFst and the Language Toolkit (docs/formats.md, section
/// "AT&amp;T FSM text"): one arc per line, <c>src dst label</c> (optionally an equal output label and
/// a weight), and final-state lines <c>state [weight]</c>. The source of the first line is the start
/// state; symbols are written by name; <c>&lt;eps&gt;</c> is ε; weights are checked to be numbers and
/// otherwise ignored. The alphabet is the given one, or else the symbols used, sorted ordinally.
/// Readers never throw on bad input (codes <c>ATT001</c>–<c>ATT011</c>); writers are deterministic.
/// </summary>
public static class AttFormat
{
    /// <summary>The label of an ε-arc.</summary>
    public const string EpsilonLabel = "<eps>";

    /// <summary>The largest state number a file may use, plus one.</summary>
    public const int MaxStates = 50_000_000;

    /// <summary>
    /// Reads a deterministic automaton: every state needs exactly one arc per symbol used in the file.
    /// Symbols of <paramref name="alphabet"/> that the file never uses lead to a fresh rejecting sink.
    /// </summary>
    /// <param name="text">The file's content.</param>
    /// <param name="alphabet">The alphabet (every symbol of the file must be in it), or null to use the file's symbols, sorted ordinally.</param>
    public static ParseResult<Dfa> ReadDfa(string text, Alphabet? alphabet = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ReadDfa(Encoding.UTF8.GetBytes(text), alphabet);
    }

    /// <summary>
    /// <see cref="ReadDfa(string, Alphabet?)"/> on the file's UTF-8 bytes (without a byte-order mark), read in one pass
    /// without decoding them; diagnostic positions refer to the decoded text, as if the text had been given.
    /// </summary>
    /// <param name="utf8">The file's content.</param>
    /// <param name="alphabet">The alphabet, or null to use the file's symbols, sorted ordinally.</param>
    public static ParseResult<Dfa> ReadDfa(ReadOnlyMemory<byte> utf8, Alphabet? alphabet = null)
    {
        var diagnostics = new DiagnosticList();
        var arcs = AttScanner.Scan(utf8, alphabet, diagnostics);
        if (arcs is null) return ParseResult<Dfa>.Fail(diagnostics.Items);
        void Error(string code, int byteOffset, int byteLength, string message)
        {
            if (diagnostics.Accepts(DiagnosticSeverity.Error))
                diagnostics.Add(new Diagnostic(code, arcs.Positions.Span(byteOffset, byteLength, atLeastOneCharacter: false), message));
            else diagnostics.Omit();
        }
        var sigma = arcs.Alphabet;
        int n = arcs.StateCount, k = sigma.Count;
        var table = new int[n * k];
        Array.Fill(table, -1);
        for (int i = 0; i < arcs.Count && !diagnostics.Full; i++)
        {
            int from = arcs.From[i], a = arcs.Label[i];
            if (a == Nfa.Epsilon)
            {
                Error("ATT008", arcs.LabelOffset(i), EpsilonLabel.Length, "a DFA has no ε-arcs");
                continue;
            }
            ref int slot = ref table[from * k + a];
            if (slot >= 0)
                Error("ATT009", arcs.LineOffset(i), arcs.LineLength(i), $"state {from} already has an arc on '{sigma[a]}' (to {slot}); a DFA has one per symbol");
            else slot = arcs.To[i];
        }
        if (diagnostics.ErrorCount > 0) return ParseResult<Dfa>.Fail(diagnostics.Items);

        // Completeness over the symbols the file uses; unused declared symbols go to a sink.
        var firstArc = new int[n];
        Array.Fill(firstArc, -1);
        for (int i = arcs.Count - 1; i >= 0; i--) firstArc[arcs.From[i]] = i;
        bool needSink = false;
        for (int q = 0; q < n && !diagnostics.Full; q++)
            for (int a = 0; a < k; a++)
            {
                if (table[q * k + a] >= 0) continue;
                if (!arcs.Used[a]) { needSink = true; continue; }
                if (firstArc[q] >= 0)
                    Error("ATT010", arcs.LineOffset(firstArc[q]), arcs.LineLength(firstArc[q]), $"state {q} has no arc on '{sigma[a]}'; a DFA needs one per state and symbol");
                else
                    Error("ATT010", utf8.Length, 0, $"state {q} has no arcs at all (the states are numbered 0..{n - 1}); a DFA needs one arc per state and symbol");
                break;
            }
        if (diagnostics.ErrorCount > 0) return ParseResult<Dfa>.Fail(diagnostics.Items);
        int total = needSink ? n + 1 : n;
        if (needSink)
        {
            Array.Resize(ref table, total * k);
            for (int i = 0; i < table.Length; i++) if (i >= n * k || table[i] < 0) table[i] = n;
        }
        var acc = new BitSet(total);
        foreach (int q in arcs.Finals) acc.Add(q);
        // Every entry is a state below n (or the sink), so the table is handed over without a copy.
        return diagnostics.Result(() => Dfa.CreateUnchecked(sigma, arcs.Start, table, acc));
    }

    /// <summary>Reads a nondeterministic automaton (ε-arcs allowed, missing arcs allowed).</summary>
    /// <param name="text">The file's content.</param>
    /// <param name="alphabet">The alphabet, or null to use the file's symbols, sorted ordinally.</param>
    public static ParseResult<Nfa> ReadNfa(string text, Alphabet? alphabet = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = new DiagnosticList();
        var arcs = AttScanner.Scan(Encoding.UTF8.GetBytes(text), alphabet, diagnostics);
        if (arcs is null) return ParseResult<Nfa>.Fail(diagnostics.Items);
        var builder = new AutomatonBuilder(arcs.Alphabet);
        builder.AddStates(arcs.StateCount);
        builder.AddStart(arcs.Start);
        foreach (int q in arcs.Finals) builder.SetAccepting(q);
        for (int i = 0; i < arcs.Count; i++)
        {
            if (arcs.Label[i] == Nfa.Epsilon) builder.AddEpsilon(arcs.From[i], arcs.To[i]);
            else builder.AddTransition(arcs.From[i], arcs.Label[i], arcs.To[i]);
        }
        return diagnostics.Result(builder.BuildNfa);
    }

    /// <summary>Writes <paramref name="dfa"/>: the start state's arcs first, then the other states increasing, symbols in declared order; then the final states.</summary>
    /// <param name="dfa">The DFA.</param>
    public static string Write(Dfa dfa)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Write(dfa, text);
        return text.ToString();
    }

    /// <summary>Streams <paramref name="dfa"/> to <paramref name="output"/> in the order of <see cref="Write(Dfa)"/>, through one pooled buffer.</summary>
    /// <param name="dfa">The DFA.</param>
    /// <param name="output">The destination (not flushed or closed).</param>
    public static void Write(Dfa dfa, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        ArgumentNullException.ThrowIfNull(output);
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var table = dfa.Table;
        var names = dfa.Alphabet.Symbols;
        using var o = new BufferedTextOutput(output);
        void Arcs(ReadOnlySpan<int> table, int q)
        {
            for (int a = 0; a < k; a++)
                o.Append(q).Append(' ').Append(table[q * k + a]).Append(' ').Append(names[a]).Append('\n');
        }
        Arcs(table, dfa.Start);
        for (int q = 0; q < n; q++) if (q != dfa.Start) Arcs(table, q);
        for (int q = 0; q < n; q++) if (dfa.IsAccepting(q)) o.Append(q).Append('\n');
    }

    /// <summary>
    /// Writes <paramref name="nfa"/>. The format has one start state: an NFA with several (or none)
    /// gets a fresh start state with ε-arcs to each. A start state without arcs is introduced by a
    /// harmless ε self-loop so that it still comes first.
    /// </summary>
    /// <param name="nfa">The NFA.</param>
    public static string Write(Nfa nfa)
    {
        ArgumentNullException.ThrowIfNull(nfa);
        var sb = new StringBuilder();
        int n = nfa.StateCount;
        int start;
        if (nfa.StartStates.Length == 1) start = nfa.StartStates[0];
        else
        {
            start = n;
            foreach (int s in nfa.StartStates) Line(sb, start, s, EpsilonLabel);
            if (nfa.StartStates.Length == 0) Line(sb, start, start, EpsilonLabel);
        }
        void Arcs(int q)
        {
            var labels = nfa.Labels(q);
            var targets = nfa.Targets(q);
            for (int i = 0; i < labels.Length; i++) Line(sb, q, targets[i], labels[i] == Nfa.Epsilon ? EpsilonLabel : nfa.Alphabet[labels[i]]);
        }
        if (start < n)
        {
            if (nfa.Labels(start).IsEmpty) Line(sb, start, start, EpsilonLabel);
            Arcs(start);
        }
        for (int q = 0; q < n; q++) if (q != start) Arcs(q);
        foreach (int q in nfa.AcceptingStates().Elements()) sb.Append(q.ToString(CultureInfo.InvariantCulture)).Append('\n');
        return sb.ToString();
    }

    private static void Line(StringBuilder sb, int from, int to, string label) =>
        sb.Append(from.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(to.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(label).Append('\n');
}
