using Antlr4.Runtime;

namespace FormalExpressivity.Syntax.Antlr
{
    /// <summary>
    /// What every generated lexer does on a character it cannot match. ANTLR's own error report builds
    /// its message with <c>char.ConvertToUtf32</c>, which throws on the lone surrogate a UTF-16 input
    /// stream hands it for any character outside the Basic Multilingual Plane; and its recovery skips one
    /// UTF-16 unit, which would report the second half of the pair as a second error. Here the listeners
    /// are told the position only (they describe the character themselves, as one code point), and a
    /// surrogate pair is skipped as one character.
    /// </summary>
    internal static class CodePointLexing
    {
        public static void Notify(Lexer lexer, int startLine, int startColumn, LexerNoViableAltException e) =>
            ((IAntlrErrorListener<int>)lexer.ErrorListenerDispatch).SyntaxError(TextWriter.Null, lexer, 0, startLine, startColumn, "token recognition error", e);

        public static void SkipSecondHalf(Lexer lexer)
        {
            var input = (ICharStream)lexer.InputStream;
            int previous = input.LA(-1), next = input.LA(1);
            if (previous is >= 0xD800 and <= 0xDBFF && next is >= 0xDC00 and <= 0xDFFF) lexer.Interpreter.Consume(input);
        }
    }
}

namespace FormalExpressivity.Syntax.Antlr.Generated
{
    using FormalExpressivity.Syntax.Antlr;

    /// <summary>The regex lexer, reporting characters outside the BMP as one code point (<see cref="CodePointLexing"/>).</summary>
    internal partial class RegexLexer
    {
        /// <inheritdoc />
        public override void NotifyListeners(LexerNoViableAltException e) => CodePointLexing.Notify(this, TokenStartLine, TokenStartColumn, e);

        /// <inheritdoc />
        public override void Recover(LexerNoViableAltException e)
        {
            base.Recover(e);
            CodePointLexing.SkipSecondHalf(this);
        }
    }

    /// <summary>The LTL lexer, reporting characters outside the BMP as one code point (<see cref="CodePointLexing"/>).</summary>
    internal partial class LtlLexer
    {
        /// <inheritdoc />
        public override void NotifyListeners(LexerNoViableAltException e) => CodePointLexing.Notify(this, TokenStartLine, TokenStartColumn, e);

        /// <inheritdoc />
        public override void Recover(LexerNoViableAltException e)
        {
            base.Recover(e);
            CodePointLexing.SkipSecondHalf(this);
        }
    }

    /// <summary>The FO[&lt;] lexer, reporting characters outside the BMP as one code point (<see cref="CodePointLexing"/>).</summary>
    internal partial class FoLexer
    {
        /// <inheritdoc />
        public override void NotifyListeners(LexerNoViableAltException e) => CodePointLexing.Notify(this, TokenStartLine, TokenStartColumn, e);

        /// <inheritdoc />
        public override void Recover(LexerNoViableAltException e)
        {
            base.Recover(e);
            CodePointLexing.SkipSecondHalf(this);
        }
    }

    /// <summary>The claims lexer, reporting characters outside the BMP as one code point (<see cref="CodePointLexing"/>).</summary>
    internal partial class ClaimsLexer
    {
        /// <inheritdoc />
        public override void NotifyListeners(LexerNoViableAltException e) => CodePointLexing.Notify(this, TokenStartLine, TokenStartColumn, e);

        /// <inheritdoc />
        public override void Recover(LexerNoViableAltException e)
        {
            base.Recover(e);
            CodePointLexing.SkipSecondHalf(this);
        }
    }

    /// <summary>The transformer-model lexer, reporting characters outside the BMP as one code point (<see cref="CodePointLexing"/>).</summary>
    internal partial class TransformerLexer
    {
        /// <inheritdoc />
        public override void NotifyListeners(LexerNoViableAltException e) => CodePointLexing.Notify(this, TokenStartLine, TokenStartColumn, e);

        /// <inheritdoc />
        public override void Recover(LexerNoViableAltException e)
        {
            base.Recover(e);
            CodePointLexing.SkipSecondHalf(this);
        }
    }
}
