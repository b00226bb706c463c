using System.Globalization;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Regex;
using G = FormalExpressivity.Syntax.Antlr.Generated;

namespace FormalExpressivity.Syntax.Antlr;

/// <summary>
/// Turns a regex parse tree into <see cref="RegexNode"/>s. Symbol runs are split by the rule of
/// grammars/README.md: outside brackets a <c>WORD</c> that is exactly <c>eps</c> or <c>empty</c>
/// is a keyword; every other <c>WORD</c> (and every <c>WORD</c> inside brackets) is a sequence of
/// symbols, each one letter followed by its digits and underscores.
/// </summary>
internal sealed class RegexTreeBuilder
{
    private readonly string _text;
    private readonly RegexBuilder _builder;
    private readonly int _maxDepth;
    private readonly int _maxBound;

    private RegexTreeBuilder(string text, RegexBuilder builder, int maxDepth, int maxBound)
    {
        _text = text;
        _builder = builder;
        _maxDepth = maxDepth;
        _maxBound = maxBound;
    }

    /// <summary>A symbol occurrence: its name and where it is.</summary>
    internal readonly record struct SymbolOccurrence(string Name, int Offset, int Length);

    /// <summary>Every symbol occurrence of the token stream, in text order.</summary>
    internal static List<SymbolOccurrence> CollectSymbols(IList<IToken> tokens)
    {
        var result = new List<SymbolOccurrence>();
        bool inSet = false;
        foreach (var t in tokens)
        {
            switch (t.Type)
            {
                case G.RegexParser.LBRACK: inSet = true; break;
                case G.RegexParser.RBRACK: inSet = false; break;
                case G.RegexParser.QUOTED:
                {
                    var text = t.Text; // CommonToken.Text copies from the input on every call
                    result.Add(new(text[1..^1], t.StartIndex, text.Length));
                    break;
                }
                case G.RegexParser.WORD:
                {
                    var text = t.Text;
                    if (!inSet && IsKeyword(text)) break;
                    foreach (var (start, length) in SplitWord(text)) result.Add(new(text.Substring(start, length), t.StartIndex + start, length));
                    break;
                }
            }
        }
        return result;
    }

    /// <summary>Builds the node of a parse tree whose symbols are all declared in the builder's alphabet.</summary>
    internal static ParseResult<RegexNode> Build(string text, G.RegexParser.RegexContext tree, RegexBuilder builder, int maxDepth, int maxBound)
    {
        var walker = new RegexTreeBuilder(text, builder, maxDepth, maxBound);
        try
        {
            return ParseResult<RegexNode>.Ok(walker.Union(First<G.RegexParser.UnionContext>(tree)));
        }
        catch (DiagnosticFound found)
        {
            return ParseResult<RegexNode>.Fail(found.Diagnostic);
        }
    }

    internal static bool IsKeyword(string word) => word is "eps" or "empty";

    /// <summary>Splits a WORD into symbols: each is one letter followed by all its digits and underscores.</summary>
    internal static IEnumerable<(int Start, int Length)> SplitWord(string word)
    {
        int i = 0;
        while (i < word.Length)
        {
            int start = i++;
            while (i < word.Length && (char.IsAsciiDigit(word[i]) || word[i] == '_')) i++;
            yield return (start, i - start);
        }
    }

    private RegexNode Union(G.RegexParser.UnionContext ctx) =>
        Check(_builder.Union(All<G.RegexParser.InterContext>(ctx).ConvertAll(Inter)), ctx);

    private RegexNode Inter(G.RegexParser.InterContext ctx)
    {
        RegexNode? result = null;
        int op = 0;
        foreach (var child in ctx.children)
        {
            if (child is G.RegexParser.ConcatContext c)
            {
                var operand = Concat(c);
                result = result is null ? operand
                    : op == G.RegexParser.AND ? _builder.Intersection(result, operand)
                    : _builder.Difference(result, operand);
            }
            else if (child is ITerminalNode t) op = t.Symbol.Type;
        }
        return Check(result!, ctx);
    }

    private RegexNode Concat(G.RegexParser.ConcatContext ctx)
    {
        var factors = new List<RegexNode>();
        foreach (var prefix in All<G.RegexParser.PrefixContext>(ctx)) Prefix(prefix, factors);
        var result = factors[^1];
        for (int i = factors.Count - 2; i >= 0; i--) result = _builder.Concat(factors[i], result);
        return Check(result, ctx);
    }

    // A run such as `ab` reads exactly as `a b`: prefix operators bind to its first symbol and
    // postfix operators to its last (`~ab*` = `(~a)(b*)`).
    private void Prefix(G.RegexParser.PrefixContext ctx, List<RegexNode> factors)
    {
        var postfix = First<G.RegexParser.PostfixContext>(ctx);
        var atom = First<G.RegexParser.AtomContext>(postfix);
        int negations = ctx.NOT().Length;
        if (atom is G.RegexParser.WordContext w && !IsKeyword(w.GetText()))
        {
            var text = w.GetText();
            var pieces = SplitWord(text).ToList();
            if (pieces.Count > 1)
            {
                for (int i = 0; i < pieces.Count - 1; i++)
                {
                    var symbol = _builder.Symbol(text.Substring(pieces[i].Start, pieces[i].Length));
                    factors.Add(i == 0 ? Negate(symbol, negations, ctx) : symbol);
                }
                var last = _builder.Symbol(text.Substring(pieces[^1].Start, pieces[^1].Length));
                factors.Add(Suffixes(last, postfix));
                return;
            }
        }
        factors.Add(Negate(Suffixes(Atom(atom), postfix), negations, ctx));
    }

