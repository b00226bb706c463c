using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Automata.Formats;

/// <summary>Collects diagnostics while reading a file, stopping after a fixed number of errors.</summary>
internal sealed class DiagnosticList
{
    /// <summary>Readers report at most this many errors; later ones would only repeat the first.</summary>
    public const int MaxErrors = 20;

    private readonly List<Diagnostic> _items = [];

    public int ErrorCount { get; private set; }

    public bool Full => ErrorCount >= MaxErrors;

    public IReadOnlyList<Diagnostic> Items => _items;

    public void Add(Diagnostic diagnostic)
    {
        if (diagnostic.Severity == DiagnosticSeverity.Error)
        {
            if (Full) return;
            ErrorCount++;
        }
        _items.Add(diagnostic);
    }

    public ParseResult<T> Result<T>(Func<T> build) =>
        ErrorCount > 0 ? ParseResult<T>.Fail(_items) : ParseResult<T>.Ok(build(), _items);
}
