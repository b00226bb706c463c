using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Collections;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Automata.Certificates;

/// <summary>
/// Decision procedures that return their evidence; <see cref="CertificateChecker"/> re-validates it
/// independently. Counterexamples are shortlex-least (BFS over the product, symbols in declared order).
/// </summary>
public static class Decisions
{
    /// <summary>The default largest DFA for which <see cref="Minimal"/> builds separating suffixes.</summary>
    public const int DefaultMaxCertificateStates = FormalExpressivity.Core.Limits.Budgets.DefaultMaxCertificateStates;

    /// <summary>
    /// Decides L(<paramref name="a"/>) = L(<paramref name="b"/>). The bisimulation is the set of
    /// reachable pairs of the product automaton, which agree on acceptance exactly when no word
    /// separates the languages.
    /// </summary>
    /// <param name="a">The first DFA.</param>
    /// <param name="b">The second DFA, over the same alphabet.</param>
    public static EquivalenceResult Equivalent(Dfa a, Dfa b)
    {
        var product = Products.Product(a, b, BooleanOperation.SymmetricDifference, out var pairs);
        var w = product.ShortlexLeastWord();
        return w is null ? new EquivalenceResult(true, null, ToPairs(pairs)) : new EquivalenceResult(false, w, null);
    }

    /// <summary>Decides L(<paramref name="a"/>) ⊆ L(<paramref name="b"/>); the simulation is the set of reachable product pairs.</summary>
    /// <param name="a">The DFA of the included language.</param>
    /// <param name="b">The DFA of the including language, over the same alphabet.</param>
    public static InclusionResult Included(Dfa a, Dfa b)
    {
        var product = Products.Product(a, b, BooleanOperation.Difference, out var pairs);
        var w = product.ShortlexLeastWord();
        return w is null ? new InclusionResult(true, null, ToPairs(pairs)) : new InclusionResult(false, w, null);
    }

    /// <summary>Decides L(<paramref name="dfa"/>) = ∅; the closed set is the set of reachable states.</summary>
    /// <param name="dfa">The DFA.</param>
    public static EmptinessResult Empty(Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        var words = dfa.ShortlexLeastWords(out var order);
        foreach (int q in order)
            if (dfa.IsAccepting(q)) return new EmptinessResult(false, words[q], null);
        return new EmptinessResult(true, null, order.Order().ToArray());
    }

    /// <summary>
    /// Decides whether <paramref name="dfa"/> is minimal (Myhill–Nerode: every state reachable and no two
    /// states equivalent). Evidence for "minimal": the shortlex-least access word of every state and a
    /// family W of suffixes with pairwise distinct acceptance vectors, grown Moore-style — whenever two
    /// states of one W-class have successors on a separated by w ∈ W, the suffix a·w is added.
    /// </summary>
    /// <param name="dfa">The DFA.</param>
    /// <param name="maxCertificateStates">Largest state count for which separating suffixes are built.</param>
    /// <exception cref="BudgetExceededException">The DFA is minimal but larger than <paramref name="maxCertificateStates"/>.</exception>
    public static MinimalityResult Minimal(Dfa dfa, int maxCertificateStates = DefaultMaxCertificateStates)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        int n = dfa.StateCount;
        var access = dfa.ShortlexLeastWords(out var order);
        if (order.Length < n)
        {
            int u = Enumerable.Range(0, n).First(q => access[q] is null);
            return new MinimalityResult(false, null, null, u, order.Order().ToArray(), null, null);
        }
        var classOf = Minimization.HopcroftPartition(dfa, out int classes);
        if (classes < n)
        {
            var firstOfClass = new int[classes];
            Array.Fill(firstOfClass, -1);
            for (int q = 0; q < n; q++)
            {
                int c = classOf[q];
                if (firstOfClass[c] < 0) { firstOfClass[c] = q; continue; }
                var pair = new StatePair(firstOfClass[c], q);
                return new MinimalityResult(false, null, null, null, null, pair, PairClosure(dfa, pair));
            }
        }
        if (n > maxCertificateStates)
            throw new BudgetExceededException("max-certificate-states", maxCertificateStates, "building separating suffixes for a minimality certificate");
        return new MinimalityResult(true, access.Select(w => w!).ToArray(), SeparatingSuffixes(dfa), null, null, null, null);
    }

    /// <summary>The pairs reachable from <paramref name="start"/> in the product of the DFA with itself.</summary>
    private static StatePair[] PairClosure(Dfa dfa, StatePair start)
    {
        var seen = new HashSet<StatePair> { start };
        var list = new List<StatePair> { start };
        for (int i = 0; i < list.Count; i++)
            for (int a = 0; a < dfa.SymbolCount; a++)
            {
                var next = new StatePair(dfa.Next(list[i].Left, a), dfa.Next(list[i].Right, a));
                if (seen.Add(next)) list.Add(next);
            }
        return list.ToArray();
    }

    private static Word[] SeparatingSuffixes(Dfa dfa)
    {
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var words = new List<Word>();
        var bits = new List<BitSet>();
        var classOf = new int[n];
        int classCount = 1;
        void AddWord(Word w)
        {
            var column = new BitSet(n);
            for (int q = 0; q < n; q++) if (dfa.IsAccepting(dfa.Run(q, w.Symbols))) column.Add(q);
            words.Add(w);
            bits.Add(column);
            var ids = new Dictionary<(int, bool), int>();
            for (int q = 0; q < n; q++)
            {
                var key = (classOf[q], column[q]);
                if (!ids.TryGetValue(key, out int id)) ids[key] = id = ids.Count;
                classOf[q] = id;
            }
            classCount = ids.Count;
        }
        AddWord(Word.Empty);
        var witness = new int[n];
        var witnessNext = new int[n];
        var splitThisRound = new bool[n];
        while (classCount < n)
        {
            // A new suffix is a·W[i]; (a, i) identifies it, so duplicates are dropped on the spot.
            var added = new List<(int Symbol, int Index)>();
            var addedSet = new HashSet<(int, int)>();
            Array.Clear(splitThisRound);
            for (int a = 0; a < k; a++)
            {
                Array.Fill(witness, -1);
                for (int q = 0; q < n; q++)
                {
                    int c = classOf[q], r = dfa.Next(q, a);
                    if (witness[c] < 0) { witness[c] = q; witnessNext[c] = r; continue; }
                    int r1 = witnessNext[c];
                    if (splitThisRound[c] || classOf[r1] == classOf[r]) continue;
                    int i = 0;
                    while (bits[i][r1] == bits[i][r]) i++;
                    if (addedSet.Add((a, i))) added.Add((a, i));
                    splitThisRound[c] = true;
                }
            }
            if (added.Count == 0) throw new InvalidOperationException("the W-classes form a congruence, so the DFA is not minimal; HopcroftPartition said it is");
            var newWords = added.Select(x => Word.Of(x.Symbol).Concat(words[x.Index])).ToArray();
            foreach (var w in newWords) AddWord(w);
        }
        return words.ToArray();
    }

    private static StatePair[] ToPairs((int Left, int Right)[] pairs) => pairs.Select(p => new StatePair(p.Left, p.Right)).ToArray();
}
