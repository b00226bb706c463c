using FormalExpressivity.Classes.Types;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Certificates;

/// <summary>
/// The depth-by-depth types of two words at every position, computed by <see cref="TypeChecker"/>'s
/// definition (theory.md §6) with one numbering shared by both words, so equal ids mean equal types.
/// </summary>
/// <param name="Fragment">The fragment whose types these are.</param>
/// <param name="U">Per depth d = 0 … r: the type id of u at positions 1 … N+1 (index i−1).</param>
/// <param name="V">Per depth: the type id of v at positions 1 … M+1.</param>
/// <param name="Keys">Per depth d ≥ 1: the canonical key <c>d:symbol|window|past</c> of each type id (depth 0: the symbol, ⊥ for the end marker).</param>
/// <param name="FirstDifference">The least depth d at which T_d(N+1) of u and v differ, or null when they agree up to the last depth.</param>
public sealed record TypeTraceResult(
    TypeFragment Fragment,
    IReadOnlyList<int[]> U,
    IReadOnlyList<int[]> V,
    IReadOnlyList<IReadOnlyDictionary<int, string>> Keys,
    int? FirstDifference);

/// <summary>Traces the types of a witness pair for display (the playground's witness view); the verdict itself is <see cref="TypeChecker.Agree"/>.</summary>
public static class TypeTrace
{
    /// <summary>The types of <paramref name="u"/> and <paramref name="v"/> at depths 0 … <paramref name="maxDepth"/>.</summary>
    /// <param name="fragment">The fragment.</param>
    /// <param name="alphabet">Σ (names the depth-0 types).</param>
    /// <param name="u">A word.</param>
    /// <param name="v">A word.</param>
    /// <param name="maxDepth">The last depth r ≥ 0.</param>
    public static TypeTraceResult Compute(TypeFragment fragment, Alphabet alphabet, Word u, Word v, int maxDepth)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        ArgumentNullException.ThrowIfNull(alphabet);
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(v);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth);
        int sigma = alphabet.Count;
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var cu = TypeChecker.Initial(u, sigma);
        var cv = TypeChecker.Initial(v, sigma);
        var us = new List<int[]> { cu };
        var vs = new List<int[]> { cv };
        var depth0 = new Dictionary<int, string>();
        for (int a = 0; a < sigma; a++) depth0[a] = alphabet[a];
        depth0[sigma] = "⊥";
        var keys = new List<IReadOnlyDictionary<int, string>> { depth0 };
        int? first = cu[^1] != cv[^1] ? 0 : null;
        for (int d = 1; d <= maxDepth; d++)
        {
            int before = names.Count;
            cu = TypeChecker.Lift(fragment, cu, u, sigma, names, d);
            cv = TypeChecker.Lift(fragment, cv, v, sigma, names, d);
            us.Add(cu);
            vs.Add(cv);
            keys.Add(names.Where(kv => kv.Value >= before).ToDictionary(kv => kv.Value, kv => kv.Key));
            if (first is null && cu[^1] != cv[^1]) first = d;
        }
        return new TypeTraceResult(fragment, us, vs, keys, first);
    }
}
