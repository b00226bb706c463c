using System.Collections;

namespace FormalExpressivity.Core.Text;

/// <summary>
/// The diagnostics a reader kept when it stops collecting at a cap (a file with a million repeated problems is
/// read in linear time and reported in a screenful), with the number it found but did not keep, so that
/// <see cref="DiagnosticFormatter.RenderAll"/> can still say "… and K more diagnostics".
/// </summary>
public sealed class CappedDiagnostics : IReadOnlyList<Diagnostic>
{
    private readonly IReadOnlyList<Diagnostic> _kept;

    /// <summary>Wraps the kept diagnostics.</summary>
    /// <param name="kept">The diagnostics kept, in order.</param>
    /// <param name="omitted">How many more were found and not kept.</param>
    /// <param name="atLeast">Whether the reader may have stopped looking once its cap was reached (then <paramref name="omitted"/> is a lower bound).</param>
    public CappedDiagnostics(IReadOnlyList<Diagnostic> kept, long omitted, bool atLeast)
    {
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentOutOfRangeException.ThrowIfNegative(omitted);
        _kept = kept;
        Omitted = omitted;
        AtLeast = atLeast;
    }

    /// <summary>Diagnostics found but not kept.</summary>
    public long Omitted { get; }

    /// <summary>Whether <see cref="Omitted"/> is only a lower bound (the reader stopped looking at its cap).</summary>
    public bool AtLeast { get; }

    /// <inheritdoc />
    public Diagnostic this[int index] => _kept[index];

    /// <inheritdoc />
    public int Count => _kept.Count;

    /// <inheritdoc />
    public IEnumerator<Diagnostic> GetEnumerator() => _kept.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
