using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Types;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Classes.Exact;

/// <summary>Budgets of the lasso search (sizes of p, v and the tails; each names itself in reports).</summary>
/// <param name="MaxPrefix">Budget <c>max-lasso-prefix</c>: the longest prefix p tried.</param>
/// <param name="MaxLoop">Budget <c>max-lasso-loop</c>: the longest loop v tried.</param>
/// <param name="MaxTailNodes">Budget <c>max-lasso-tails</c>: the tail trie holds all tails up to the longest length whose trie has at most this many nodes.</param>
/// <param name="MaxCandidates">Budget <c>max-lasso-candidates</c>: the number of (p, v) pairs refined.</param>
public sealed record LassoSearchOptions(int MaxPrefix = 3, int MaxLoop = 4, int MaxTailNodes = 128, int MaxCandidates = 200);

/// <summary>The outcome of a lasso search: a certificate, or the bounds searched without one.</summary>
/// <param name="Certificate">The first certificate found (smallest |p| + |v|, then shortest tails), or null.</param>
/// <param name="Bound">What was searched, e.g. <c>|p| ≤ 3, |v| ≤ 4, |x|, |y| ≤ 6</c>.</param>
public sealed record LassoSearchResult(LassoCertificate? Certificate, string Bound);

/// <summary>
/// Searches lasso families p·vⁿ·x ∈ L, p·vⁿ·y ∉ L whose end nodes share a stable colour in the
/// <see cref="LimitGraph"/> (docs/theory.md §Lasso certificates), by increasing |p| + |v|. All tails up to
/// a length go into one trie, so one colour refinement per (p, v) compares every pair of tails.
/// </summary>
public static class LassoSearch
{
    /// <summary>Runs the search on a DFA for L.</summary>
    /// <param name="dfa">A DFA for L (minimal or not).</param>
    /// <param name="fragment">The fragment to refute.</param>
    /// <param name="options">Budgets (defaults when null).</param>
    public static LassoSearchResult Find(Dfa dfa, TypeFragment fragment, LassoSearchOptions? options = null) =>
        FindStepwise(dfa, fragment, options).Last()!;

