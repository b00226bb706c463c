using FormalExpressivity.Core.IO;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Engine.Languages;
using FormalExpressivity.Syntax.Claims;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Engine.Claims;

/// <summary>A checked claims file: the report, or every error of the file rendered with positions and carets.</summary>
/// <param name="Report">The report, or null when the file is bad.</param>
/// <param name="Error">The rendered diagnostics (syntax, names, formulas, alphabets, model files), or null.</param>
public sealed record ClaimsFileResult(ClaimsReport? Report, string? Error);

/// <summary>A claims file read from disk and bound: its text and the bound claims, or every error of the file rendered with positions and carets.</summary>
/// <param name="Source">The file's text (what a sharded check fingerprints).</param>
/// <param name="Claims">The bound claims, or null when the file is bad.</param>
/// <param name="Error">The rendered diagnostics (syntax, names, formulas, alphabets, model files), or null.</param>
public sealed record LoadedClaimsFile(string Source, BoundClaims? Claims, string? Error);

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

    /// <summary>
    /// What <c>fex check FILE</c> (and its shards and merge) reads: the text of <paramref name="path"/>, parsed and
    /// bound (<see cref="Read"/>) with the languages compiled under <paramref name="budgets"/>; bad content comes back
    /// rendered in <see cref="LoadedClaimsFile.Error"/>.
    /// </summary>
    /// <param name="path">The claims file (read through <see cref="InputFile"/>, which may throw <see cref="InputException"/>).</param>
    /// <param name="budgets">The construction budgets of the file's languages; null for the defaults.</param>
    /// <param name="allowedFolders">Folders besides the claims file's own whose automaton files may be read (<c>--allow-path</c>).</param>
    /// <param name="at">Where the file's <c>ltl"…"</c> languages are read (<c>--at</c>).</param>
    /// <param name="warn">Receives warnings about formulas that cannot depend on the word at that point.</param>
    public static LoadedClaimsFile Load(string path, Budgets? budgets = null, IReadOnlyList<string>? allowedFolders = null,
        LtlEvaluationPoint at = LtlEvaluationPoint.EndMarker, Action<string>? warn = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var source = InputFile.ReadAllText(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var bound = Read(source, new ClaimsLanguageCompiler(budgets, allowedFolders, at, warn), directory);
        return bound.Success
            ? new LoadedClaimsFile(source, bound.Value, null)
            : new LoadedClaimsFile(source, null, DiagnosticFormatter.RenderAll(bound.Diagnostics, source, path));
    }

    /// <summary>What <c>fex check FILE</c> decides: reads and binds <paramref name="path"/> (<see cref="Load"/>) and checks every claim.</summary>
    /// <param name="path">The claims file (read through <see cref="InputFile"/>, which may throw <see cref="InputException"/>).</param>
    /// <param name="options">The decider chain, the empirical check and budgets.</param>
    /// <param name="budgets">The construction budgets of the file's languages; null for the defaults.</param>
    /// <param name="allowedFolders">Folders besides the claims file's own whose automaton files may be read (<c>--allow-path</c>).</param>
    /// <param name="at">Where the file's <c>ltl"…"</c> languages are read (<c>--at</c>).</param>
    /// <param name="warn">Receives warnings about formulas that cannot depend on the word at that point.</param>
    public static ClaimsFileResult Check(string path, ClaimCheckOptions options, Budgets? budgets = null, IReadOnlyList<string>? allowedFolders = null,
        LtlEvaluationPoint at = LtlEvaluationPoint.EndMarker, Action<string>? warn = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var file = Load(path, budgets, allowedFolders, at, warn);
        return file.Claims is { } claims
            ? new ClaimsFileResult(ClaimChecker.Check(claims, options), null)
            : new ClaimsFileResult(null, file.Error);
    }
}
