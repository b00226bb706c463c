using System.Text;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Regex;

namespace FormalExpressivity.Testing;

/// <summary>Operators of <see cref="RawRegex"/>, a test-side regex tree independent of the library's AST.</summary>
public enum RawOp { Empty, Epsilon, Set, NegatedSet, Any, Concat, Union, Intersection, Difference, Complement, Star, Plus, Optional, Repeat }

/// <summary>
/// A regex tree as written (no simplification), with its own textual form and a reference
/// membership oracle computed directly from the set semantics (factor tables), independent of
/// derivatives, automata and the library's smart constructors.
/// </summary>
public sealed record RawRegex(RawOp Op, RawRegex[] Children, int[] Symbols, int Min = 0, int Max = 0)
{
    /// <summary>The text in the documented concrete syntax; compound operands are parenthesized. Spellings vary with <paramref name="style"/>.</summary>
    public string ToText(Alphabet alphabet, int style = 0)
    {
        var sb = new StringBuilder();
        Write(sb, alphabet, style);
        return sb.ToString();
    }

    private void Write(StringBuilder sb, Alphabet alphabet, int style)
    {
        bool alt = (style + Symbols.Length + Min) % 2 == 1;
        switch (Op)
        {
            case RawOp.Empty: sb.Append(alt ? "∅" : "empty"); break;
            case RawOp.Epsilon: sb.Append(alt ? "ε" : "eps"); break;
            case RawOp.Any: sb.Append(alt ? "Σ" : "."); break;
            case RawOp.Set when Symbols.Length == 1: sb.Append(' ').Append(RegexPrinter.SymbolText(alphabet[Symbols[0]])).Append(' '); break;
            case RawOp.Set:
            case RawOp.NegatedSet:
                sb.Append(Op == RawOp.NegatedSet ? "[^" : "[");
                sb.AppendJoin(alt ? "," : " ", Symbols.Select(s => RegexPrinter.SymbolText(alphabet[s])));
                sb.Append(']');
                break;
            case RawOp.Concat: Operand(sb, 0, alphabet, style); sb.Append(' '); Operand(sb, 1, alphabet, style); break;
            case RawOp.Union: Operand(sb, 0, alphabet, style); sb.Append(alt ? "∪" : "|"); Operand(sb, 1, alphabet, style); break;
            case RawOp.Intersection: Operand(sb, 0, alphabet, style); sb.Append(alt ? "∩" : "&"); Operand(sb, 1, alphabet, style); break;
            case RawOp.Difference: Operand(sb, 0, alphabet, style); sb.Append(alt ? "∖" : "-"); Operand(sb, 1, alphabet, style); break;
            case RawOp.Complement: sb.Append((style % 3) switch { 0 => "~", 1 => "!", _ => "¬" }); Operand(sb, 0, alphabet, style); break;
            case RawOp.Star: Operand(sb, 0, alphabet, style); sb.Append('*'); break;
            case RawOp.Plus: Operand(sb, 0, alphabet, style); sb.Append('+'); break;
            case RawOp.Optional: Operand(sb, 0, alphabet, style); sb.Append('?'); break;
            case RawOp.Repeat:
                Operand(sb, 0, alphabet, style);
                sb.Append('{').Append(Min);
                if (Max < 0) sb.Append(',');
                else if (Max != Min || alt) sb.Append(',').Append(Max);
                sb.Append('}');
                break;
        }
    }

    private void Operand(StringBuilder sb, int i, Alphabet alphabet, int style)
    {
        var c = Children[i];
        bool atom = c.Op is RawOp.Empty or RawOp.Epsilon or RawOp.Any or RawOp.Set or RawOp.NegatedSet;
        if (!atom) sb.Append('(');
        c.Write(sb, alphabet, style);
        if (!atom) sb.Append(')');
    }

