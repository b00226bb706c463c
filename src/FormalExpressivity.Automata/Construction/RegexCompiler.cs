using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Regex;

namespace FormalExpressivity.Automata.Construction;

/// <summary>
/// Compiles extended regular expressions to canonical minimal DFAs over the expression's alphabet.
/// The default construction is <see cref="GlushkovConstruction"/> (position automaton on packed
/// subsets) for expressions without <c>&amp;</c> and <c>~</c>, else <see cref="BrzozowskiDerivatives"/>
/// followed by Hopcroft minimization; derivatives and <see cref="ThompsonConstruction"/> are the
/// selectable twins. All give the same canonical table (minimal DFAs are unique up to isomorphism, Myhill–Nerode).
/// </summary>
public static class RegexCompiler
{
    /// <summary>
    /// The deepest <see cref="RegexNode.Depth"/> the constructions accept (they recurse on depth).
    /// Parsed expressions are bounded by <see cref="RegexParser.MaxTreeDepth"/>, which is lower.
    /// </summary>
    public const int MaxDepth = 2 * RegexParser.MaxTreeDepth;

    internal static void CheckDepth(RegexNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Depth > MaxDepth)
            throw new ArgumentException($"the expression is nested {node.Depth} deep, more than the {MaxDepth} the constructions accept", nameof(node));
    }

    /// <summary>The canonical minimal DFA of <paramref name="node"/> over <c>node.Alphabet</c>.</summary>
    /// <param name="node">The expression.</param>
    /// <param name="options">Budget and construction; <c>null</c> for <see cref="RegexCompilerOptions.Default"/>.</param>
    /// <exception cref="BudgetExceededException">The <c>max-states</c> budget is exceeded.</exception>
    /// <exception cref="ArgumentException">The node is nested deeper than <see cref="MaxDepth"/>.</exception>
    public static Dfa ToDfa(RegexNode node, RegexCompilerOptions? options = null)
    {
        CheckDepth(node);
        options ??= RegexCompilerOptions.Default;
        CheckStateBound(node, options.MaxStates);
        return options.Construction switch
        {
            RegexConstruction.Thompson => ThompsonConstruction.ToDfa(node, options.MaxStates),
            RegexConstruction.Derivatives => BrzozowskiDerivatives.ToDfa(node, options.MaxStates, out _).Minimize(),
            _ => GlushkovConstruction.TryToDfa(node, options.MaxStates)
                ?? BrzozowskiDerivatives.ToDfa(node, options.MaxStates, out _).Minimize(),
        };
    }

    /// <summary>
    /// Refuses at once an expression whose minimal DFA provably has more than <paramref name="maxStates"/>
    /// states (<see cref="RegexStateBound"/>: a shortest or, for a finite language, longest word of length ℓ
    /// needs ℓ + 1 states), instead of constructing up to the budget first.
    /// </summary>
    private static void CheckStateBound(RegexNode node, int maxStates)
    {
        long needed = RegexStateBound.LowerBound(node);
        if (needed <= maxStates) return;
        const string what = "the expression's DFA";
        throw new BudgetExceededException("max-states", maxStates, what,
            $"{what} needs at least {needed} states (the run over a shortest word of the language or of one of its residuals visits that many), more than --max-states {maxStates} allows; "
            + (needed <= int.MaxValue ? $"try --max-states {needed}" : "no --max-states value allows it"));
    }

    /// <summary>
    /// Parses <paramref name="text"/> (see <see cref="RegexParser.Parse(string, Alphabet?)"/>; without
    /// an alphabet, the symbols that occur) and compiles it to the canonical minimal DFA. Bad input
    /// gives the parser's diagnostics; an exceeded budget throws.
    /// </summary>
    /// <param name="text">The expression.</param>
    /// <param name="alphabet">The declared alphabet, or <c>null</c> to infer it from the text.</param>
    /// <param name="options">Budget and construction.</param>
    /// <exception cref="BudgetExceededException">The <c>max-states</c> budget is exceeded.</exception>
    public static ParseResult<Dfa> Compile(string text, Alphabet? alphabet = null, RegexCompilerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Repetition counts are bounded by the same max-states budget as the construction (RegexParser.Parse).
        var parsed = RegexParser.Parse(text, alphabet, (options ?? RegexCompilerOptions.Default).MaxStates);
        return parsed.Success ? ParseResult<Dfa>.Ok(ToDfa(parsed.Value, options), parsed.Diagnostics) : ParseResult<Dfa>.Fail(parsed.Diagnostics);
    }
}
