using Antlr4.Runtime;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Antlr;
using G = FormalExpressivity.Syntax.Antlr.Generated;

namespace FormalExpressivity.Syntax.Claims;

/// <summary>
/// Parses claims files (grammars/Claims.g4, documented in docs/claims.md) into a
/// <see cref="ClaimsDocument"/>. Never throws on bad input: every problem is a positioned
/// <see cref="Diagnostic"/>, all of them are reported (one syntax error per line at most), sorted by position.
/// <list type="table">
/// <item><term>CLM001</term><description>a character that is not part of the syntax</description></item>
/// <item><term>CLM002</term><description>syntax error (the first one of a line)</description></item>
/// <item><term>CLM003</term><description>unexpected end of input</description></item>
/// <item><term>CLM007</term><description>a string without its closing quote</description></item>
/// <item><term>CLM008</term><description>an empty formula or path</description></item>
/// <item><term>CLM015</term><description>a string whose kind prefix is wrong (a language needs re, ltl or fo; a model needs file)</description></item>
/// <item><term>CLM010</term><description>a second <c>alphabet</c> declaration</description></item>
/// <item><term>CLM011</term><description>a symbol listed twice in an alphabet</description></item>
/// <item><term>CLM012</term><description>an invalid symbol name</description></item>
/// <item><term>CLM013</term><description>an empty alphabet, or more than 64 symbols</description></item>
/// <item><term>CLM014</term><description>a language or conjecture without an alphabet (no <c>over</c> and no <c>alphabet</c> declaration)</description></item>
/// <item><term>CLM020</term><description>a name declared twice</description></item>
/// <item><term>CLM021</term><description>a claim names an undeclared language</description></item>
/// <item><term>CLM022</term><description>an equivalence claim between languages over different alphabets</description></item>
/// <item><term>CLM030</term><description>an unknown architecture</description></item>
/// <item><term>CLM031</term><description>an architecture without its window size k, or one that takes none given one</description></item>
/// <item><term>CLM032</term><description>a window size k or class parameter outside its range</description></item>
/// <item><term>CLM033</term><description>a conjecture's state bound outside 1..<see cref="MaxConjectureStates"/></description></item>
/// </list>
/// Class names (<c>claim X in LT</c>) are checked when the file is bound (<c>CLM040</c>, <c>CLM041</c>),
/// embedded formulas when they are compiled (their own codes, positions in this file).
/// </summary>
public static class ClaimsParser
{
    /// <summary>The largest state bound of a conjecture (the number of languages grows super-exponentially).</summary>
    public const int MaxConjectureStates = 5;

    /// <summary>The largest class parameter (<c>LT(k)</c>) accepted.</summary>
    public const int MaxClassParameter = 64;

    /// <summary>
    /// Parses a claims file. On errors the result still carries the well-formed statements
    /// (<see cref="ParseResult{T}.Recovered"/>), so a caller can bind them and report every error of the file in one run.
    /// </summary>
    /// <param name="source">The file's text.</param>
    public static ParseResult<ClaimsDocument> Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var listener = new SyntaxErrorCollector(source, SyntaxErrorStyle.Claims);
        var lexer = new G.ClaimsLexer(new AntlrInputStream(source));
        listener.Attach(lexer);
        var tokens = lexer.GetAllTokens();
        var diagnostics = new List<Diagnostic>(listener.CharacterErrors);
        var badOffsets = listener.CharacterErrors.Select(d => d.Span.Offset).ToList();

        var statements = new List<G.ClaimsParser.StatementContext>();
        var failedDeclarations = new HashSet<string>(StringComparer.Ordinal);
        int start = 0;
        for (int i = 0; i <= tokens.Count; i++)
        {
            if (i < tokens.Count && tokens[i].Type != G.ClaimsLexer.NEWLINE) continue;
            int end = i < tokens.Count ? tokens[i].StartIndex : source.Length;
            var line = tokens.Skip(start).Take(i - start).ToList();
            int lineStart = line.Count > 0 ? LineStart(source, line[0].StartIndex) : end;
            start = i + 1;
            if (line.Count == 0) continue;
            // A declaration whose line is rejected still declares its name: later uses get no second diagnostic.
            if (line.Count > 1 && line[0].Type is G.ClaimsLexer.LANGUAGE or G.ClaimsLexer.MODEL) failedDeclarations.Add(line[1].Text);
            if (badOffsets.Any(o => o >= lineStart && o <= end)) continue; // the lexer error is the diagnostic of this line
            var unterminated = line.FirstOrDefault(t => t.Type == G.ClaimsLexer.UNTERMINATED_STRING);
            if (unterminated is not null)
            {
                diagnostics.Add(Diagnostic.Error("CLM007", source, unterminated.StartIndex, unterminated.StopIndex - unterminated.StartIndex + 1,
                    "the string has no closing '\"' on this line"));
                continue;
            }
            var statement = ParseLine(line, end, listener);
            if (listener.ParserError is { } error) diagnostics.Add(error);
            else if (statement is not null)
            {
                statements.Add(statement);
                if (statement is G.ClaimsParser.LanguageDeclarationContext or G.ClaimsParser.ModelDeclarationContext) failedDeclarations.Remove(line[1].Text);
            }
            listener.ResetParserError();
        }

        var reader = new ClaimsReader(source, diagnostics, failedDeclarations);
        var document = reader.Read(statements);
        var sorted = diagnostics.OrderBy(d => d.Span.Offset).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
        return sorted.Any(d => d.Severity == DiagnosticSeverity.Error)
            ? ParseResult<ClaimsDocument>.Partial(document, sorted)
            : ParseResult<ClaimsDocument>.Ok(document, sorted);
    }

    /// <summary>Parses or throws <see cref="InputException"/> carrying the diagnostics.</summary>
    /// <param name="source">The file's text.</param>
    public static ClaimsDocument ParseOrThrow(string source) => Parse(source).GetValueOrThrow();

    private static G.ClaimsParser.StatementContext? ParseLine(List<IToken> line, int end, SyntaxErrorCollector listener)
    {
        var eof = new CommonToken(TokenConstants.EOF, "<EOF>") { StartIndex = end, StopIndex = end - 1 };
        var last = line[^1];
        eof.Line = last.Line;
        eof.Column = last.Column + (last.StopIndex - last.StartIndex + 1);
        var stream = new CommonTokenStream(new ListTokenSource([.. line, eof]));
        var parser = new G.ClaimsParser(stream);
        listener.Attach(parser);
        var tree = parser.line();
        return listener.ParserError is null ? tree.statement() : null;
    }

    private static int LineStart(string source, int offset)
    {
        int i = Math.Min(offset, source.Length);
        while (i > 0 && source[i - 1] != '\n') i--;
        return i;
    }
}
