using FormalExpressivity.Core.IO;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Engine.Languages;
using FormalExpressivity.Syntax.Claims;

namespace FormalExpressivity.Engine.Claims;

/// <summary>A checked claims file: the report, or every error of the file rendered with positions and carets.</summary>
/// <param name="Report">The report, or null when the file is bad.</param>
/// <param name="Error">The rendered diagnostics (syntax, names, formulas, alphabets, model files), or null.</param>
public sealed record ClaimsFileResult(ClaimsReport? Report, string? Error);

/// <summary>What <c>fex check FILE</c> decides: read, parse, bind and check a claims file (docs/claims.md).</summary>
public static class ClaimsFile
{
    /// <summary>Reads, parses, binds and checks <paramref name="path"/>.</summary>
    /// <param name="path">The claims file (read through <see cref="InputFile"/>, which may throw <see cref="InputException"/>).</param>
    /// <param name="options">The decider chain, the empirical check and budgets.</param>
    /// <param name="budgets">The construction budgets of the file's languages; null for the defaults.</param>
    /// <param name="allowedFolders">Folders besides the claims file's own whose automaton files may be read (<c>--allow-path</c>).</param>
    public static ClaimsFileResult Check(string path, ClaimCheckOptions options, Budgets? budgets = null, IReadOnlyList<string>? allowedFolders = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var source = InputFile.ReadAllText(path);
        var parsed = ClaimsParser.Parse(source);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        // The statements that parsed are bound even when others did not, so every error of the file
        // (syntax, names, formulas, alphabets) is reported in one run (docs/claims.md).
        var document = parsed.Recovered;
        var bound = document is null ? null : ClaimsBinder.Bind(document, new ClaimsLanguageCompiler(budgets, allowedFolders), directory);
        if (parsed.Success && bound is { Success: true }) return new ClaimsFileResult(ClaimChecker.Check(bound.Value, options), null);
        var all = parsed.Diagnostics.Concat(bound?.Diagnostics ?? [])
            .OrderBy(d => d.Span.Offset).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
        return new ClaimsFileResult(null, DiagnosticFormatter.RenderAll(all, source, path));
    }
}
