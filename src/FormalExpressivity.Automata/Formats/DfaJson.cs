using System.Globalization;
using System.Text;
using System.Text.Json;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Collections;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Automata.Formats;

/// <summary>
/// The JSON automaton format (docs/formats.md, section "JSON automata"):
/// <c>{"type":"dfa","alphabet":["a","b"],"states":3,"start":0,"accepting":[2],"transitions":[[0,"a",1],…]}</c>.
/// Readers never throw on bad input: they return every problem (up to 20 errors) as a positioned
/// <see cref="Diagnostic"/> with a stable code <c>JSON001</c>–<c>JSON016</c>. Writers are
/// deterministic (states increasing, symbols in declared order, invariant culture).
/// </summary>
public static class DfaJson
{
    /// <summary>The largest state count a file may declare (a guard against absurd allocations).</summary>
    public const int MaxStates = 50_000_000;

    /// <summary>Reads a deterministic automaton. Every state needs exactly one transition per symbol.</summary>
    /// <param name="text">The file's content.</param>
    /// <param name="determinizeNfa">When true, a file of type <c>"nfa"</c> is read as an NFA and determinized (subset construction); otherwise it is an error.</param>
    /// <param name="maxStates">Budget <c>max-states</c> of the subset construction.</param>
    public static ParseResult<Dfa> ReadDfa(string text, bool determinizeNfa = false, int maxStates = FormalExpressivity.Automata.Operations.SubsetConstruction.DefaultMaxStates)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ReadDfa(Encoding.UTF8.GetBytes(text), determinizeNfa, maxStates);
    }

    /// <summary>
    /// <see cref="ReadDfa(string, bool, int)"/> on the file's UTF-8 bytes (without a byte-order mark), read in one pass with
    /// no object per transition; diagnostic positions refer to the decoded text, as if the text had been given.
    /// </summary>
    /// <param name="utf8">The file's content.</param>
    /// <param name="determinizeNfa">When true, a file of type <c>"nfa"</c> is determinized; otherwise it is an error.</param>
    /// <param name="maxStates">Budget <c>max-states</c> of the subset construction.</param>
    public static ParseResult<Dfa> ReadDfa(ReadOnlyMemory<byte> utf8, bool determinizeNfa = false, int maxStates = FormalExpressivity.Automata.Operations.SubsetConstruction.DefaultMaxStates)
    {
        var diagnostics = new DiagnosticList();
        var r = new JsonAutomatonReader(utf8, diagnostics);
        if (!r.Read()) return ParseResult<Dfa>.Fail(diagnostics.Items);
        if (r.Type == "nfa")
        {
            if (determinizeNfa) return ReadNfa(utf8).Select(nfa => nfa.Determinize(maxStates));
            r.Error("JSON011", r.TypeValue!.Offset, r.TypeValue.Length, "the file describes an NFA where a DFA is required");
            return ParseResult<Dfa>.Fail(diagnostics.Items);
        }
        var common = Validate(r, deterministic: true);
        if (common is null) return ParseResult<Dfa>.Fail(diagnostics.Items);
        var (alphabet, n, starts, acc) = common.Value;
        int k = alphabet.Count;
        var table = new int[n * k];
        Array.Fill(table, -1);
        var symbolOf = SymbolIds(r, alphabet);
        var transitions = r.Transitions!;
        for (int i = 0; i < transitions.Count; i++)
        {
            if (!Resolve(r, i, symbolOf, alphabet, n, deterministic: true, out int a)) continue;
            int from = transitions.From[i];
            ref int slot = ref table[from * k + a];
            if (slot < 0) slot = transitions.To[i];
            else if (diagnostics.Accepts(DiagnosticSeverity.Error))
            {
                var t = r.Parts(i);
                r.Error("JSON009", t.Offset, t.Length, $"state {from} already has a transition on '{alphabet[a]}' (to {slot}); a DFA has one per symbol");
            }
            else diagnostics.Omit();
        }
        if (diagnostics.ErrorCount == 0)
            for (int i = 0; i < table.Length && !diagnostics.Full; i++)
                if (table[i] < 0)
                    r.Error("JSON010", r.TransitionsOffset, 1, $"state {i / k} has no transition on '{alphabet[i % k]}'; a DFA needs one per state and symbol");
        // Every entry was checked to be a state below n, so the table is handed over without a copy.
        return diagnostics.Result(() => Dfa.CreateUnchecked(alphabet, starts[0], table, acc));
    }

    /// <summary>Reads a nondeterministic automaton (type <c>"nfa"</c> or <c>"dfa"</c>); a <c>null</c> symbol is an ε-edge.</summary>
    /// <param name="text">The file's content.</param>
    public static ParseResult<Nfa> ReadNfa(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ReadNfa(Encoding.UTF8.GetBytes(text));
    }

    private static ParseResult<Nfa> ReadNfa(ReadOnlyMemory<byte> utf8)
    {
        var diagnostics = new DiagnosticList();
        var r = new JsonAutomatonReader(utf8, diagnostics);
        if (!r.Read()) return ParseResult<Nfa>.Fail(diagnostics.Items);
        var common = Validate(r, deterministic: false);
        if (common is null) return ParseResult<Nfa>.Fail(diagnostics.Items);
        var (alphabet, n, starts, acc) = common.Value;
        var builder = new AutomatonBuilder(alphabet);
        builder.AddStates(n);
        foreach (int q in acc.Elements()) builder.SetAccepting(q);
        foreach (int s in starts) builder.AddStart(s);
        var symbolOf = SymbolIds(r, alphabet);
        var transitions = r.Transitions!;
        for (int i = 0; i < transitions.Count; i++)
        {
            if (!Resolve(r, i, symbolOf, alphabet, n, deterministic: false, out int a)) continue;
            if (a == Nfa.Epsilon) builder.AddEpsilon(transitions.From[i], transitions.To[i]);
            else builder.AddTransition(transitions.From[i], a, transitions.To[i]);
        }
        return diagnostics.Result(builder.BuildNfa);
    }

    /// <summary>Checks the fields shared by DFAs and NFAs; null when an error makes building impossible.</summary>
    private static (Alphabet Alphabet, int States, int[] Starts, BitSet Accepting)? Validate(JsonAutomatonReader r, bool deterministic)
    {
        int errorsBefore = ErrorCount(r);
        if (r.Type is not null and not "dfa" and not "nfa")
            r.Error("JSON011", r.TypeValue!.Offset, r.TypeValue.Length, $"unknown automaton type \"{r.Type}\"; expected \"dfa\" or \"nfa\"");
        if (!r.Seen.Contains("alphabet")) r.Error("JSON003", 0, 1, "the key \"alphabet\" is missing");
        if (!r.Seen.Contains("states")) r.Error("JSON003", 0, 1, "the key \"states\" is missing");
        if (!r.Seen.Contains("start")) r.Error("JSON003", 0, 1, "the key \"start\" is missing");
        if (!r.Seen.Contains("transitions")) r.Error("JSON003", 0, 1, "the key \"transitions\" is missing");

        Alphabet? alphabet = null;
        if (r.Alphabet is not null)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            bool ok = true;
            foreach (var name in r.Alphabet)
            {
                if (!Alphabet.IsValidName(name.Item)) { r.Error("JSON006", name.Offset, name.Length, $"\"{name.Item}\" is not a valid symbol name (a letter or '_' followed by letters, digits or '_')"); ok = false; }
                else if (!seen.Add(name.Item)) { r.Error("JSON006", name.Offset, name.Length, $"symbol \"{name.Item}\" is declared twice"); ok = false; }
            }
            if (r.Alphabet.Count == 0) { r.Error("JSON006", r.AlphabetOffset, 1, "the alphabet is empty; declare at least one symbol"); ok = false; }
            else if (r.Alphabet.Count > Alphabet.MaxSymbols) { r.Error("JSON006", r.AlphabetOffset, 1, $"the alphabet has {r.Alphabet.Count} symbols; at most {Alphabet.MaxSymbols} are supported"); ok = false; }
            if (ok) alphabet = Alphabet.Create(r.Alphabet.Select(v => v.Item));
        }

        int n = -1;
        if (r.States is not null)
        {
            if (r.States.Item < 1) r.Error("JSON012", r.States.Offset, r.States.Length, "an automaton needs at least one state");
            else if (r.States.Item > MaxStates) r.Error("JSON012", r.States.Offset, r.States.Length, $"{r.States.Item} states exceed the limit of {MaxStates}");
            else n = r.States.Item;
        }

        var starts = new List<int>();
        if (r.Start is not null && n > 0)
        {
            if (deterministic && r.Start.Count != 1)
                r.Error("JSON015", r.StartOffset, 1, $"a DFA has exactly one start state, found {r.Start.Count}");
            foreach (var s in r.Start)
                if (CheckState(r, s, n, "start state")) starts.Add(s.Item);
        }

        var acc = new BitSet(Math.Max(n, 0));
        if (r.Accepting is not null && n > 0)
            for (int i = 0; i < r.Accepting.Count; i++)
            {
                var q = r.Accepting[i];
                if (!CheckState(r, q, n, "accepting state")) continue;
                if (acc[q.Item]) r.Warning("JSON016", q.Offset, q.Length, $"accepting state {q.Item} is listed twice");
                acc.Add(q.Item);
            }

        if (ErrorCount(r) > errorsBefore || alphabet is null || n < 0 || r.Start is null || r.Transitions is null) return null;
        return (alphabet, n, starts.Distinct().Order().ToArray(), acc);
    }

    private static int ErrorCount(JsonAutomatonReader r) => r.ErrorCount;

    private static bool CheckState(JsonAutomatonReader r, JsonAutomatonReader.Value<int> q, int n, string what)
    {
        if (q.Item < n) return true;
        r.Error("JSON008", q.Offset, q.Length, $"{what} {q.Item} is out of range; the automaton has states 0..{n - 1}");
        return false;
    }

    /// <summary>The alphabet index of every label id of the reader (−1 for a name the alphabet lacks).</summary>
    private static int[] SymbolIds(JsonAutomatonReader r, Alphabet alphabet) =>
        r.Labels.Names.Select(name => alphabet.TryGetIndex(name, out int a) ? a : -1).ToArray();

    private static bool Resolve(JsonAutomatonReader r, int i, int[] symbolOf, Alphabet alphabet, int n, bool deterministic, out int symbol)
    {
        var transitions = r.Transitions!;
        int label = transitions.Label[i];
        symbol = label < 0 ? Nfa.Epsilon : symbolOf[label];
        bool fromOk = transitions.From[i] < n, toOk = transitions.To[i] < n;
        bool labelOk = label < 0 ? !deterministic : symbol >= 0;
        if (fromOk && toOk && labelOk) return true;
        // Positions are re-read only for a transition with an error, and reported in the order source, label, target.
        if (!r.AcceptsErrors)
        {
            r.OmitError(); // at least one error in this transition
            return false;
        }
        var t = r.Parts(i);
        CheckState(r, t.From, n, "state");
        if (t.Label.Item is null)
        {
            if (deterministic) r.Error("JSON014", t.Label.Offset, t.Label.Length, "a DFA has no ε-transitions (null symbol)");
        }
        else if (!labelOk)
            r.Error("JSON007", t.Label.Offset, t.Label.Length, $"unknown symbol \"{t.Label.Item}\"; the alphabet is {alphabet}");
        CheckState(r, t.To, n, "state");
        return false;
    }

    /// <summary>Writes <paramref name="dfa"/> as JSON (type <c>"dfa"</c>), one transition per line.</summary>
    /// <param name="dfa">The DFA.</param>
    public static string Write(Dfa dfa)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Write(dfa, text);
        return text.ToString();
    }

    /// <summary>Streams <paramref name="dfa"/> as in <see cref="Write(Dfa)"/> to <paramref name="output"/>, through one pooled buffer.</summary>
    /// <param name="dfa">The DFA.</param>
    /// <param name="output">The destination (not flushed or closed).</param>
    public static void Write(Dfa dfa, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        ArgumentNullException.ThrowIfNull(output);
        var header = new StringBuilder();
        Header(header, "dfa", dfa.Alphabet, dfa.StateCount);
        header.Append("  \"start\": ").Append(Num(dfa.Start)).Append(",\n");
        using var o = new BufferedTextOutput(output);
        o.Append(header.ToString()).Append("  \"accepting\": [");
        bool first = true;
        for (int q = 0; q < dfa.StateCount; q++)
            if (dfa.IsAccepting(q))
            {
                if (!first) o.Append(", ");
                o.Append(q);
                first = false;
            }
        o.Append("],\n").Append("  \"transitions\": [");
        var labels = dfa.Alphabet.Symbols.Select(Quote).ToArray();
        var table = dfa.Table;
        int k = dfa.SymbolCount;
        for (int q = 0; q < dfa.StateCount; q++)
            for (int a = 0; a < k; a++)
                o.Append(q == 0 && a == 0 ? "\n    [" : ",\n    [").Append(q).Append(", ").Append(labels[a]).Append(", ").Append(table[q * k + a]).Append(']');
        o.Append("\n  ]\n}\n");
    }

    /// <summary>Writes <paramref name="nfa"/> as JSON (type <c>"nfa"</c>, ε as <c>null</c>).</summary>
    /// <param name="nfa">The NFA.</param>
    public static string Write(Nfa nfa)
    {
        ArgumentNullException.ThrowIfNull(nfa);
        var sb = new StringBuilder();
        Header(sb, "nfa", nfa.Alphabet, nfa.StateCount);
        sb.Append("  \"start\": [").Append(string.Join(", ", nfa.StartStates.ToArray().Select(Num))).Append("],\n");
        Accepting(sb, nfa.AcceptingStates());
        sb.Append("  \"transitions\": [");
        bool first = true;
        for (int q = 0; q < nfa.StateCount; q++)
        {
            var labels = nfa.Labels(q);
            var targets = nfa.Targets(q);
            for (int i = 0; i < labels.Length; i++)
            {
                Transition(sb, q, labels[i] == Nfa.Epsilon ? "null" : Quote(nfa.Alphabet[labels[i]]), targets[i], first);
                first = false;
            }
        }
        sb.Append(first ? "]\n}\n" : "\n  ]\n}\n");
        return sb.ToString();
    }

    private static void Header(StringBuilder sb, string type, Alphabet alphabet, int states)
    {
        sb.Append("{\n  \"type\": \"").Append(type).Append("\",\n");
        sb.Append("  \"alphabet\": [").Append(string.Join(", ", alphabet.Symbols.Select(Quote))).Append("],\n");
        sb.Append("  \"states\": ").Append(Num(states)).Append(",\n");
    }

    private static void Accepting(StringBuilder sb, BitSet accepting) =>
        sb.Append("  \"accepting\": [").Append(string.Join(", ", accepting.Elements().Select(Num))).Append("],\n");

    private static void Transition(StringBuilder sb, int from, string label, int to, bool first) =>
        sb.Append(first ? "\n    [" : ",\n    [").Append(Num(from)).Append(", ").Append(label).Append(", ").Append(Num(to)).Append(']');

    private static string Num(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string name) => Core.Text.JsonOutput.Quote(name);
}
