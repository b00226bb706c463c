using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Corpora.Strategies;

/// <summary>
/// The named strategies of theory.md §9, built generically over a DFA for L. The per-language
/// conventions of the papers map onto them as follows (also in <c>docs/corpora.md</c>):
/// CNT → <c>delete-one</c>; PARITY, LAST, FIRST, PT-2 → <c>uniform</c> (their complement already is
/// "odd number of b", "does not end/begin with b", "lacks the subsequence"); Dyck languages →
/// <c>one-symbol-edit-even</c>; LT-1, LT-2 → <c>exactly-one-occurrence:a</c>,
/// <c>exactly-one-occurrence:ab</c>; RDP, LDP → <c>one-symbol-edit</c> ("one wrong symbol").
/// </summary>
public static class CorpusStrategies
{
    /// <summary>The strategy names (arguments after a colon where shown).</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["uniform", "one-symbol-edit", "one-symbol-edit-even", "delete-one", "exactly-one-occurrence:FACTOR"];

    /// <summary>
    /// Builds the strategy called <paramref name="name"/> for L = <paramref name="language"/>.
    /// Returns false with a message for an unknown name or a bad argument.
    /// </summary>
    /// <param name="name">A name from <see cref="Names"/>; <c>exactly-one-occurrence</c> takes a factor after a colon, written like a word (<c>ab</c>, or <c>a1 b0</c>).</param>
    /// <param name="language">L.</param>
    /// <param name="strategy">The strategy, when the name is valid.</param>
    /// <param name="error">Why the name is invalid, otherwise null.</param>
    /// <param name="maxStates">State budget for the automaton constructions.</param>
    public static bool TryCreate(string name, Dfa language, out CorpusStrategy? strategy, out string? error, int maxStates = NearMisses.DefaultMaxStates)
    {
        ArgumentNullException.ThrowIfNull(language);
        strategy = null;
        error = null;
        var trimmed = (name ?? "").Trim();
        int colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var head = colon < 0 ? trimmed : trimmed[..colon];
        var argument = colon < 0 ? null : trimmed[(colon + 1)..];
        if (argument is not null && head != "exactly-one-occurrence")
        {
            error = $"strategy '{head}' takes no argument";
            return false;
        }
        var complement = language.Complement();
        switch (head)
        {
            case "uniform":
                strategy = new CorpusStrategy("uniform", "positives uniform over L ∩ Σ^n, negatives uniform over Σ^n ∖ L", language, complement);
                return true;
            case "one-symbol-edit":
                strategy = new CorpusStrategy("one-symbol-edit",
                    "negatives uniform over the words outside L at Hamming distance 1 from a word of L (one symbol of a positive flipped)",
                    language, NearMisses.OneSubstitution(language, maxStates).Intersect(complement));
                return true;
            case "one-symbol-edit-even":
                strategy = new CorpusStrategy("one-symbol-edit-even",
                    "as one-symbol-edit, even lengths only (the Dyck convention of LC25)",
                    language, NearMisses.OneSubstitution(language, maxStates).Intersect(complement), n => n % 2 == 0);
                return true;
            case "delete-one":
                strategy = new CorpusStrategy("delete-one",
                    "negatives uniform over the words outside L obtained by deleting one symbol from a word of L (CNT: one a or one b short)",
                    language, NearMisses.OneDeletion(language, maxStates).Intersect(complement));
                return true;
            case "exactly-one-occurrence":
            {
                if (string.IsNullOrWhiteSpace(argument))
                {
                    error = "strategy 'exactly-one-occurrence' needs a factor, e.g. exactly-one-occurrence:ab";
                    return false;
                }
                if (!Word.TryParse(argument, language.Alphabet, out var factor, out var why) || factor!.Length == 0)
                {
                    error = $"bad factor '{argument}' for exactly-one-occurrence: {why ?? "the factor must not be empty"}";
                    return false;
                }
                var exactlyOne = NearMisses.FactorCount(language.Alphabet, factor, 1);
                var none = NearMisses.FactorCount(language.Alphabet, factor, 0);
                var printed = factor.Format(language.Alphabet);
                strategy = new CorpusStrategy($"exactly-one-occurrence:{printed}",
                    $"positives uniform over the words of L with exactly one occurrence of {printed}, negatives uniform over the words outside L with none (LT-1/LT-2 convention)",
                    language.Intersect(exactlyOne), complement.Intersect(none));
                return true;
            }
            default:
                error = $"unknown strategy '{head}'; known: {string.Join(", ", Names)}";
                return false;
        }
    }
}
