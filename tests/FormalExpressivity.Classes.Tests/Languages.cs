using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Tests;

/// <summary>The witness languages of theory.md §4 and the benchmark languages of §9 as minimal DFAs, built from NFAs.</summary>
public static class Languages
{
    /// <summary>An NFA from "p sym q" triples (sym may be "*" for every symbol), start 0, then determinized and minimized.</summary>
    public static Dfa Build(string[] symbols, int states, string transitions, params int[] accepting)
    {
        var alphabet = Alphabet.Create(symbols);
        var b = new AutomatonBuilder(alphabet);
        b.AddStates(states);
        b.AddStart(0);
        foreach (var q in accepting) b.SetAccepting(q);
        foreach (var t in transitions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = t.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int from = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            int to = int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
            foreach (var sym in parts[1].Split('|'))
            {
                if (sym == "*") { for (int a = 0; a < alphabet.Count; a++) b.AddTransition(from, a, to); }
                else if (sym.StartsWith('^'))
                {
                    var excluded = sym[1..].Split('/');
                    for (int a = 0; a < alphabet.Count; a++)
                        if (!excluded.Contains(alphabet[a])) b.AddTransition(from, a, to);
                }
                else b.AddTransition(from, sym, to);
            }
        }
        return SubsetConstruction.Determinize(b.BuildNfa(), 10_000).Minimize();
    }

    private static readonly string[] Ab = ["a", "b"];
    private static readonly string[] Abc = ["a", "b", "c"];

    /// <summary>Name → (minimal DFA); the alphabet is part of every definition.</summary>
    public static IReadOnlyList<(string Name, Dfa Dfa)> All() =>
    [
        ("PARITY {a,b}: even number of b", Build(Ab, 2, "0 a 0, 0 b 1, 1 a 1, 1 b 0", 0)),
        ("DYCK-(1,2) {a,b}: (a(ab)*b)*", Build(Ab, 3, "0 a 1, 1 b 0, 1 a 2, 2 b 1", 0)),
        ("DYCK-(1,1) {a,b}: (ab)*", Build(Ab, 2, "0 a 1, 1 b 0", 0)),
        ("LT-2 {a,b,c}: Σ*abΣ*", Build(Abc, 3, "0 * 0, 0 a 1, 1 b 2, 2 * 2", 2)),
        ("RDP-1 {a,b0,b1,c}: (Σ∖{b0})* a (Σ∖{a,b1})*", Build(["a", "b0", "b1", "c"], 2, "0 ^b0 0, 0 a 1, 1 ^a/b1 1", 1)),
        ("LAST {a,b}: Σ*b", Build(Ab, 2, "0 * 0, 0 b 1", 1)),
        ("PT-2 {a,b,c}: Σ*aΣ*bΣ*", Build(Abc, 3, "0 * 0, 0 a 1, 1 * 1, 1 b 2, 2 * 2", 2)),
        ("LT-1 {a,b}: Σ*aΣ*", Build(Ab, 2, "0 * 0, 0 a 1, 1 * 1", 1)),
        ("LDP-1 {a,b0,b1,c}: (Σ∖{a,b0})* a (Σ∖{b1})*", Build(["a", "b0", "b1", "c"], 2, "0 ^a/b0 0, 0 a 1, 1 ^b1 1", 1)),
        ("LDP-2 {a1,a2,b0,b1,b2,c}: (Σ∖{a1,b0})* a1 (Σ∖{a2,b1})* a2 (Σ∖{b2})*",
            Build(["a1", "a2", "b0", "b1", "b2", "c"], 3, "0 ^a1/b0 0, 0 a1 1, 1 ^a2/b1 1, 1 a2 2, 2 ^b2 2", 2)),
        ("FIRST {a,b}: bΣ*", Build(Ab, 2, "0 b 1, 1 * 1", 1)),
        ("aΣ* {a,b}", Build(Ab, 2, "0 a 1, 1 * 1", 1)),
        ("Σ*a {a,b}", Build(Ab, 2, "0 * 0, 0 a 1", 1)),
        ("Σ*ab {a,b}", Build(Ab, 3, "0 * 0, 0 a 1, 1 b 2", 2)),
        ("Σ*aΣ*bΣ* {a,b}", Build(Ab, 3, "0 * 0, 0 a 1, 1 * 1, 1 b 2, 2 * 2", 2)),
        ("Σ*abΣ* {a,b}", Build(Ab, 3, "0 * 0, 0 a 1, 1 b 2, 2 * 2", 2)),
        ("L_2 {a,b}: an a among the last 2", Build(Ab, 3, "0 * 0, 0 a 1, 0 a 2, 1 * 2", 1, 2)),
        ("aΣ* ∩ L_2 {a,b}: starts with a, an a among the last 2", Build(Ab, 5, "0 a 1, 0 a 3, 0 a 4, 1 * 1, 1 a 2, 1 a 3, 2 * 3", 3, 4)),
        ("Σ*abΣ* {a,b,c}", Build(Abc, 3, "0 * 0, 0 a 1, 1 b 2, 2 * 2", 2)),
        ("L_3 {a,b}: an a among the last 3", Build(Ab, 4, "0 * 0, 0 a 1, 1 * 2, 2 * 3, 0 a 2, 0 a 3, 1 * 3", 1, 2, 3)),
        ("aΣ*b {a,b}", Build(Ab, 3, "0 a 1, 1 * 1, 1 b 2", 2)),
        ("{ε} {a,b}", Build(Ab, 1, "", 0)),
        ("Σ* {a,b}", Build(Ab, 1, "0 * 0", 0)),
    ];
}