    private RegexNode Negate(RegexNode node, int negations, G.RegexParser.PrefixContext ctx)
    {
        for (int i = 0; i < negations; i++) node = Check(_builder.Complement(node), ctx);
        return node;
    }

    private RegexNode Suffixes(RegexNode result, G.RegexParser.PostfixContext ctx)
    {
        foreach (var suffix in All<G.RegexParser.SuffixContext>(ctx))
        {
            result = suffix switch
            {
                G.RegexParser.StarSuffixContext => _builder.Star(result),
                G.RegexParser.PlusSuffixContext => _builder.Plus(result),
                G.RegexParser.OptionalSuffixContext => _builder.Optional(result),
                G.RegexParser.BoundsSuffixContext b => Bounds(result, b),
                _ => throw new InvalidOperationException("unknown suffix"),
            };
            result = Check(result, ctx);
        }
        return result;
    }

    private RegexNode Bounds(RegexNode operand, G.RegexParser.BoundsSuffixContext ctx)
    {
        var ints = ctx.INT();
        int min = Bound(ints[0]);
        int max = ctx.COMMA() is null ? min : ints.Length > 1 ? Bound(ints[1]) : RegexNode.Unbounded;
        if (max != RegexNode.Unbounded && max < min)
            throw Found("RE005", ctx, $"the repetition {{{min},{max}}} has its upper bound below its lower bound");
        return _builder.Repeat(operand, min, max);
    }

    private int Bound(ITerminalNode node)
    {
        var token = node.Symbol;
        if (!int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value > _maxBound)
            throw new DiagnosticFound(Diagnostic.Error("RE005", _text, token.StartIndex, token.Text.Length,
                $"the repetition count {CodePoints.Clip(token.Text)} is above --max-states {_maxBound} (a count needs a state per step to build); "
                + (value > 0 ? $"try --max-states {value}" : $"no --max-states value allows it (at most {int.MaxValue})")));
        return value;
    }

    private RegexNode Atom(G.RegexParser.AtomContext ctx) => ctx switch
    {
        G.RegexParser.GroupContext g => Union(First<G.RegexParser.UnionContext>(g)),
        G.RegexParser.WordContext w => Word(w.WORD().Symbol),  // a keyword or a single symbol here
        G.RegexParser.QuotedContext q => _builder.Symbol(q.QUOTED().GetText()[1..^1]),
        G.RegexParser.EpsilonContext => _builder.Epsilon,
        G.RegexParser.EmptySetContext => _builder.Empty,
        G.RegexParser.AnyContext => _builder.Any,
        G.RegexParser.SetContext s => Set(s),
        _ => throw new InvalidOperationException("unknown atom"),
    };

    private RegexNode Word(IToken token)
    {
        var text = token.Text;
        if (text == "eps") return _builder.Epsilon;
        if (text == "empty") return _builder.Empty;
        return _builder.Concat(SplitWord(text).Select(p => _builder.Symbol(text.Substring(p.Start, p.Length))));
    }

    private RegexNode Set(G.RegexParser.SetContext ctx)
    {
        var members = SymbolSet.Empty;
        foreach (var item in All<G.RegexParser.SetItemContext>(ctx))
        {
            if (item.QUOTED() is { } q) members = members.With(_builder.Alphabet.IndexOf(q.GetText()[1..^1]));
            else if (item.WORD() is { } w)
            {
                var text = w.GetText();
                foreach (var (start, length) in SplitWord(text)) members = members.With(_builder.Alphabet.IndexOf(text.Substring(start, length)));
            }
        }
        return ctx.CARET() is null ? _builder.Set(members) : _builder.NegatedSet(members);
    }

    // ANTLR's generated accessors (union(), prefix(), …) call GetRuleContext<T> and GetRuleContexts<T>, generic virtual
    // methods: in the Native AOT fex the first call of each per context type goes through the runtime type loader (about
    // a millisecond of every `fex … re:…` process). These two read the same children by type tests, in the same order.

    /// <summary>The first child of <paramref name="ctx"/> of type T (the generated accessor <c>GetRuleContext&lt;T&gt;(0)</c>).</summary>
    private static T First<T>(ParserRuleContext ctx) where T : ParserRuleContext
    {
        foreach (var child in ctx.children ?? [])
            if (child is T t) return t;
        throw new InvalidOperationException($"the parse tree has no {typeof(T).Name} here");
    }

    /// <summary>The children of <paramref name="ctx"/> of type T, in order (the generated accessor <c>GetRuleContexts&lt;T&gt;()</c>).</summary>
    private static List<T> All<T>(ParserRuleContext ctx) where T : ParserRuleContext
    {
        var result = new List<T>();
        if (ctx.children is null) return result;
        foreach (var child in ctx.children)
            if (child is T t) result.Add(t);
        return result;
    }

    private RegexNode Check(RegexNode node, ParserRuleContext ctx)
    {
        if (node.Depth > _maxDepth)
            throw Found("RE004", ctx, $"the expression is nested deeper than the limit {_maxDepth}");
        return node;
    }

    private DiagnosticFound Found(string code, ParserRuleContext ctx, string message)
    {
        int start = ctx.Start.StartIndex;
        int stop = ctx.Stop is null || ctx.Stop.StopIndex < start ? start : ctx.Stop.StopIndex;
        return new DiagnosticFound(Diagnostic.Error(code, _text, start, stop - start + 1, message));
    }

    private sealed class DiagnosticFound(Diagnostic diagnostic) : Exception(diagnostic.Message)
    {
        public Diagnostic Diagnostic { get; } = diagnostic;
    }
}
