using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Certificates;
using FormalExpressivity.Classes.Types;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Exact;

/// <summary>A checked all-depth refutation: the certificate and two concrete words for a stated depth.</summary>
/// <param name="Certificate">A <see cref="StutterCertificate"/> or <see cref="LassoCertificate"/>, re-checked by its checker.</param>
/// <param name="Witness">u ∈ L and v ∉ L with equal types at the stated depth (one member of the certificate's family).</param>
/// <param name="Kind">The evidence kind for reports: <c>stutter</c> or <c>lasso</c>.</param>
public sealed record Refutation(ClassEvidence Certificate, WitnessPair Witness, string Kind);

/// <summary>The outcome of <see cref="AllDepthRefutation.FindStepwise"/>: a checked refutation, or null with what was searched.</summary>
/// <param name="Refutation">The refutation, or null.</param>
/// <param name="Bound">What the lasso search covered (empty for a stutter certificate).</param>
public sealed record RefutationSearch(Refutation? Refutation, string Bound);

/// <summary>
/// The "no at every depth" stage for the fragments without an exact characterization (local:k, hybrid:k,
/// Ywin:k, PYwin:k for k ≥ 2, global-nonstrict): first the stuttering criterion (non-strict P only),
/// then the lasso search. A certificate is returned only after its independent checker accepts it.
/// </summary>
public static class AllDepthRefutation
{
    /// <summary>A checked refutation of <paramref name="fragment"/> for L, or null with <paramref name="bound"/> saying what was searched.</summary>
    /// <param name="dfa">A DFA for L.</param>
    /// <param name="fragment">The fragment.</param>
    /// <param name="witnessDepth">The depth at which the concrete witness words are stated.</param>
    /// <param name="options">Lasso budgets (defaults when null).</param>
    /// <param name="bound">What the lasso search covered.</param>
    public static Refutation? Find(Dfa dfa, TypeFragment fragment, int witnessDepth, LassoSearchOptions? options, out string bound)
    {
        var outcome = FindStepwise(dfa, fragment, witnessDepth, options).Last()!;
        bound = outcome.Bound;
        return outcome.Refutation;
    }

    /// <summary>
    /// <see cref="Find"/> in bounded steps (one lasso candidate each, <see cref="LassoSearch.FindStepwise"/>):
    /// every element but the last is null; the last is the outcome, the same one <see cref="Find"/> returns.
    /// </summary>
    /// <param name="dfa">A DFA for L.</param>
    /// <param name="fragment">The fragment.</param>
    /// <param name="witnessDepth">The depth at which the concrete witness words are stated.</param>
    /// <param name="options">Lasso budgets (defaults when null).</param>
    /// <param name="work">A work counter shared with the type search (budget <c>max-search-work</c>), or null.</param>
    public static IEnumerable<RefutationSearch?> FindStepwise(Dfa dfa, TypeFragment fragment, int witnessDepth, LassoSearchOptions? options, FormalExpressivity.Core.Limits.WorkBudget? work = null)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        ArgumentNullException.ThrowIfNull(fragment);
        return Steps(dfa, fragment, witnessDepth, options, work);
    }

    private static IEnumerable<RefutationSearch?> Steps(Dfa dfa, TypeFragment fragment, int witnessDepth, LassoSearchOptions? options, FormalExpressivity.Core.Limits.WorkBudget? work)
    {
        if (fragment.NonStrict && fragment.Window == 0 && StutterCertificate.Find(dfa) is { } stutter)
        {
            if (stutter.Check(dfa) is { } why) throw new InvalidOperationException("internal error: stutter certificate rejected: " + why);
            var (u, v) = stutter.Ordered(dfa);
            yield return new RefutationSearch(new Refutation(stutter, Confirmed(fragment, dfa, u, v, witnessDepth), "stutter"), "");
            yield break;
        }
        LassoSearchResult? result = null;
        foreach (var step in LassoSearch.FindStepwise(dfa, fragment, options, work))
        {
            result = step;
            if (step is null) yield return null;
        }
        if (result!.Certificate is not { } c)
        {
            yield return new RefutationSearch(null, result.Bound);
            yield break;
        }
        if (LassoCertificateChecker.Check(dfa, c) is { } reason) throw new InvalidOperationException("internal error: lasso certificate rejected: " + reason);
        var (x, y) = c.WordsAt(c.RepetitionFor(witnessDepth));
        yield return new RefutationSearch(new Refutation(c, Confirmed(fragment, dfa, x, y, witnessDepth), "lasso"), result.Bound);
    }

    private static WitnessPair Confirmed(TypeFragment fragment, Dfa dfa, Word u, Word v, int depth)
    {
        if (!dfa.Accepts(u) || dfa.Accepts(v) || !TypeChecker.Agree(fragment, dfa.SymbolCount, u, v, depth))
            throw new InvalidOperationException($"internal error: the certificate's words for depth {depth} do not re-check");
        return new WitnessPair(u, v, fragment.Name, depth);
    }
}
