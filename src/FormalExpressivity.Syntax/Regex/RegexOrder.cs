using System.Numerics;

namespace FormalExpressivity.Syntax.Regex;

/// <summary>
/// A deterministic structural total order on the nodes of one builder, used to sort the operands
/// of unions and intersections. It depends only on structure and declared symbol order (never on
/// creation order), so printed output is reproducible. Kinds order as ε &lt; symbols &lt;
/// concatenation &lt; star &lt; repetition &lt; union &lt; intersection &lt; complement &lt; ∅;
/// a set containing the first differing symbol comes first.
/// </summary>
public sealed class RegexOrder : IComparer<RegexNode>
{
    /// <summary>The single instance.</summary>
    public static RegexOrder Instance { get; } = new();

    private RegexOrder() { }

    /// <inheritdoc />
    public int Compare(RegexNode? x, RegexNode? y)
    {
        while (true)
        {
            if (ReferenceEquals(x, y)) return 0;
            if (x is null) return -1;
            if (y is null) return 1;
            int c = Rank(x.Kind).CompareTo(Rank(y.Kind));
            if (c != 0) return c;
            switch (x.Kind)
            {
                case RegexKind.Symbols:
                {
                    ulong diff = x.Symbols.Mask ^ y.Symbols.Mask;
                    int first = BitOperations.TrailingZeroCount(diff);
                    return (x.Symbols.Mask >> first & 1) != 0 ? -1 : 1;
                }
                case RegexKind.Concat:
                    c = Compare(x.Left, y.Left);
                    if (c != 0) return c;
                    x = x.Right;
                    y = y.Right;
                    continue;
                case RegexKind.Union:
                case RegexKind.Intersection:
                {
                    var xs = x.ChildArray;
                    var ys = y.ChildArray;
                    for (int i = 0; i < Math.Min(xs.Length, ys.Length); i++)
                    {
                        c = Compare(xs[i], ys[i]);
                        if (c != 0) return c;
                    }
                    return xs.Length.CompareTo(ys.Length);
                }
                case RegexKind.Repeat:
                    c = x.Min.CompareTo(y.Min);
                    if (c != 0) return c;
                    c = ((uint)x.Max).CompareTo((uint)y.Max); // Unbounded (−1) sorts last
                    if (c != 0) return c;
                    x = x.Left;
                    y = y.Left;
                    continue;
                case RegexKind.Star:
                case RegexKind.Complement:
                    x = x.Left;
                    y = y.Left;
                    continue;
                default:
                    // ∅ and ε are unique per builder; equal kinds here mean nodes of different builders.
                    return x.Id.CompareTo(y.Id);
            }
        }
    }

    private static int Rank(RegexKind kind) => kind switch
    {
        RegexKind.Epsilon => 0,
        RegexKind.Symbols => 1,
        RegexKind.Concat => 2,
        RegexKind.Star => 3,
        RegexKind.Repeat => 4,
        RegexKind.Union => 5,
        RegexKind.Intersection => 6,
        RegexKind.Complement => 7,
        _ => 8,
    };
}
