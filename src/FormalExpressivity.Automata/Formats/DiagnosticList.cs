using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Automata.Formats;

/// <summary>
/// Collects diagnostics while reading a file, keeping at most <see cref="MaxErrors"/> errors and
/// <see cref="MaxWarnings"/> warnings (a file with a million repeated problems gets a readable report
/// in linear time, not a million lines).
/// </summary>
internal sealed class DiagnosticList
{
    /// <summary>Readers report at most this many errors; later ones would only repeat the first.</summary>
    public const int MaxErrors = 20;

    /// <summary>Readers report at most this many warnings.</summary>
    public const int MaxWarnings = 20;

    private readonly List<Diagnostic> _items = [];
    private int _warnings;
    private long _omitted;

    public int ErrorCount { get; private set; }

    public bool Full => ErrorCount >= MaxErrors;

    /// <summary>The kept diagnostics, with the count of those found but not kept (rendered as "… and K more").</summary>
    public IReadOnlyList<Diagnostic> Items => new CappedDiagnostics(_items, _omitted, atLeast: Full);

    /// <summary>Counts a diagnostic that was found but not kept (a caller that skipped computing it after <see cref="Accepts"/> said no).</summary>
    public void Omit() => _omitted++;

    /// <summary>True when a diagnostic of <paramref name="severity"/> would still be kept (callers skip computing positions otherwise).</summary>
    public bool Accepts(DiagnosticSeverity severity) =>
        severity == DiagnosticSeverity.Error ? !Full : _warnings < MaxWarnings;

    public void Add(Diagnostic diagnostic)
    {
        if (!Accepts(diagnostic.Severity))
        {
            _omitted++;
            return;
        }
        if (diagnostic.Severity == DiagnosticSeverity.Error) ErrorCount++;
        else _warnings++;
        _items.Add(diagnostic);
    }

    public ParseResult<T> Result<T>(Func<T> build) =>
        ErrorCount > 0 ? ParseResult<T>.Fail(Items) : ParseResult<T>.Ok(build(), Items);
}