    /// <summary>The same expression as a .NET regular expression (plain operators only), or null when it uses &amp;, -, ~.</summary>
    public string? ToDotNet(Alphabet alphabet)
    {
        string Cls(IEnumerable<int> symbols) { var s = string.Concat(symbols.Select(i => alphabet[i])); return s.Length == 0 ? @"[^\s\S]" : "[" + s + "]"; }
        string? C(int i) => Children[i].ToDotNet(alphabet) is { } t ? "(?:" + t + ")" : null;
        switch (Op)
        {
            case RawOp.Empty: return @"[^\s\S]";
            case RawOp.Epsilon: return "";
            case RawOp.Any: return Cls(Enumerable.Range(0, alphabet.Count));
            case RawOp.Set: return Cls(Symbols);
            case RawOp.NegatedSet: return Cls(Enumerable.Range(0, alphabet.Count).Except(Symbols));
            case RawOp.Concat: return C(0) is { } l && C(1) is { } r ? l + r : null;
            case RawOp.Union: return C(0) is { } l2 && C(1) is { } r2 ? l2 + "|" + r2 : null;
            case RawOp.Star: return C(0) is { } s ? s + "*" : null;
            case RawOp.Plus: return C(0) is { } p ? p + "+" : null;
            case RawOp.Optional: return C(0) is { } o ? o + "?" : null;
            case RawOp.Repeat: return C(0) is { } x ? x + "{" + Min + (Max < 0 ? "," : Max == Min ? "" : "," + Max) + "}" : null;
            default: return null;
        }
    }

    /// <summary>Reference membership: w ∈ L(r), computed from the set semantics.</summary>
    public bool Matches(Word word, int alphabetSize) => Table(word.Symbols.ToArray(), alphabetSize)[0, word.Length];

    // T[i, j] = (w[i..j) ∈ L(r)) for 0 ≤ i ≤ j ≤ n.
    private bool[,] Table(int[] w, int k)
    {
        int n = w.Length;
        var t = new bool[n + 1, n + 1];
        switch (Op)
        {
            case RawOp.Empty: break;
            case RawOp.Epsilon: for (int i = 0; i <= n; i++) t[i, i] = true; break;
            case RawOp.Any: for (int i = 0; i < n; i++) t[i, i + 1] = true; break;
            case RawOp.Set: for (int i = 0; i < n; i++) t[i, i + 1] = Symbols.Contains(w[i]); break;
            case RawOp.NegatedSet: for (int i = 0; i < n; i++) t[i, i + 1] = !Symbols.Contains(w[i]); break;
            case RawOp.Concat: t = Compose(Children[0].Table(w, k), Children[1].Table(w, k), n); break;
            case RawOp.Union: Pointwise(t, Children[0].Table(w, k), Children[1].Table(w, k), n, (x, y) => x || y); break;
            case RawOp.Intersection: Pointwise(t, Children[0].Table(w, k), Children[1].Table(w, k), n, (x, y) => x && y); break;
            case RawOp.Difference: Pointwise(t, Children[0].Table(w, k), Children[1].Table(w, k), n, (x, y) => x && !y); break;
            case RawOp.Complement: { var a = Children[0].Table(w, k); Pointwise(t, a, a, n, (x, _) => !x); break; }
            case RawOp.Star: t = StarOf(Children[0].Table(w, k), n); break;
            case RawOp.Plus: { var a = Children[0].Table(w, k); t = Compose(a, StarOf(a, n), n); break; }
            case RawOp.Optional: { var a = Children[0].Table(w, k); Pointwise(t, a, a, n, (x, _) => x); for (int i = 0; i <= n; i++) t[i, i] = true; break; }
            case RawOp.Repeat:
            {
                var a = Children[0].Table(w, k);
                var power = new bool[n + 1, n + 1];
                for (int i = 0; i <= n; i++) power[i, i] = true;
                for (int p = 0; p < Min; p++) power = Compose(power, a, n);
                if (Max < 0) { t = Compose(power, StarOf(a, n), n); break; }
                Pointwise(t, power, power, n, (x, _) => x);
                for (int p = Min; p < Max; p++)
                {
                    power = Compose(power, a, n);
                    Pointwise(t, t, power, n, (x, y) => x || y);
                }
                break;
            }
        }
        return t;
    }

    private static bool[,] Compose(bool[,] a, bool[,] b, int n)
    {
        var t = new bool[n + 1, n + 1];
        for (int i = 0; i <= n; i++)
            for (int m = i; m <= n; m++)
                if (a[i, m])
                    for (int j = m; j <= n; j++)
                        if (b[m, j]) t[i, j] = true;
        return t;
    }

