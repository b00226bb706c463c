using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Cli.Commands;

/// <summary>
/// Interim reader for <c>ltl:</c> arguments of <c>fex simulate</c>, covering the compiled past fragment
/// only: <c>true false</c>, atoms, <c>! P H Y Y[&lt;=k] Y[&lt;=k,&gt;=c]</c> (prefix), <c>S</c> (right-associative),
/// <c>&amp;</c>, <c>|</c>, <c>-&gt;</c>, parentheses — the printing syntax of <see cref="LtlPrinter"/>. It
/// exists until the project's LTL parser is wired into the language loader, which replaces it.
/// </summary>
internal sealed class SimulateLtlReader
{
    private const int MaxDepth = 200;
    private readonly string _text;
    private int _pos;
    private int _depth;

    private SimulateLtlReader(string text) => _text = text;

    public static ParseResult<LtlFormula> Read(string text)
    {
        var reader = new SimulateLtlReader(text);
        try
        {
            var f = reader.Implication();
            reader.Skip();
            if (reader._pos < text.Length) return reader.Fail($"unexpected '{text[reader._pos]}'");
            return ParseResult<LtlFormula>.Ok(f);
        }
        catch (ReadError e)
        {
            return ParseResult<LtlFormula>.Fail(Diagnostic.Error("SIM001", text, Math.Min(e.Offset, text.Length), 1, e.Message));
        }
    }

    private ParseResult<LtlFormula> Fail(string message) =>
        ParseResult<LtlFormula>.Fail(Diagnostic.Error("SIM001", _text, _pos, 1, message));

    private sealed class ReadError(int offset, string message) : Exception(message)
    {
        public int Offset { get; } = offset;
    }

    private void Skip()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos])) _pos++;
    }

    private bool Eat(string token)
    {
        Skip();
        if (string.CompareOrdinal(_text, _pos, token, 0, token.Length) != 0) return false;
        if (char.IsLetter(token[0]) && _pos + token.Length < _text.Length && (char.IsLetterOrDigit(_text[_pos + token.Length]) || _text[_pos + token.Length] == '_')) return false;
        _pos += token.Length;
        return true;
    }

    private void Expect(string token)
    {
        if (!Eat(token)) throw new ReadError(_pos, $"expected '{token}'");
    }

    private LtlFormula Nested(Func<LtlFormula> inner)
    {
        if (++_depth > MaxDepth) throw new ReadError(_pos, $"formula nested deeper than the limit of {MaxDepth}");
        try { return inner(); } finally { _depth--; }
    }

    private LtlFormula Implication()
    {
        var left = Or();
        return Eat("->") ? Ltl.Implies(left, Nested(Implication)) : left;
    }

    private LtlFormula Or()
    {
        var f = And();
        while (Eat("|")) f = Ltl.Or(f, And());
        return f;
    }

    private LtlFormula And()
    {
        var f = Since();
        while (Eat("&")) f = Ltl.And(f, Since());
        return f;
    }

    private LtlFormula Since()
    {
        var left = Unary();
        return Eat("S") ? Ltl.Since(left, Nested(Since)) : left;
    }

    private LtlFormula Unary()
    {
        if (Eat("!")) return Ltl.Not(Nested(Unary));
        if (Eat("P")) return Ltl.Past(Nested(Unary));
        if (Eat("H")) return Ltl.Historically(Nested(Unary));
        if (Eat("Y"))
        {
            if (!Eat("[")) return Ltl.Yesterday(Nested(Unary));
            Expect("<=");
            int k = Number();
            int c = 1;
            if (Eat(",")) { Expect(">="); c = Number(); }
            Expect("]");
            var operand = Nested(Unary);
            return c == 1 ? Ltl.WindowYesterday(k, operand) : Ltl.WindowCount(k, c, operand);
        }
        if (Eat("(")) { var f = Nested(Implication); Expect(")"); return f; }
        if (Eat("true")) return Ltl.True;
        if (Eat("false")) return Ltl.False;
        Skip();
        int start = _pos;
        while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_')) _pos++;
        if (_pos == start || char.IsDigit(_text[start])) throw new ReadError(start, _pos >= _text.Length ? "unexpected end of formula" : $"unexpected '{_text[start]}'");
        return Ltl.Atom(_text[start.._pos]);
    }

    private int Number()
    {
        Skip();
        int start = _pos;
        while (_pos < _text.Length && char.IsDigit(_text[_pos])) _pos++;
        if (_pos == start || !int.TryParse(_text.AsSpan(start, _pos - start), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int v) || v < 1 || v > 64)
            throw new ReadError(start, "expected a window between 1 and 64");
        return v;
    }
}
