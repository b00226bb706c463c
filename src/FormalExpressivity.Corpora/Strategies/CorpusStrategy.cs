using FormalExpressivity.Automata;

namespace FormalExpressivity.Corpora.Strategies;

/// <summary>
/// A named way of choosing the positive and negative strings of a corpus. Every strategy is two
/// regular sets — <see cref="Positives"/> ⊆ L and <see cref="Negatives"/> ⊆ Σ* ∖ L — plus a filter on
/// lengths; the generator samples <b>exactly uniformly</b> from each set at each length (by exact
/// counting), so a strategy never "fails after n attempts": when a set has no word of some length,
/// the generator knows it exactly and reports it. See <c>docs/corpora.md</c> for each strategy.
/// </summary>
public sealed class CorpusStrategy
{
    private readonly Func<int, bool> _includesLength;

    /// <summary>Creates a strategy.</summary>
    /// <param name="name">The name used on the command line and in manifests (with its argument, if any).</param>
    /// <param name="description">One sentence saying which strings are drawn.</param>
    /// <param name="positives">The set positives are drawn from (a subset of L).</param>
    /// <param name="negatives">The set negatives are drawn from (disjoint from L).</param>
    /// <param name="includesLength">Which lengths the corpus may contain; null for all.</param>
    public CorpusStrategy(string name, string description, Dfa positives, Dfa negatives, Func<int, bool>? includesLength = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(positives);
        ArgumentNullException.ThrowIfNull(negatives);
        Name = name;
        Description = description ?? "";
        Positives = positives;
        Negatives = negatives;
        _includesLength = includesLength ?? (_ => true);
    }

    /// <summary>The strategy's name, e.g. <c>one-symbol-edit</c> or <c>exactly-one-occurrence:ab</c>.</summary>
    public string Name { get; }

    /// <summary>What the strategy draws, in one sentence.</summary>
    public string Description { get; }

    /// <summary>The set positives are drawn from (⊆ L).</summary>
    public Dfa Positives { get; }

    /// <summary>The set negatives are drawn from (∩ L = ∅).</summary>
    public Dfa Negatives { get; }

    /// <summary>Whether strings of length <paramref name="length"/> belong in the corpus at all.</summary>
    /// <param name="length">A length.</param>
    public bool IncludesLength(int length) => _includesLength(length);
}
