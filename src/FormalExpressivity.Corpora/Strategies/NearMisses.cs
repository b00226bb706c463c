using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Corpora.Strategies;

/// <summary>
/// Regular "near miss" languages built from a DFA, used by the adversarial negative strategies.
/// Each is constructed as a small NFA over pairs (state of L, flag "the edit has been made"),
/// determinized with a state budget and minimized.
/// </summary>
public static class NearMisses
{
    /// <summary>The default state budget for the subset constructions below.</summary>
    public const int DefaultMaxStates = FormalExpressivity.Core.Limits.Budgets.DefaultMaxStates;

    /// <summary>
    /// Edit₁(L) = { w : some word of L has the same length and differs from w in exactly one
    /// position }. NFA: states (q, 0) and (q, 1); reading b from (q, 0) goes to (δ(q, b), 0) or,
    /// guessing that the original symbol was a ≠ b, to (δ(q, a), 1); from (q, 1) to (δ(q, b), 1);
    /// accepting (q, 1) with q accepting. Example: for L = (ab)*, Edit₁(L) ∋ bb, aa, and Edit₁(L) ∖ L
    /// = Edit₁(L) (one substitution never maps (ab)* into itself).
    /// </summary>
    /// <param name="dfa">L.</param>
    /// <param name="maxStates">Budget for the subset construction.</param>
    public static Dfa OneSubstitution(Dfa dfa, int maxStates = DefaultMaxStates) =>
        OneEdit(dfa, maxStates, (b, q, sym, edited) =>
        {
            for (int orig = 0; orig < dfa.SymbolCount; orig++)
                if (orig != sym) b.AddTransition(q, sym, edited + dfa.Next(q, orig));
        });

    /// <summary>
    /// Del₁(L) = { w : inserting one symbol somewhere into w (ends included) gives a word of L },
    /// i.e. the words obtained from a word of L by deleting one symbol. NFA: states (q, 0), (q, 1);
    /// (q, 0) reads b to (δ(q, b), 0) and has ε-edges to (δ(q, a), 1) for every a (the deleted
    /// symbol); (q, 1) reads b to (δ(q, b), 1); accepting (q, 1) with q accepting.
    /// Example: for L = {aabb, ab, …} = a^n b^n, Del₁(L) ∖ L contains aab and abb — "one a or one b short".
    /// </summary>
    /// <param name="dfa">L.</param>
    /// <param name="maxStates">Budget for the subset construction.</param>
    public static Dfa OneDeletion(Dfa dfa, int maxStates = DefaultMaxStates) =>
        OneEdit(dfa, maxStates, (b, q, sym, edited) => b.AddEpsilon(q, edited + dfa.Next(q, sym)));

    /// <summary>
    /// The two-layer NFA shared by the edit constructions: layer 0 (states q) runs L's DFA before the
    /// edit, layer 1 (states n + q) after it, accepting in layer 1 only; <paramref name="addEdit"/>
    /// adds, for state q and symbol sym, the edges from layer 0 into layer 1 (whose offset it is given).
    /// </summary>
    private static Dfa OneEdit(Dfa dfa, int maxStates, Action<AutomatonBuilder, int, int, int> addEdit)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var b = new AutomatonBuilder(dfa.Alphabet);
        b.AddStates(2 * n);
        for (int q = 0; q < n; q++)
        {
            if (dfa.IsAccepting(q)) b.SetAccepting(n + q);
            for (int sym = 0; sym < k; sym++)
            {
                b.AddTransition(q, sym, dfa.Next(q, sym));
                b.AddTransition(n + q, sym, n + dfa.Next(q, sym));
                addEdit(b, q, sym, n);
            }
        }
        b.AddStart(dfa.Start);
        return b.BuildNfa().Determinize(maxStates).Minimize();
    }

    /// <summary>
    /// The words with exactly <paramref name="occurrences"/> occurrences of the factor
    /// <paramref name="factor"/> (occurrences may overlap), or — when <paramref name="atLeast"/> is
    /// true — with at least that many. Built as the KMP automaton of the factor with a saturating counter.
    /// Example: factor ab, exactly 1: abba ∈, abab ∉, bbba ∉.
    /// </summary>
    /// <param name="alphabet">Σ.</param>
    /// <param name="factor">The factor u (non-empty).</param>
    /// <param name="occurrences">The count c.</param>
    /// <param name="atLeast">Whether "at least c" instead of "exactly c".</param>
    public static Dfa FactorCount(Alphabet alphabet, Word factor, int occurrences, bool atLeast = false)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        ArgumentNullException.ThrowIfNull(factor);
        if (factor.Length == 0) throw new ArgumentException("the factor must not be empty", nameof(factor));
        ArgumentOutOfRangeException.ThrowIfNegative(occurrences);
        int len = factor.Length, k = alphabet.Count, levels = occurrences + 2; // counts 0..c, c+1 = "more"
        // KMP: kmp[j, a] = length of the longest prefix of u that is a suffix of u[..j] + a.
        var kmp = new int[(len + 1) * k];
        for (int j = 0; j <= len; j++)
            for (int a = 0; a < k; a++)
            {
                var s = factor.Symbols[..Math.Min(j, len)].ToArray().Append(a).ToArray();
                if (j == len) s = factor.Symbols[1..].ToArray().Append(a).ToArray();
                int best = 0;
                for (int p = Math.Min(len, s.Length); p > 0; p--)
                    if (s.AsSpan(s.Length - p).SequenceEqual(factor.Symbols[..p])) { best = p; break; }
                kmp[j * k + a] = best;
            }
        var b = new AutomatonBuilder(alphabet);
        b.AddStates((len + 1) * levels);
        for (int c = 0; c < levels; c++)
            for (int j = 0; j <= len; j++)
            {
                int state = c * (len + 1) + j;
                if (atLeast ? c >= occurrences : c == occurrences) b.SetAccepting(state);
                for (int a = 0; a < k; a++)
                {
                    int nj = kmp[j * k + a];
                    int nc = nj == len ? Math.Min(c + 1, levels - 1) : c;
                    b.AddTransition(state, a, nc * (len + 1) + nj);
                }
            }
        b.AddStart(0);
        return b.BuildDfa().Minimize();
    }
}
