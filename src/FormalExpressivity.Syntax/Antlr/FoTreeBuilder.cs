using Antlr4.Runtime;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Logic;
using G = FormalExpressivity.Syntax.Antlr.Generated;

namespace FormalExpressivity.Syntax.Antlr;

/// <summary>
/// Builds <see cref="FoFormula"/> values from the ANTLR parse tree, desugars <c>&lt;=</c>, <c>&gt;</c>,
/// <c>&gt;=</c>, <c>!=</c> and multi-variable quantifiers, and reports every free occurrence of a
/// variable (only sentences are accepted). Chains fold iteratively; only parentheses and quantifiers
/// recurse, and their depth is bounded by the caller.
/// </summary>
internal sealed class FoTreeBuilder(string text)
{
    private readonly string _text = text;
    private readonly Dictionary<string, int> _bound = new(StringComparer.Ordinal);

    /// <summary>Free-variable errors in source order.</summary>
    public List<Diagnostic> Errors { get; } = [];

    /// <summary>Every label occurrence with its source offset and length (for alphabet checks).</summary>
    public List<(string Name, int Offset, int Length)> LabelOccurrences { get; } = [];

    public FoFormula Formula(G.FoParser.FormulaContext ctx)
    {
        var parts = ctx.implication();
        var f = Implication(parts[0]);
        for (int i = 1; i < parts.Length; i++) f = Fo.Iff(f, Implication(parts[i]));
        return f;
    }

    private FoFormula Implication(G.FoParser.ImplicationContext ctx)
    {
        var parts = ctx.disjunction();
        var built = parts.Select(Disjunction).ToArray();
        var f = built[^1];
        for (int i = built.Length - 2; i >= 0; i--) f = Fo.Implies(built[i], f);
        return f;
    }

    private FoFormula Disjunction(G.FoParser.DisjunctionContext ctx)
    {
        var parts = ctx.conjunction();
        var f = Conjunction(parts[0]);
        for (int i = 1; i < parts.Length; i++) f = Fo.Or(f, Conjunction(parts[i]));
        return f;
    }

    private FoFormula Conjunction(G.FoParser.ConjunctionContext ctx)
    {
        var parts = ctx.unary();
        var f = Unary(parts[0]);
        for (int i = 1; i < parts.Length; i++) f = Fo.And(f, Unary(parts[i]));
        return f;
    }

    private FoFormula Unary(G.FoParser.UnaryContext ctx)
    {
        var f = Primary(ctx.primary());
        for (int i = 0; i < ctx.NOT().Length; i++) f = Fo.Not(f);
        return f;
    }

    private FoFormula Primary(G.FoParser.PrimaryContext ctx)
    {
        switch (ctx)
        {
            case G.FoParser.TruePrimaryContext: return Fo.True;
            case G.FoParser.FalsePrimaryContext: return Fo.False;
            case G.FoParser.ParenPrimaryContext p: return Formula(p.formula());
            case G.FoParser.QuantifiedPrimaryContext q: return Quantified(q.quantifier(), q.formula());
            case G.FoParser.SuccPrimaryContext s: return Fo.Successor(Use(s.variable(0)), Use(s.variable(1)));
            case G.FoParser.FirstPrimaryContext f: return Fo.First(Use(f.variable()));
            case G.FoParser.LastPrimaryContext l: return Fo.Last(Use(l.variable()));
            case G.FoParser.LabelPrimaryContext lp:
                var token = lp.label().Start;
                string name = token.Type == G.FoParser.QUOTED ? token.Text[1..^1] : token.Text;
                LabelOccurrences.Add((name, token.StartIndex, token.StopIndex - token.StartIndex + 1));
                return Fo.Label(name, Use(lp.variable()));
            case G.FoParser.ComparisonPrimaryContext c:
                string x = Use(c.variable(0)), y = Use(c.variable(1));
                return c.comparison().Start.Type switch
                {
                    G.FoParser.LT => Fo.Less(x, y),
                    G.FoParser.LE => Fo.Or(Fo.Less(x, y), Fo.Equal(x, y)),
                    G.FoParser.GT => Fo.Less(y, x),
                    G.FoParser.GE => Fo.Or(Fo.Less(y, x), Fo.Equal(x, y)),
                    G.FoParser.EQ => Fo.Equal(x, y),
                    _ => Fo.Not(Fo.Equal(x, y)),
                };
            default: throw new InvalidOperationException("unknown primary alternative");
        }
    }

    private FoFormula Quantified(G.FoParser.QuantifierContext q, G.FoParser.FormulaContext bodyCtx)
    {
        bool exists = q.Start.Type == G.FoParser.EXISTS;
        var names = q.variable().Select(v => v.GetText()).ToArray();
        foreach (var n in names) _bound[n] = _bound.GetValueOrDefault(n) + 1;
        var body = Formula(bodyCtx);
        foreach (var n in names) _bound[n]--;
        for (int i = names.Length - 1; i >= 0; i--) body = exists ? Fo.Exists(names[i], body) : Fo.Forall(names[i], body);
        return body;
    }

    private string Use(G.FoParser.VariableContext v)
    {
        string name = v.GetText();
        if (_bound.GetValueOrDefault(name) == 0)
            Errors.Add(Diagnostic.Error("FO010", _text, v.Start.StartIndex, name.Length,
                $"variable '{name}' is not bound by a quantifier (only sentences are accepted)"));
        return name;
    }
}
