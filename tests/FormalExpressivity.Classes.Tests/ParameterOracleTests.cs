using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Classes.Deciders;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Collections;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Classes.Tests;

/// <summary>Parameters against definitional oracles built independently of the deciders.</summary>
public class ParameterOracleTests
{
    private static readonly Alphabet Ab = Alphabet.Of("a", "b");

    /// <summary>
    /// The SL_k closure of L, built from its definition: G = every k-factor of ⋊w⋉ over w ∈ L (found on the
    /// product of the DFA with the last k−1 symbols read), then the SL_k automaton of G. L ∈ SL_k iff the two agree.
    /// </summary>
    private static bool IsStrictlyLocal(Dfa dfa, int k)
    {
        int m = dfa.SymbolCount, boundary = m; // symbol m stands for ⋊ / ⋉
        // Windows: sequences of the last k−1 symbols over Σ ∪ {⋊}, as strings.
        var start = string.Concat(Enumerable.Repeat((char)('0' + boundary), k - 1));
        var live = new bool[dfa.StateCount];
        for (int q = 0; q < live.Length; q++) live[q] = dfa.IsAccepting(q);
        for (bool changed = true; changed;)
        {
            changed = false;
            for (int q = 0; q < live.Length; q++)
                if (!live[q] && Enumerable.Range(0, m).Any(a => live[dfa.Next(q, a)])) live[q] = changed = true;
        }
        // Forward exploration of (state, window); a factor counts when the product state after it is live.
        var allowed = new HashSet<string>();
        var seen = new HashSet<(int, string)> { (dfa.Start, start) };
        var queue = new Queue<(int, string)>();
        queue.Enqueue((dfa.Start, start));
        while (queue.Count > 0)
        {
            var (q, w) = queue.Dequeue();
            if (dfa.IsAccepting(q)) allowed.Add(w + (char)('0' + boundary));
            for (int a = 0; a < m; a++)
            {
                int r = dfa.Next(q, a);
                if (!live[r]) continue;
                var factor = w + (char)('0' + a);
                allowed.Add(factor);
                var next = (r, factor[1..]);
                if (seen.Add(next)) queue.Enqueue(next);
            }
        }
        // The SL_k automaton: states = windows (+ sink), accepting iff window·⋉ allowed.
        var windows = new Dictionary<string, int> { [start] = 0 };
        var list = new List<string> { start };
        var trans = new List<int[]>();
        for (int i = 0; i < list.Count; i++)
        {
            var row = new int[m];
            for (int a = 0; a < m; a++)
            {
                var factor = list[i] + (char)('0' + a);
                if (!allowed.Contains(factor)) { row[a] = -1; continue; }
                var w = factor[1..];
                if (!windows.TryGetValue(w, out int j)) { j = windows[w] = list.Count; list.Add(w); }
                row[a] = j;
            }
            trans.Add(row);
        }
        int sink = list.Count;
        var table = new int[(sink + 1) * m];
        for (int i = 0; i < sink; i++) for (int a = 0; a < m; a++) table[i * m + a] = trans[i][a] < 0 ? sink : trans[i][a];
        for (int a = 0; a < m; a++) table[sink * m + a] = sink;
        var acc = new BitSet(sink + 1);
        for (int i = 0; i < sink; i++) if (allowed.Contains(list[i] + (char)('0' + boundary))) acc.Add(i);
        var sl = Dfa.Create(dfa.Alphabet, 0, table, acc);
        return Equivalence.AreEquivalent(sl, dfa);
    }

    [Test]
    public void Strictly_local_k_matches_the_definitional_closure()
    {
        foreach (var dfa in SmallDfas.AllMinimal(3, Ab))
        {
            var v = StrictlyLocalDecider.Decide(dfa);
            int? oracle = Enumerable.Range(1, 8).Cast<int?>().FirstOrDefault(k => IsStrictlyLocal(dfa, k!.Value));
            Assert.That(v.Parameter, Is.EqualTo(oracle), $"{SmallDfas.Key(dfa)}");
            Assert.That(v.Member, Is.EqualTo(oracle is not null));
        }
    }

    /// <summary>Conflicts among short words: two words with the same abstraction and different membership.</summary>
    private static bool ShortWordsConflict(Dfa dfa, Func<Word, string> abstraction, int maxLength)
    {
        var seen = new Dictionary<string, bool>();
        foreach (var w in RandomDfa.AllWords(dfa.Alphabet, maxLength))
        {
            var key = abstraction(w);
            bool acc = dfa.Accepts(w);
            if (seen.TryGetValue(key, out var prior) && prior != acc) return true;
            seen[key] = acc;
        }
        return false;
    }

    private static string LocalAbstraction(Word w, int k)
    {
        var s = string.Concat(w.Select(a => (char)('a' + a)));
        if (s.Length < k - 1) return "short:" + s;
        var factors = new SortedSet<string>(StringComparer.Ordinal);
        for (int i = 0; i + k <= s.Length; i++) factors.Add(s.Substring(i, k));
        return s[..(k - 1)] + "|" + s[^(k - 1)..] + "|" + string.Join(',', factors);
    }

    private static string PiecewiseAbstraction(Word w, int k)
    {
        var subs = new SortedSet<string>(StringComparer.Ordinal) { "" };
        foreach (var a in w)
            foreach (var s in subs.ToList())
                if (s.Length < k) subs.Add(s + (char)('a' + a));
        return string.Join(',', subs);
    }

    [Test]
    public void Least_k_of_LT_and_PT_are_not_refuted_by_short_words_and_k_minus_1_is()
    {
        foreach (var dfa in SmallDfas.AllMinimal(3, Ab))
        {
            var lt = LocallyTestableDecider.Decide(dfa);
            if (lt.Parameter is int k)
            {
                Assert.That(ShortWordsConflict(dfa, w => LocalAbstraction(w, k), 9), Is.False, $"LT_{k} {SmallDfas.Key(dfa)}");
                if (k > 1) Assert.That(ShortWordsConflict(dfa, w => LocalAbstraction(w, k - 1), 9), Is.True, $"not LT_{k - 1} {SmallDfas.Key(dfa)}");
            }
            else Assert.That(lt.Member, Is.False, "every small LT language gets its k");
            var pt = PiecewiseTestableDecider.Decide(dfa);
            if (pt.Parameter is int j)
            {
                Assert.That(ShortWordsConflict(dfa, w => PiecewiseAbstraction(w, j), 9), Is.False, $"PT_{j} {SmallDfas.Key(dfa)}");
                if (j > 0) Assert.That(ShortWordsConflict(dfa, w => PiecewiseAbstraction(w, j - 1), 9), Is.True, $"not PT_{j - 1} {SmallDfas.Key(dfa)}");
            }
            else Assert.That(pt.Member, Is.False, "every small PT language gets its k");
        }
    }
}
