using System.Globalization;
using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Exact;
using FormalExpressivity.Classes.Types;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Certificates;

/// <summary>
/// The small, separate checker of <see cref="LassoCertificate"/>s (docs/theory.md §Lasso certificates).
/// It shares no code with the search: it re-derives the residue class on the DFA (start·p·v^{n₀} is
/// fixed by v^{period}, x accepted and y rejected from it), lays the limit graph out as an explicit
/// position sequence p · v^R · t (R copies of the loop, enough for every window; loop nodes read their
/// window and past from the last copy) for the two tails only, and refines canonical text colours until
/// the partition is stable.
/// </summary>
public static class LassoCertificateChecker
{
    /// <summary>Null when the certificate is valid; otherwise why not.</summary>
    /// <param name="dfa">A DFA for L.</param>
    /// <param name="certificate">The certificate.</param>
    public static string? Check(Dfa dfa, LassoCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        ArgumentNullException.ThrowIfNull(certificate);
        var c = certificate;
        if (c.Loop.Length == 0) return "the loop is empty";
        if (c.Period < 1 || c.MinRepetition < 0) return "the residue class is malformed";
        int q = dfa.Run(c.Prefix.Concat(c.Loop.Repeat(c.MinRepetition)).Symbols);
        if (dfa.Run(q, c.Loop.Repeat(c.Period).Symbols) != q) return "start·p·v^n₀ is not fixed by v^period";
        if (!dfa.IsAccepting(dfa.Run(q, c.InTail.Symbols))) return "p·vⁿ·x is not in L";
        if (dfa.IsAccepting(dfa.Run(q, c.OutTail.Symbols))) return "p·vⁿ·y is in L";
        return SameLimitColour(c.Fragment, c.Prefix, c.Loop, c.InTail, c.OutTail) ? null : "the end nodes of x and y get different stable colours in the limit graph";
    }

    private static bool SameLimitColour(TypeFragment f, Word p, Word v, Word x, Word y)
    {
        int k = f.Window, m = v.Length;
        int copies = k / m + 2;
        // The shared part: positions of p, then `copies` copies of v; loop node of phase φ = the last copy's position.
        var seq = new List<string>();
        for (int i = 0; i < p.Length; i++) seq.Add("p" + i.ToString(CultureInfo.InvariantCulture));
        for (int j = 0; j < copies; j++)
            for (int phase = 0; phase < m; phase++) seq.Add("v" + phase.ToString(CultureInfo.InvariantCulture));
        var nodes = new Dictionary<string, (string Label, List<string> Window, List<string> Past)>(StringComparer.Ordinal);
        for (int i = 0; i < p.Length; i++)
            nodes[seq[i]] = ("s" + p[i].ToString(CultureInfo.InvariantCulture) + "|pre", WindowAt(seq, i, k), PastAt(seq.Take(i), seq[i], f));
        int lastCopy = p.Length + (copies - 1) * m;
        for (int phase = 0; phase < m; phase++)
            nodes["v" + phase.ToString(CultureInfo.InvariantCulture)] = ("s" + v[phase].ToString(CultureInfo.InvariantCulture), WindowAt(seq, lastCopy + phase, k), PastAt(seq.Distinct(), "v" + phase.ToString(CultureInfo.InvariantCulture), f));
        void AddTail(string name, Word t)
        {
            var s = new List<string>(seq);
            for (int i = 0; i <= t.Length; i++)
            {
                string id = i < t.Length ? name + i.ToString(CultureInfo.InvariantCulture) : name + "$";
                string label = i < t.Length ? "s" + t[i].ToString(CultureInfo.InvariantCulture) : "end";
                nodes[id] = (label, WindowAt(s, s.Count, k), PastAt(s.Distinct(), id, f));
                s.Add(id);
            }
        }
        AddTail("x", x);
        AddTail("y", y);
        var colour = nodes.ToDictionary(n => n.Key, n => n.Value.Label, StringComparer.Ordinal);
        int classes = colour.Values.Distinct().Count();
        while (true)
        {
            var next = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (id, (_, window, past)) in nodes)
            {
                var w = window.Select(j => colour[j]);
                if (f.Semantics == WindowSemantics.Set) w = w.Distinct();
                next[id] = colour[id] + "<" + string.Join(";", w.Order(StringComparer.Ordinal)) + ">{" + string.Join(";", past.Select(j => colour[j]).Distinct().Order(StringComparer.Ordinal)) + "}";
            }
            // Canonical short names keep the strings small; the partition is what matters.
            var names = next.Values.Distinct().Order(StringComparer.Ordinal).Select((s, i) => (s, i)).ToDictionary(t => t.s, t => "c" + t.i.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal);
            colour = next.ToDictionary(e => e.Key, e => names[e.Value], StringComparer.Ordinal);
            int now = names.Count;
            if (now == classes) return colour["x$"] == colour["y$"];
            classes = now;
        }
    }

    private static List<string> WindowAt(List<string> seq, int index, int k)
    {
        var w = new List<string>();
        for (int j = Math.Max(0, index - k); j < index; j++) w.Add(seq[j]);
        return w;
    }

    private static List<string> PastAt(IEnumerable<string> earlier, string self, TypeFragment f)
    {
        if (!f.Past) return [];
        var list = earlier.ToList();
        if (f.NonStrict) list.Add(self);
        return list;
    }
}
