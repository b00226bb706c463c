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
/// </summary>
public static class RegexStateBound
{
    /// <summary>Lengths saturate here (far beyond every budget, far from overflow).</summary>
    private const long Cap = long.MaxValue / 4;

    /// <summary>The word lengths of a positive (no <c>&amp;</c>, <c>~</c>) subexpression: empty language, or [Min, Max] with Max null for infinite.</summary>
    private readonly record struct Lengths(bool Positive, bool NonEmpty, long Min, long? Max);

    /// <summary>A number of states every DFA of <paramref name="node"/>'s language has at least.</summary>
    /// <param name="node">The expression.</param>
    public static long LowerBound(RegexNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        while (node.Kind == RegexKind.Complement) node = node.Children[0];
        var l = Of(node, new Dictionary<int, Lengths>());
        if (!l.Positive || !l.NonEmpty) return 1;
        return Math.Min(Cap, Math.Max(l.Min, l.Max ?? 0) + 1);
    }

    private static Lengths Of(RegexNode node, Dictionary<int, Lengths> memo)
    {
        if (memo.TryGetValue(node.Id, out var known)) return known;
        Lengths result;
        switch (node.Kind)
        {
            case RegexKind.Empty:
                result = new(true, false, 0, 0);
                break;
            case RegexKind.Epsilon:
                result = new(true, true, 0, 0);
                break;
            case RegexKind.Symbols:
                result = new(true, true, 1, 1);
                break;
            case RegexKind.Concat:
            {
                // A concatenation chain nests to the right and may be long: walk it iteratively.
                result = new(true, true, 0, 0);
                var current = node;
                while (true)
                {
                    var item = current.Kind == RegexKind.Concat ? current.Children[0] : current;
                    var l = Of(item, memo);
                    result = Concat(result, l);
                    if (current.Kind != RegexKind.Concat) break;
                    current = current.Children[1];
                }
                break;
            }
            case RegexKind.Union:
            {
                bool positive = true, nonEmpty = false, infinite = false;
                long min = Cap, max = 0;
                foreach (var child in node.Children)
                {
                    var l = Of(child, memo);
                    positive &= l.Positive;
                    if (!l.Positive || !l.NonEmpty) continue;
                    nonEmpty = true;
                    min = Math.Min(min, l.Min);
                    if (l.Max is { } m) max = Math.Max(max, m);
                    else infinite = true;
                }
                result = new(positive, nonEmpty, nonEmpty ? min : 0, infinite ? null : max);
                break;
            }
            case RegexKind.Star:
            {
                var l = Of(node.Children[0], memo);
                result = new(l.Positive, true, 0, l.NonEmpty && l.Max != 0 ? null : 0);
                break;
            }
            case RegexKind.Repeat:
            {
                var l = Of(node.Children[0], memo);
                if (!l.Positive) result = new(false, true, 0, null);
                else if (!l.NonEmpty) result = node.Min == 0 ? new(true, true, 0, 0) : new(true, false, 0, 0);
                else
                {
                    long min = Times(node.Min, l.Min);
                    long? max = node.Max == RegexNode.Unbounded ? (l.Max == 0 ? 0 : null)
                        : node.Max == 0 ? 0
                        : l.Max is { } m ? Times(node.Max, m) : null;
                    result = new(true, true, min, max);
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

    private static Lengths Concat(Lengths a, Lengths b)
    {
        if (!a.Positive || !b.Positive) return new(false, true, 0, null);
        if (!a.NonEmpty || !b.NonEmpty) return new(true, false, 0, 0);
        return new(true, true, Math.Min(Cap, a.Min + b.Min), a.Max is { } x && b.Max is { } y ? Math.Min(Cap, x + y) : null);
    }

    private static long Times(long count, long length) => length == 0 ? 0 : count > Cap / length ? Cap : count * length;
}
