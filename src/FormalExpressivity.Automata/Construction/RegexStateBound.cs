using FormalExpressivity.Syntax.Regex;

namespace FormalExpressivity.Automata.Construction;

/// <summary>
/// A lower bound on the number of states of the minimal DFA of an expression, computed from the tree
/// without expanding repetitions, so that an expression such as <c>((a{1000}){1000}){1000}</c> — a few
/// characters whose DFA has 10^9 states — is refused at once under <c>max-states</c> instead of after
/// minutes of construction.
/// <para>
/// The law: in any DFA, the accepting run on a shortest accepted word of length ℓ visits ℓ + 1 distinct
/// states (a repeated state would give a shorter accepted word), and so does the run on a longest word of a
/// finite language (a repeated state would make the language infinite). So a non-empty language with
/// shortest word length ℓ, or a finite one with longest word length L, needs at least ℓ + 1, resp. L + 1,
/// states. Lengths are computed exactly on the fragment without <c>&amp;</c> and <c>~</c> (where emptiness
/// is syntactic); a complement has the same minimal DFA size as its operand (Myhill–Nerode classes are
/// shared, up to one sink); anything else is bounded by 1.
/// </para>
/// <para>
/// A union can hide a long shortest word behind a short branch (<c>x(a{1000}){1000}{1000}|b*</c>: ε is in it).
/// So the lengths are also kept per first letter: ℓ_x, the shortest word beginning with x. The residual x⁻¹L
/// is non-empty with shortest word ℓ_x − 1, so its minimal DFA has at least ℓ_x states, and these states are
/// residuals of L (every residual of x⁻¹L is one of L), so L's minimal DFA has at least max_x ℓ_x states. A union
/// takes ℓ_x as the least over its branches, which sees through a short branch that begins with other letters.
/// An intersection keeps its bound when its other operands cannot remove a word of the positive one: Σ*, and
/// complements of finite positive languages whose longest word is shorter than every word of the positive
/// operand (<c>r - s</c> with s short). Any other intersection is bounded by 1 (emptiness is not syntactic there).
/// </para>
/// </summary>
public static class RegexStateBound
{
    /// <summary>Lengths saturate here (far beyond every budget, far from overflow).</summary>
    private const long Cap = long.MaxValue / 4;

    /// <summary>
    /// The word lengths of a positive (no <c>&amp;</c>, <c>~</c>) subexpression: empty language, or [Min, Max] with Max
    /// null for infinite; <see cref="First"/>[x] is the shortest word beginning with symbol x (<see cref="Cap"/>: none).
    /// </summary>
    private readonly record struct Lengths(bool Positive, bool NonEmpty, long Min, long? Max, long[]? First = null)
    {
        public bool Nullable => Positive && NonEmpty && Min == 0;
    }

    /// <summary>A number of states every DFA of <paramref name="node"/>'s language has at least.</summary>
    /// <param name="node">The expression.</param>
    public static long LowerBound(RegexNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        while (node.Kind == RegexKind.Complement) node = node.Children[0];
        var l = Of(node, new Dictionary<int, Lengths>());
        if (!l.Positive || !l.NonEmpty) return 1;
        long byFirst = 0;
        if (l.First is { } first) foreach (long x in first) if (x < Cap) byFirst = Math.Max(byFirst, x);
        return Math.Min(Cap, Math.Max(Math.Max(l.Min, l.Max ?? 0) + 1, byFirst));
    }

    private static long Add(long a, long b) => a >= Cap || b >= Cap ? Cap : Math.Min(Cap, a + b);

    private static long[] None(int n)
    {
        var none = new long[n];
        Array.Fill(none, Cap);
        return none;
    }

