using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Types;
using System.Globalization;

namespace FormalExpressivity.Playground.Compute;

/// <summary>The type fragment behind a report key: architectures (multiset windows) and the logic classes <c>Ywin:k</c>, <c>PYwin:k</c> (set windows).</summary>
public static class Fragments
{
    /// <summary>The fragment of <paramref name="key"/>, or null (uha, class keys without a type fragment).</summary>
    /// <param name="key">A key of the report.</param>
    public static TypeFragment? Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Architecture.TryParse(key, out var a)) return a!.Fragment;
        int colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !int.TryParse(key.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int k) || k < 1) return null;
        return key[..colon] switch
        {
            "Ywin" => TypeFragment.WindowLogic(k),
            "PYwin" => TypeFragment.PastWindowLogic(k),
            _ => null,
        };
    }
}