    private static bool[,] StarOf(bool[,] a, int n)
    {
        var t = new bool[n + 1, n + 1];
        for (int i = n; i >= 0; i--)
        {
            t[i, i] = true;
            for (int m = i + 1; m <= n; m++)
                if (a[i, m])
                    for (int j = m; j <= n; j++)
                        if (t[m, j]) t[i, j] = true;
        }
        return t;
    }

    private static void Pointwise(bool[,] target, bool[,] a, bool[,] b, int n, Func<bool, bool, bool> f)
    {
        for (int i = 0; i <= n; i++)
            for (int j = i; j <= n; j++)
                target[i, j] = f(a[i, j], b[i, j]);
    }

    /// <summary>The library node for this tree, built with the smart constructors of <paramref name="builder"/>.</summary>
    public RegexNode ToNode(RegexBuilder builder)
    {
        RegexNode C(int i) => Children[i].ToNode(builder);
        var set = new SymbolSet(Symbols.Aggregate(0UL, (m, s) => m | 1UL << s));
        return Op switch
        {
            RawOp.Empty => builder.Empty,
            RawOp.Epsilon => builder.Epsilon,
            RawOp.Any => builder.Any,
            RawOp.Set => builder.Set(set),
            RawOp.NegatedSet => builder.NegatedSet(set),
            RawOp.Concat => builder.Concat(C(0), C(1)),
            RawOp.Union => builder.Union(C(0), C(1)),
            RawOp.Intersection => builder.Intersection(C(0), C(1)),
            RawOp.Difference => builder.Difference(C(0), C(1)),
            RawOp.Complement => builder.Complement(C(0)),
            RawOp.Star => builder.Star(C(0)),
            RawOp.Plus => builder.Plus(C(0)),
            RawOp.Optional => builder.Optional(C(0)),
            _ => builder.Repeat(C(0), Min, Max),
        };
    }
}

/// <summary>Seeded random <see cref="RawRegex"/> trees.</summary>
public static class RandomRegex
{
    /// <summary>A random tree with about <paramref name="size"/> operators over <paramref name="alphabetSize"/> symbols; <paramref name="extended"/> allows &amp;, -, ~.</summary>
    public static RawRegex Create(Random random, int alphabetSize, int size, bool extended)
    {
        if (size <= 1 || random.Next(4) == 0) return Leaf(random, alphabetSize);
        int pick = random.Next(extended ? 13 : 9);
        RawRegex One() => Create(random, alphabetSize, size - 1, extended);
        (RawRegex, RawRegex) Two() { int l = random.Next(1, size); return (Create(random, alphabetSize, l, extended), Create(random, alphabetSize, size - l, extended)); }
        switch (pick)
        {
            case 0: case 1: case 2: { var (l, r) = Two(); return new(RawOp.Concat, [l, r], []); }
            case 3: case 4: { var (l, r) = Two(); return new(RawOp.Union, [l, r], []); }
            case 5: return new(RawOp.Star, [One()], []);
            case 6: return new(RawOp.Plus, [One()], []);
            case 7: return new(RawOp.Optional, [One()], []);
            case 8:
            {
                int min = random.Next(3);
                int max = random.Next(4) == 0 ? -1 : min + random.Next(3);
                return new(RawOp.Repeat, [One()], [], min, max);
            }
            case 9: case 10: { var (l, r) = Two(); return new(RawOp.Intersection, [l, r], []); }
            case 11: { var (l, r) = Two(); return new(RawOp.Difference, [l, r], []); }
            default: return new(RawOp.Complement, [One()], []);
        }
    }

    private static RawRegex Leaf(Random random, int k)
    {
        int[] Subset(int min) => Enumerable.Range(0, k).Where(_ => random.Next(2) == 0).DefaultIfEmpty(random.Next(k)).Take(Math.Max(min, k)).ToArray();
        return random.Next(12) switch
        {
            0 => new(RawOp.Empty, [], []),
            1 => new(RawOp.Epsilon, [], []),
            2 => new(RawOp.Any, [], []),
            3 => new(RawOp.Set, [], Subset(1)),
            4 => new(RawOp.NegatedSet, [], Subset(1)),
            _ => new(RawOp.Set, [], [random.Next(k)]),
        };
    }
}