    /// <summary>
    /// <see cref="Find"/> in bounded steps: every element but the last is null and stands for one (p, v)
    /// candidate refined (<see cref="TryLasso"/>, bounded by <c>max-lasso-tails</c>); the last element is the
    /// result, the same one <see cref="Find"/> returns. A caller may stop enumerating at any step.
    /// </summary>
    /// <param name="dfa">A DFA for L (minimal or not).</param>
    /// <param name="fragment">The fragment to refute.</param>
    /// <param name="options">Budgets (defaults when null).</param>
    /// <param name="work">A work counter shared with other searches (budget <c>max-search-work</c>): one unit per (p, v) candidate; null for none.</param>
    public static IEnumerable<LassoSearchResult?> FindStepwise(Dfa dfa, TypeFragment fragment, LassoSearchOptions? options = null, WorkBudget? work = null)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        ArgumentNullException.ThrowIfNull(fragment);
        fragment.Validate();
        return Steps(dfa, fragment, options ?? new LassoSearchOptions(), work);
    }

    private static IEnumerable<LassoSearchResult?> Steps(Dfa dfa, TypeFragment fragment, LassoSearchOptions options, WorkBudget? work)
    {
        int sigma = dfa.SymbolCount;
        int tailLength = TailLength(sigma, options.MaxTailNodes);
        string bound = $"|p| ≤ {options.MaxPrefix}, |v| ≤ {options.MaxLoop}, |x|, |y| ≤ {tailLength} (--max-lasso-prefix, --max-lasso-loop, --max-lasso-tails)";
        if (sigma == 0)
        {
            yield return new LassoSearchResult(null, bound);
            yield break;
        }
        // Prefixes are pruned by DFA behaviour (one per reached state, the shortlex-first); a heuristic that keeps
        // the search small — completeness is not claimed, and every certificate is checked.
        var prefixStates = new HashSet<int>();
        var prefixes = new List<Word>();
        for (int pl = 0; pl <= options.MaxPrefix; pl++)
            foreach (var p in Words(sigma, pl))
                if (prefixStates.Add(dfa.Run(p.Symbols))) prefixes.Add(p);
        var loops = new List<Word>();
        for (int vl = 1; vl <= options.MaxLoop; vl++)
            foreach (var v in Words(sigma, vl))
                if (IsPrimitive(v)) loops.Add(v);
        int tried = 0;
        for (int size = 1; size <= options.MaxPrefix + options.MaxLoop; size++)
            foreach (var p in prefixes)
            {
                int vl = size - p.Length;
                if (vl < 1 || vl > options.MaxLoop) continue;
                foreach (var v in loops)
                {
                    if (v.Length != vl) continue;
                    if (++tried > options.MaxCandidates)
                    {
                        yield return new LassoSearchResult(null, bound + $"; stopped after {options.MaxCandidates} (p, v) candidates: raise --max-lasso-candidates");
                        yield break;
                    }
                    if (Refused(work, fragment) is { } stop)
                    {
                        yield return new LassoSearchResult(null, bound + $"; stopped after {tried - 1} (p, v) candidates by the budget {stop.BudgetName} = {stop.Limit} shared with the type search: raise --{stop.BudgetName}");
                        yield break;
                    }
                    var c = TryLasso(dfa, fragment, p, v, tailLength);
                    if (c is not null)
                    {
                        yield return new LassoSearchResult(c, bound);
                        yield break;
                    }
                    yield return null;
                }
            }
        yield return new LassoSearchResult(null, bound);
    }

    /// <summary>The certificate for one (p, v), comparing every pair of tails up to <paramref name="tailLength"/>, or null.</summary>
    /// <param name="dfa">A DFA for L.</param>
    /// <param name="fragment">The fragment.</param>
    /// <param name="p">The prefix.</param>
    /// <param name="v">The loop (non-empty).</param>
    /// <param name="tailLength">The longest tail.</param>
    public static LassoCertificate? TryLasso(Dfa dfa, TypeFragment fragment, Word p, Word v, int tailLength)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        ArgumentNullException.ThrowIfNull(fragment);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(v);
        if (v.Length == 0) throw new ArgumentException("the loop must be non-empty", nameof(v));
        var (pre, period, states) = LoopStates(dfa, p, v);
        var graph = new LimitGraph(fragment, dfa.SymbolCount, p, v);
        var tails = new List<Word> { Word.Empty };
        var ancestors = new List<int[]> { Array.Empty<int>() };
        var ends = new List<int> { graph.AddTail([], null) };
        for (int i = 0; i < tails.Count; i++)
        {
            if (tails[i].Length >= tailLength) continue;
            for (int a = 0; a < dfa.SymbolCount; a++)
            {
                int node = graph.AddTail(ancestors[i], a);
                var anc = ancestors[i].Append(node).ToArray();
                tails.Add(tails[i].Append(a));
                ancestors.Add(anc);
                ends.Add(graph.AddTail(anc, null));
            }
        }
        var colour = graph.StableColours();
        LassoCertificate? best = null;
        for (int r = 0; r < period; r++)
        {
            int q = states[pre + r];
            var firstIn = new Dictionary<int, int>();
            var firstOut = new Dictionary<int, int>();
            for (int t = 0; t < tails.Count; t++)
            {
                bool acc = dfa.IsAccepting(dfa.Run(q, tails[t].Symbols));
                (acc ? firstIn : firstOut).TryAdd(colour[ends[t]], t);
            }
            foreach (var (c, ti) in firstIn)
            {
                if (!firstOut.TryGetValue(c, out int to)) continue;
                var cand = new LassoCertificate(fragment, p, v, tails[ti], tails[to], pre + r, period);
                if (best is null || Size(cand) < Size(best)) best = cand;
            }
        }
        return best;
    }

    /// <summary>Charges one candidate to <paramref name="work"/>; the refusal when it has run out, else null.</summary>
    private static BudgetExceededException? Refused(WorkBudget? work, TypeFragment fragment)
    {
        try
        {
            work?.Charge($"the lasso search of {fragment.Name}, shared with the type search");
            return null;
        }
        catch (BudgetExceededException e)
        {
            return e;
        }
    }

    private static int Size(LassoCertificate c) => c.InTail.Length + c.OutTail.Length;

    /// <summary>The states start·p·vⁿ for n = 0 … pre + period − 1, where n ↦ start·p·vⁿ is periodic from pre with the given period.</summary>
    internal static (int Pre, int Period, List<int> States) LoopStates(Dfa dfa, Word p, Word v)
    {
        var states = new List<int>();
        var seen = new Dictionary<int, int>();
        int q = dfa.Run(p.Symbols);
        while (!seen.ContainsKey(q))
        {
            seen[q] = states.Count;
            states.Add(q);
            q = dfa.Run(q, v.Symbols);
        }
        int pre = seen[q];
        return (pre, states.Count - pre, states);
    }

    /// <summary>The longest L with 1 + σ + … + σ^L ≤ <paramref name="maxNodes"/> (at least 1).</summary>
    internal static int TailLength(int sigma, int maxNodes)
    {
        int length = 0;
        long total = 1, layer = 1;
        while (true)
        {
            layer *= Math.Max(1, sigma);
            if (total + layer > maxNodes) break;
            total += layer;
            length++;
            if (length > 64) break;
        }
        return Math.Max(1, length);
    }

    private static IEnumerable<Word> Words(int sigma, int length)
    {
        var digits = new int[length];
        while (true)
        {
            yield return Word.Of(digits);
            int i = length - 1;
            while (i >= 0 && digits[i] == sigma - 1) digits[i--] = 0;
            if (i < 0) yield break;
            digits[i]++;
        }
    }

    private static bool IsPrimitive(Word v)
    {
        for (int d = 1; d < v.Length; d++)
        {
            if (v.Length % d != 0) continue;
            bool periodic = true;
            for (int i = d; i < v.Length && periodic; i++) periodic = v[i] == v[i - d];
            if (periodic) return false;
        }
        return true;
    }
}
