using System.Globalization;
using FormalExpressivity.Classes.Types;

namespace FormalExpressivity.Classes.Architectures;

/// <summary>The attention architectures of theory.md §3–4.</summary>
public enum ArchitectureKind
{
    /// <summary><c>global</c>: strict global attention = LTL[P] = R-trivial.</summary>
    Global,
    /// <summary><c>global-nonstrict</c>: global attention that also sees the position itself (strictly weaker).</summary>
    GlobalNonStrict,
    /// <summary><c>local:k</c>: k-local heads only (multiset windows); local:1 = LTL[Y] = definite.</summary>
    Local,
    /// <summary><c>hybrid:k</c>: global and k-local heads; hybrid:1 = LTL[P,Y] = LR.</summary>
    Hybrid,
    /// <summary><c>uha</c>: unique-hard attention = LTL[S] = star-free.</summary>
    Uha,
}

/// <summary>An architecture with its window size (k ≥ 1 for local and hybrid, 0 otherwise).</summary>
/// <param name="Kind">The kind.</param>
/// <param name="K">The window size.</param>
public sealed record Architecture(ArchitectureKind Kind, int K = 0)
{
    /// <summary>The key used in reports: <c>global</c>, <c>global-nonstrict</c>, <c>local:k</c>, <c>hybrid:k</c>, <c>uha</c>.</summary>
    public string Key => Kind switch
    {
        ArchitectureKind.Global => "global",
        ArchitectureKind.GlobalNonStrict => "global-nonstrict",
        ArchitectureKind.Local => string.Create(CultureInfo.InvariantCulture, $"local:{K}"),
        ArchitectureKind.Hybrid => string.Create(CultureInfo.InvariantCulture, $"hybrid:{K}"),
        _ => "uha",
    };

    /// <summary>The type fragment whose depth-r types decide this architecture (null for uha).</summary>
    public TypeFragment? Fragment => Kind switch
    {
        ArchitectureKind.Global => TypeFragment.PastOnly,
        ArchitectureKind.GlobalNonStrict => TypeFragment.PastNonStrict,
        ArchitectureKind.Local => TypeFragment.Local(K),
        ArchitectureKind.Hybrid => TypeFragment.Hybrid(K),
        _ => null,
    };

    /// <summary>The default list: global, global-nonstrict, local:k and hybrid:k for each k, uha.</summary>
    /// <param name="windowSizes">Window sizes k ≥ 1.</param>
    public static IReadOnlyList<Architecture> Defaults(IEnumerable<int> windowSizes)
    {
        ArgumentNullException.ThrowIfNull(windowSizes);
        var ks = windowSizes.Distinct().Order().ToArray();
        if (ks.Any(k => k < 1)) throw new ArgumentOutOfRangeException(nameof(windowSizes), "window sizes must be ≥ 1");
        var list = new List<Architecture> { new(ArchitectureKind.Global), new(ArchitectureKind.GlobalNonStrict) };
        list.AddRange(ks.Select(k => new Architecture(ArchitectureKind.Local, k)));
        list.AddRange(ks.Select(k => new Architecture(ArchitectureKind.Hybrid, k)));
        list.Add(new Architecture(ArchitectureKind.Uha));
        return list;
    }

    /// <summary>Parses a key (<c>global</c>, <c>global-nonstrict</c>, <c>local:k</c>, <c>hybrid:k</c>, <c>uha</c>).</summary>
    /// <param name="key">The key.</param>
    /// <param name="architecture">The architecture when the key is valid.</param>
    public static bool TryParse(string key, out Architecture? architecture)
    {
        architecture = null;
        if (key is null) return false;
        switch (key)
        {
            case "global": architecture = new(ArchitectureKind.Global); return true;
            case "global-nonstrict": architecture = new(ArchitectureKind.GlobalNonStrict); return true;
            case "uha": architecture = new(ArchitectureKind.Uha); return true;
        }
        int colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !int.TryParse(key.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int k) || k < 1) return false;
        var kind = key[..colon] switch { "local" => ArchitectureKind.Local, "hybrid" => ArchitectureKind.Hybrid, _ => (ArchitectureKind?)null };
        if (kind is null) return false;
        architecture = new(kind.Value, k);
        return true;
    }
}
