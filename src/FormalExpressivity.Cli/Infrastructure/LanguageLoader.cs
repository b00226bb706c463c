using System.Text.Json;
using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Collections;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Cli.Infrastructure;

/// <summary>
/// Turns the LANG argument of <c>fex corpus</c> and <c>fex eval</c> into a DFA. Accepts a DFA JSON
/// file: <c>{"alphabet": ["a","b"], "start": 0, "accepting": [0], "transitions": [[0,1],[1,0]]}</c>
/// where <c>transitions[q][a]</c> is δ(q, a) (symbols in alphabet order), or a list of edges
/// <c>[{"from":0,"symbol":"a","to":1}, …]</c> (missing edges go to a rejecting sink).
/// </summary>
internal static class LanguageLoader
{
    /// <summary>Loads LANG; when <paramref name="alphabet"/> is given, the DFA is lifted to it (symbols matched by name).</summary>
    public static Dfa Load(string spec, Alphabet? alphabet)
    {
        var dfa = LoadJsonFile(spec);
        if (alphabet is null || alphabet.Equals(dfa.Alphabet)) return dfa;
        var missing = dfa.Alphabet.Symbols.Where(s => !alphabet.TryGetIndex(s, out _)).ToList();
        if (missing.Count > 0)
            throw new InputException("FEX-LANG", $"{spec}: the automaton uses {string.Join(", ", missing)}, which --alphabet {alphabet} does not declare");
        return dfa.WithAlphabet(alphabet);
    }

    private static Dfa LoadJsonFile(string path)
    {
        if (!File.Exists(path)) throw new InputException("FEX-LANG", $"{path}: no such file (LANG is a DFA JSON file)");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            int line = 1 + (int)(e.LineNumber ?? 0), col = 1 + (int)(e.BytePositionInLine ?? 0);
            throw new InputException([new Diagnostic("FEX-LANG", new SourceSpan(0, 0, line, col), $"{path}: malformed JSON: {e.Message.Split(" Path:")[0]}")]);
        }
        using (doc)
        {
            try
            {
                return FromJson(doc.RootElement);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or KeyNotFoundException)
            {
                throw new InputException("FEX-LANG", $"{path}: {e.Message}");
            }
        }
    }

    private static Dfa FromJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException("expected a JSON object with alphabet, start, accepting and transitions");
        var names = root.GetProperty("alphabet").EnumerateArray().Select(e => e.GetString() ?? throw new FormatException("alphabet entries must be strings")).ToList();
        var alphabet = Alphabet.Create(names);
        int start = root.TryGetProperty("start", out var s) ? s.GetInt32() : 0;
        var accepting = root.GetProperty("accepting").EnumerateArray().Select(e => e.GetInt32()).ToList();
        var transitions = root.GetProperty("transitions");
        var items = transitions.EnumerateArray().ToList();
        if (items.Count > 0 && items[0].ValueKind == JsonValueKind.Array)
        {
            int n = items.Count, k = alphabet.Count;
            var table = new int[n * k];
            for (int q = 0; q < n; q++)
            {
                var row = items[q].EnumerateArray().Select(e => e.GetInt32()).ToArray();
                if (row.Length != k) throw new FormatException($"transitions[{q}] has {row.Length} entries, expected one per symbol ({k})");
                row.CopyTo(table, q * k);
            }
            var acc = new BitSet(n);
            foreach (var q in accepting)
            {
                if ((uint)q >= (uint)n) throw new FormatException($"accepting state {q} is not a state (0..{n - 1})");
                acc.Add(q);
            }
            return Dfa.Create(alphabet, start, table, acc);
        }
        int states = root.TryGetProperty("states", out var st) ? st.GetInt32()
            : 1 + items.SelectMany(e => new[] { e.GetProperty("from").GetInt32(), e.GetProperty("to").GetInt32() }).Append(start).Concat(accepting).Max();
        var b = new AutomatonBuilder(alphabet);
        b.AddStates(states);
        foreach (var q in accepting) b.SetAccepting(q);
        b.AddStart(start);
        foreach (var e in items) b.AddTransition(e.GetProperty("from").GetInt32(), e.GetProperty("symbol").GetString()!, e.GetProperty("to").GetInt32());
        return b.BuildDfa();
    }
}
