namespace FormalExpressivity.Core.Text;

/// <summary>
/// The outcome of parsing: either a value, or a non-empty list of error diagnostics.
/// Parsers never throw on bad input; <see cref="GetValueOrThrow"/> is for callers that want an exception.
/// </summary>
/// <typeparam name="T">The parsed value's type.</typeparam>
public sealed class ParseResult<T>
{
    private readonly T? _value;

    private ParseResult(T? value, IReadOnlyList<Diagnostic> diagnostics)
    {
        _value = value;
        Diagnostics = diagnostics;
    }

    /// <summary>All diagnostics (errors and warnings).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when there is no error diagnostic and a value is present.</summary>
    public bool Success => !Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The value; throws <see cref="InvalidOperationException"/> when parsing failed.</summary>
    public T Value => Success ? _value! : throw new InvalidOperationException("The parse failed: " + Diagnostics[0]);

    /// <summary>A successful result.</summary>
    /// <param name="value">The parsed value.</param>
    /// <param name="warnings">Optional warnings.</param>
    public static ParseResult<T> Ok(T value, IReadOnlyList<Diagnostic>? warnings = null) => new(value, warnings ?? []);

    /// <summary>A failed result.</summary>
    /// <param name="errors">At least one error diagnostic.</param>
    public static ParseResult<T> Fail(IReadOnlyList<Diagnostic> errors)
    {
        if (errors is null || errors.Count == 0) throw new ArgumentException("A failed parse needs at least one diagnostic.", nameof(errors));
        return new(default, errors);
    }

    /// <summary>
    /// A failed result that still carries what was recovered around the errors (e.g. the well-formed
    /// statements of a claims file), so that later stages can report their own errors in the same run.
    /// </summary>
    /// <param name="recovered">The part of the input that parsed.</param>
    /// <param name="errors">At least one error diagnostic.</param>
    public static ParseResult<T> Partial(T recovered, IReadOnlyList<Diagnostic> errors)
    {
        if (errors is null || !errors.Any(d => d.Severity == DiagnosticSeverity.Error))
            throw new ArgumentException("A partial parse needs at least one error diagnostic.", nameof(errors));
        return new(recovered, errors);
    }

    /// <summary>The value when parsing succeeded, or what a <see cref="Partial"/> failure recovered; otherwise null.</summary>
    public T? Recovered => _value;

    /// <summary>A failed result with one error.</summary>
    /// <param name="error">The error.</param>
    public static ParseResult<T> Fail(Diagnostic error) => Fail([error]);

    /// <summary>Returns the value or throws <see cref="InputException"/> carrying the diagnostics.</summary>
    public T GetValueOrThrow() => Success ? _value! : throw new InputException(Diagnostics);

    /// <summary>Maps a successful value; failures pass through unchanged.</summary>
    /// <typeparam name="TOut">The mapped type.</typeparam>
    /// <param name="map">The mapping.</param>
    public ParseResult<TOut> Select<TOut>(Func<T, TOut> map) =>
        Success ? ParseResult<TOut>.Ok(map(_value!), Diagnostics) : ParseResult<TOut>.Fail(Diagnostics);
}
