using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Claims;

namespace FormalExpressivity.Engine.Claims;

/// <summary>
/// Reads the text of a claims file (docs/claims.md): parses it and binds it. The statements that parsed are
/// bound even when others did not, so every error of the file (syntax, names, formulas, alphabets) is
/// reported in one run, in source order. <c>fex check</c> and the playground's claims editor both read
/// claims through here.
/// </summary>
public static class ClaimsFile
{
    /// <summary>The bound file, or every diagnostic of parsing and binding (ordered by position, then code); never throws on bad input.</summary>
    /// <param name="source">The file's text.</param>
    /// <param name="compiler">Compiles the declared languages.</param>
    /// <param name="baseDirectory">The folder model paths are relative to (the claims file's folder).</param>
    public static ParseResult<BoundClaims> Read(string source, ILanguageCompiler compiler, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(compiler);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        var parsed = ClaimsParser.Parse(source);
        var document = parsed.Recovered;
        var bound = document is null ? null : ClaimsBinder.Bind(document, compiler, baseDirectory);
        if (parsed.Success && bound is { Success: true }) return bound;
        var all = parsed.Diagnostics.Concat(bound?.Diagnostics ?? [])
            .OrderBy(d => d.Span.Offset).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
        return ParseResult<BoundClaims>.Fail(all);
    }
}
