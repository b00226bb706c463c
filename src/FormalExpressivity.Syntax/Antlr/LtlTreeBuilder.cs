using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Temporal;
using G = FormalExpressivity.Syntax.Antlr.Generated;

namespace FormalExpressivity.Syntax.Antlr;

/// <summary>
/// Builds <see cref="LtlFormula"/> values from the ANTLR parse tree through the smart constructors.
/// Chains are folded iteratively (left for <c>&amp;</c>, <c>|</c>, <c>&lt;-&gt;</c>; right for
/// <c>-&gt;</c>, <c>S</c>, <c>U</c>); only parentheses recurse, and their depth is bounded by the caller.
/// </summary>
internal sealed class LtlTreeBuilder(string text)
{
    private readonly string _text = text;

    /// <summary>Semantic errors (window parameters).</summary>
    public List<Diagnostic> Errors { get; } = [];

    /// <summary>Every atom occurrence with its source offset and length (for alphabet checks).</summary>
    public List<(string Name, int Offset, int Length)> AtomOccurrences { get; } = [];

    public LtlFormula Formula(G.LtlParser.FormulaContext ctx)
    {
        var parts = ctx.implication();
        var f = Implication(parts[0]);
        for (int i = 1; i < parts.Length; i++) f = Ltl.Iff(f, Implication(parts[i]));
        return f;
    }

    private LtlFormula Implication(G.LtlParser.ImplicationContext ctx)
    {
        var parts = ctx.disjunction();
        var f = Disjunction(parts[^1]);
        for (int i = parts.Length - 2; i >= 0; i--) f = Ltl.Implies(Disjunction(parts[i]), f);
        return f;
    }

    private LtlFormula Disjunction(G.LtlParser.DisjunctionContext ctx)
    {
        var parts = ctx.conjunction();
        var f = Conjunction(parts[0]);
        for (int i = 1; i < parts.Length; i++) f = Ltl.Or(f, Conjunction(parts[i]));
        return f;
    }

    private LtlFormula Conjunction(G.LtlParser.ConjunctionContext ctx)
    {
        var parts = ctx.binaryTemporal();
        var f = BinaryTemporal(parts[0]);
        for (int i = 1; i < parts.Length; i++) f = Ltl.And(f, BinaryTemporal(parts[i]));
        return f;
    }

    private LtlFormula BinaryTemporal(G.LtlParser.BinaryTemporalContext ctx)
    {
        var operands = ctx.unary();
        var operators = new List<int>();
        foreach (var child in ctx.children)
            if (child is ITerminalNode t && t.Symbol.Type is G.LtlParser.SINCE or G.LtlParser.UNTIL) operators.Add(t.Symbol.Type);
        var f = Unary(operands[^1]);
        for (int i = operands.Length - 2; i >= 0; i--)
        {
            var left = Unary(operands[i]);
            f = operators[i] == G.LtlParser.SINCE ? Ltl.Since(left, f) : Ltl.Until(left, f);
        }
        return f;
    }

    private LtlFormula Unary(G.LtlParser.UnaryContext ctx)
    {
        var f = Primary(ctx.primary());
        var prefixes = ctx.prefix();
        for (int i = prefixes.Length - 1; i >= 0; i--) f = ApplyPrefix(prefixes[i], f);
        return f;
    }

    private LtlFormula ApplyPrefix(G.LtlParser.PrefixContext ctx, LtlFormula f) => ctx switch
    {
        G.LtlParser.NotPrefixContext => Ltl.Not(f),
        G.LtlParser.YesterdayPrefixContext y => Yesterday(y.window(), f),
        G.LtlParser.PastPrefixContext => Ltl.Past(f),
        G.LtlParser.HistoricallyPrefixContext => Ltl.Historically(f),
        G.LtlParser.NextPrefixContext => Ltl.Next(f),
        G.LtlParser.FuturePrefixContext => Ltl.Future(f),
        G.LtlParser.GloballyPrefixContext => Ltl.Globally(f),
        _ => throw new InvalidOperationException("unknown prefix alternative"),
    };

    private LtlFormula Yesterday(G.LtlParser.WindowContext? window, LtlFormula f)
    {
        if (window is null) return Ltl.Yesterday(f);
        var ints = window.INT();
        int k = Number(ints[0].Symbol, "window size k", 1, Temporal.LtlParser.MaxWindow);
        if (ints.Length == 1) return k < 1 ? f : Ltl.WindowYesterday(k, f);
        int c = Number(ints[1].Symbol, "count c", 1, Math.Max(1, k));
        return k < 1 || c < 1 ? f : Ltl.WindowCount(k, c, f);
    }

    private int Number(IToken token, string what, int min, int max)
    {
        if (int.TryParse(token.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int value)
            && value >= min && value <= max)
            return value;
        Errors.Add(Diagnostic.Error(what == "count c" ? "LTL005" : "LTL005", _text, token.StartIndex, token.Text.Length,
            $"{what} must be between {min} and {max}, got {CodePoints.Clip(token.Text)}"));
        return -1;
    }

    private LtlFormula Primary(G.LtlParser.PrimaryContext ctx)
    {
        switch (ctx)
        {
            case G.LtlParser.TruePrimaryContext: return Ltl.True;
            case G.LtlParser.FalsePrimaryContext: return Ltl.False;
            case G.LtlParser.AtomPrimaryContext a: return Atom(a.IDENT().Symbol, a.IDENT().GetText());
            case G.LtlParser.QuotedAtomPrimaryContext q:
                string quoted = q.QUOTED().GetText();
                return Atom(q.QUOTED().Symbol, quoted[1..^1]);
            case G.LtlParser.ParenPrimaryContext p: return Formula(p.formula());
            default: throw new InvalidOperationException("unknown primary alternative");
        }
    }

    private LtlFormula Atom(IToken token, string name)
    {
        AtomOccurrences.Add((name, token.StartIndex, token.StopIndex - token.StartIndex + 1));
        return Ltl.Atom(name);
    }
}
