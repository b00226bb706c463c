using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Types;

namespace FormalExpressivity.Playground.Compute;

/// <summary>The type fragment behind a report key: architectures (multiset windows) and the logic classes <c>Ywin:k</c>, <c>PYwin:k</c> (set windows).</summary>
public static class Fragments
{
    /// <summary>The fragment of <paramref name="key"/>, or null (uha, class keys without a type fragment).</summary>
    /// <param name="key">A key of the report.</param>
    public static TypeFragment? Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Architecture.TryParse(key, out var a) ? a.Fragment : null;
    }
}