    private static Lengths Of(RegexNode node, Dictionary<int, Lengths> memo)
    {
        if (memo.TryGetValue(node.Id, out var known)) return known;
        int n = node.Alphabet.Count;
        Lengths result;
        switch (node.Kind)
        {
            case RegexKind.Empty:
                result = new(true, false, 0, 0, None(n));
                break;
            case RegexKind.Epsilon:
                result = new(true, true, 0, 0, None(n));
                break;
            case RegexKind.Symbols:
            {
                var first = None(n);
                foreach (int x in node.Symbols.Members()) if (x < n) first[x] = 1;
                result = new(true, true, 1, 1, first);
                break;
            }
            case RegexKind.Concat:
            {
                // A concatenation chain nests to the right and may be long: walk it from its right end, so that the
                // first letters of each prefix item combine with the lengths of the rest (no quadratic re-walk).
                var items = new List<RegexNode>();
                var current = node;
                while (current.Kind == RegexKind.Concat)
                {
                    items.Add(current.Children[0]);
                    current = current.Children[1];
                }
                items.Add(current);
                result = Of(items[^1], memo);
                for (int i = items.Count - 2; i >= 0; i--) result = Concat(Of(items[i], memo), result, n);
                break;
            }
            case RegexKind.Union:
            {
                bool positive = true, nonEmpty = false, infinite = false;
                long min = Cap, max = 0;
                var first = None(n);
                foreach (var child in node.Children)
                {
                    var l = Of(child, memo);
                    positive &= l.Positive;
                    if (!l.Positive || !l.NonEmpty) continue;
                    nonEmpty = true;
                    min = Math.Min(min, l.Min);
                    if (l.Max is { } m) max = Math.Max(max, m);
                    else infinite = true;
                    for (int x = 0; x < n; x++) first[x] = Math.Min(first[x], l.First![x]);
                }
                result = new(positive, nonEmpty, nonEmpty ? min : 0, infinite ? null : max, positive ? first : null);
                break;
            }
            case RegexKind.Intersection:
                result = Intersection(node, memo);
                break;
            case RegexKind.Star:
            {
                // A word of r* beginning with x begins with a non-empty word of r beginning with x.
                var l = Of(node.Children[0], memo);
                result = new(l.Positive, true, 0, l.NonEmpty && l.Max != 0 ? null : 0, l.Positive ? l.First : null);
                break;
            }
            case RegexKind.Repeat:
            {
                var l = Of(node.Children[0], memo);
                if (!l.Positive) result = new(false, true, 0, null);
                else if (!l.NonEmpty) result = node.Min == 0 ? new(true, true, 0, 0, None(n)) : new(true, false, 0, 0, None(n));
                else
                {
                    long min = Times(node.Min, l.Min);
                    long? max = node.Max == RegexNode.Unbounded ? (l.Max == 0 ? 0 : null)
                        : node.Max == 0 ? 0
                        : l.Max is { } m ? Times(node.Max, m) : null;
                    // A word of r{m,n} beginning with x: its first non-empty factor begins with x; the other factors
                    // may be ε when r is nullable, else there are at least m − 1 more of length ≥ Min.
                    var first = None(n);
                    if (node.Max != 0)
                    {
                        long rest = l.Nullable ? 0 : Times(Math.Max(node.Min - 1, 0), l.Min);
                        for (int x = 0; x < n; x++) first[x] = Add(l.First![x], rest);
                    }
                    result = new(true, true, min, max, first);
                }
                break;
            }
            default:
                result = new(false, true, 0, null);
                break;
        }
        memo[node.Id] = result;
        return result;
    }

    private static Lengths Concat(Lengths a, Lengths b, int n)
    {
        if (!a.Positive || !b.Positive) return new(false, true, 0, null);
        if (!a.NonEmpty || !b.NonEmpty) return new(true, false, 0, 0, None(n));
        // A word of ab beginning with x: a's part begins with x, or a's part is ε and b's begins with x.
        var first = new long[n];
        for (int x = 0; x < n; x++) first[x] = Math.Min(Add(a.First![x], b.Min), a.Nullable ? b.First![x] : Cap);
        return new(true, true, Math.Min(Cap, a.Min + b.Min), a.Max is { } x1 && b.Max is { } y ? Math.Min(Cap, x1 + y) : null, first);
    }

    /// <summary>
    /// r₁ &amp; … &amp; r_k is the language of its one positive operand when every other operand keeps all of that
    /// operand's words: Σ*, or ~s with s positive and finite and every word of s shorter than the shortest word of
    /// the positive operand. Otherwise nothing is known (emptiness of an intersection is not syntactic).
    /// </summary>
    private static Lengths Intersection(RegexNode node, Dictionary<int, Lengths> memo)
    {
        var unknown = new Lengths(false, true, 0, null);
        Lengths? positive = null;
        var shortOperands = new List<long>();
        foreach (var child in node.Children)
        {
            if (child.IsAll) continue;
            if (child.Kind == RegexKind.Complement && Of(child.Children[0], memo) is { Positive: true } s)
            {
                if (!s.NonEmpty) continue; // ~∅ = Σ*
                if (s.Max is not { } longest) return unknown;
                shortOperands.Add(longest);
                continue;
            }
            var l = Of(child, memo);
            if (!l.Positive || positive is not null) return unknown;
            positive = l;
        }
        if (positive is not { } p) return unknown;
        if (!p.NonEmpty) return p;
        foreach (long longest in shortOperands) if (longest >= p.Min) return unknown;
        return p;
    }

    private static long Times(long count, long length) => length == 0 ? 0 : count > Cap / length ? Cap : count * length;
}
