using System.Text.Json;
using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Collections;
using FormalExpressivity.Cli.Infrastructure;

namespace FormalExpressivity.Cli.Commands;

/// <summary>
/// Reads the LANG argument of <c>fex classify</c>: a JSON DFA file
/// (<c>{"type":"dfa","alphabet":[…],"states":n,"start":0,"accepting":[…],"transitions":[[from,"symbol",to],…]}</c>).
/// Interim reader until the shared language loader lands; every problem is one rendered error line.
/// </summary>
internal static class ClassifyInput
{
    public static Dfa Load(string path, string? alphabetText)
    {
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            throw new CliInputException($"fex: error: {path}: expected a .json DFA file\n");
        string text = File.ReadAllText(path);
        Dfa dfa;
        try
        {
            dfa = Parse(text);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            throw new CliInputException($"fex: error: {path}: {e.Message}\n");
        }
        if (alphabetText is null) return dfa;
        if (!Alphabet.TryParse(alphabetText, out var sigma, out var error))
            throw new CliInputException($"fex: error: --alphabet: {error}\n");
        foreach (var s in dfa.Alphabet.Symbols)
            if (!sigma!.TryGetIndex(s, out _))
                throw new CliInputException($"fex: error: --alphabet: symbol '{s}' of {path} is missing from {sigma}\n");
        return dfa.WithAlphabet(sigma!);
    }

    private static Dfa Parse(string text)
    {
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement;
        if (root.TryGetProperty("type", out var type) && type.GetString() != "dfa")
            throw new FormatException($"type '{type.GetString()}' is not supported here; expected \"dfa\"");
        var names = root.GetProperty("alphabet").EnumerateArray().Select(e => e.GetString() ?? throw new FormatException("alphabet entries must be strings")).ToArray();
        var sigma = Alphabet.Create(names);
        int n = root.GetProperty("states").GetInt32();
        if (n < 1 || n > 1_000_000) throw new FormatException($"states must be between 1 and 1000000, not {n}");
        int start = root.GetProperty("start").GetInt32();
        var acc = new BitSet(n);
        foreach (var a in root.GetProperty("accepting").EnumerateArray())
        {
            int q = a.GetInt32();
            if ((uint)q >= (uint)n) throw new FormatException($"accepting state {q} is not a state (0..{n - 1})");
            acc.Add(q);
        }
        var table = new int[n * sigma.Count];
        Array.Fill(table, -1);
        foreach (var t in root.GetProperty("transitions").EnumerateArray())
        {
            if (t.GetArrayLength() != 3) throw new FormatException("a transition is [from, \"symbol\", to]");
            int from = t[0].GetInt32(), to = t[2].GetInt32();
            string symbol = t[1].GetString() ?? throw new FormatException("transition symbols must be strings");
            if (!sigma.TryGetIndex(symbol, out int a)) throw new FormatException($"symbol '{symbol}' is not in the alphabet {sigma}");
            if ((uint)from >= (uint)n || (uint)to >= (uint)n) throw new FormatException($"transition [{from}, \"{symbol}\", {to}] names a state outside 0..{n - 1}");
            if (table[from * sigma.Count + a] >= 0) throw new FormatException($"state {from} has two transitions on '{symbol}'");
            table[from * sigma.Count + a] = to;
        }
        int missing = Array.IndexOf(table, -1);
        if (missing >= 0) throw new FormatException($"state {missing / sigma.Count} has no transition on '{sigma[missing % sigma.Count]}'");
        return Dfa.Create(sigma, start, table, acc);
    }
}
