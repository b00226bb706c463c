using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Syntax.Claims;

/// <summary>
/// An architecture as written in a claims file: its name and, for <c>local(k)</c> and <c>hybrid(k)</c>,
/// its window size. This is only the parsed text; binding turns it into the one
/// <c>FormalExpressivity.Classes.Architectures.Architecture</c> value that carries the rules.
/// </summary>
/// <param name="Name">The name as written: <c>global</c>, <c>global-nonstrict</c>, <c>local</c>, <c>hybrid</c>, <c>uha</c> or <c>regular</c>.</param>
/// <param name="Window">The window size k for the names that take one (<see cref="TakesWindow"/>), else <c>null</c>.</param>
/// <param name="Span">Where the architecture is written.</param>
public sealed record ArchitectureSpelling(string Name, int? Window, SourceSpan Span)
{
    /// <summary>The largest window size a claims file may name.</summary>
    public const int MaxWindow = 64;

    /// <summary>The architecture names of the claims grammar, in the order docs/claims.md lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["global", "global-nonstrict", "local", "hybrid", "uha", "regular"];

    /// <summary>True for the names written with a window size: <c>local(k)</c>, <c>hybrid(k)</c>.</summary>
    /// <param name="name">An architecture name.</param>
    public static bool TakesWindow(string name) => name is "local" or "hybrid";

    /// <summary>The claims-file spelling: <c>global</c>, <c>local(2)</c>, ….</summary>
    public override string ToString() => Window is { } k ? FormattableString.Invariant($"{Name}({k})") : Name;

    /// <summary>Equality ignores the position: <c>local(2)</c> written twice is the same architecture.</summary>
    /// <param name="other">Another spelling.</param>
    public bool Equals(ArchitectureSpelling? other) => other is not null && Name == other.Name && Window == other.Window;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Window);
}
