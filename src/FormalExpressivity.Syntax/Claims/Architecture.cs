using System.Diagnostics.CodeAnalysis;

namespace FormalExpressivity.Syntax.Claims;

/// <summary>The transformer architectures a claim can name (theory.md §3–§4).</summary>
public enum ArchitectureKind
{
    /// <summary><c>global</c>: strict global soft attention, LTL[P] = R-trivial (LC25).</summary>
    Global,
    /// <summary><c>global-nonstrict</c>: global attention that also sees the current position (LC25 §F), strictly weaker.</summary>
    GlobalNonStrict,
    /// <summary><c>local(k)</c>: only k-local heads (the k previous positions); local(1) = LTL[Y] = definite (LC26).</summary>
    Local,
    /// <summary><c>hybrid(k)</c>: global and k-local heads; hybrid(1) = LTL[P,Y] = LR (LC26).</summary>
    Hybrid,
    /// <summary><c>uha</c>: unique-hard attention = LTL[S] = FO[&lt;] = star-free.</summary>
    Uha,
    /// <summary><c>regular</c>: any finite-state recognizer (an RNN, MSO); every DFA language.</summary>
    Regular,
}

/// <summary>
/// An architecture with its window size: <c>local(2)</c> is (<see cref="ArchitectureKind.Local"/>, 2).
/// <see cref="Key"/> is the key of the classification report (<c>local:2</c>); <see cref="ToString"/>
/// is the claims-file spelling (<c>local(2)</c>).
/// </summary>
/// <param name="Kind">The architecture family.</param>
/// <param name="Window">The window size k for <c>local</c> and <c>hybrid</c>; 0 for the others.</param>
public readonly record struct Architecture(ArchitectureKind Kind, int Window)
{
    /// <summary>The largest window size a claims file may name.</summary>
    public const int MaxWindow = 64;

    /// <summary>The architectures without a window, by their claims-file name.</summary>
    public static IReadOnlyList<string> Names { get; } = ["global", "global-nonstrict", "local", "hybrid", "uha", "regular"];

    /// <summary>True for the families that take a window size k.</summary>
    public bool HasWindow => Kind is ArchitectureKind.Local or ArchitectureKind.Hybrid;

    /// <summary>The classification-report key: <c>global</c>, <c>global-nonstrict</c>, <c>local:k</c>, <c>hybrid:k</c>, <c>uha</c>, <c>regular</c>.</summary>
    public string Key => Kind switch
    {
        ArchitectureKind.Local => $"local:{Window}",
        ArchitectureKind.Hybrid => $"hybrid:{Window}",
        _ => Name(Kind),
    };

    /// <summary>The claims-file spelling: <c>global</c>, <c>local(2)</c>, ….</summary>
    public override string ToString() => HasWindow ? $"{Name(Kind)}({Window})" : Name(Kind);

    /// <summary>Creates <c>local(k)</c>.</summary>
    /// <param name="k">The window size, 1 ≤ k ≤ <see cref="MaxWindow"/>.</param>
    public static Architecture Local(int k) => new(ArchitectureKind.Local, CheckWindow(k));

    /// <summary>Creates <c>hybrid(k)</c>.</summary>
    /// <param name="k">The window size, 1 ≤ k ≤ <see cref="MaxWindow"/>.</param>
    public static Architecture Hybrid(int k) => new(ArchitectureKind.Hybrid, CheckWindow(k));

    /// <summary>The family named <paramref name="name"/> (<c>global</c>, <c>local</c>, …), if any.</summary>
    /// <param name="name">A claims-file architecture name without its parameter.</param>
    /// <param name="kind">The family when found.</param>
    public static bool TryGetKind(string name, out ArchitectureKind kind)
    {
        switch (name)
        {
            case "global": kind = ArchitectureKind.Global; return true;
            case "global-nonstrict": kind = ArchitectureKind.GlobalNonStrict; return true;
            case "local": kind = ArchitectureKind.Local; return true;
            case "hybrid": kind = ArchitectureKind.Hybrid; return true;
            case "uha": kind = ArchitectureKind.Uha; return true;
            case "regular": kind = ArchitectureKind.Regular; return true;
            default: kind = default; return false;
        }
    }

    /// <summary>
    /// Parses a report key (<c>local:2</c>) or a claims-file spelling (<c>local(2)</c>).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="architecture">The architecture when valid.</param>
    public static bool TryParse(string text, [NotNullWhen(true)] out Architecture? architecture)
    {
        architecture = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        string name = text;
        int? k = null;
        int cut = text.IndexOfAny([':', '(']);
        if (cut > 0)
        {
            name = text[..cut];
            string rest = text[(cut + 1)..];
            if (text[cut] == '(')
            {
                if (!rest.EndsWith(')')) return false;
                rest = rest[..^1];
            }
            if (!int.TryParse(rest, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int parsed)) return false;
            k = parsed;
        }
        if (!TryGetKind(name, out var kind)) return false;
        bool windowed = kind is ArchitectureKind.Local or ArchitectureKind.Hybrid;
        if (windowed != k.HasValue) return false;
        if (windowed && (k < 1 || k > MaxWindow)) return false;
        architecture = new Architecture(kind, k ?? 0);
        return true;
    }

    private static string Name(ArchitectureKind kind) => kind switch
    {
        ArchitectureKind.Global => "global",
        ArchitectureKind.GlobalNonStrict => "global-nonstrict",
        ArchitectureKind.Local => "local",
        ArchitectureKind.Hybrid => "hybrid",
        ArchitectureKind.Uha => "uha",
        ArchitectureKind.Regular => "regular",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static int CheckWindow(int k) =>
        k is >= 1 and <= MaxWindow ? k : throw new ArgumentOutOfRangeException(nameof(k), $"the window size must be in 1..{MaxWindow}");
}
