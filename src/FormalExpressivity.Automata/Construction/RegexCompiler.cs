using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Regex;

namespace FormalExpressivity.Automata.Construction;

/// <summary>
/// Compiles extended regular expressions to canonical minimal DFAs over the expression's alphabet.
/// The default construction is <see cref="GlushkovConstruction"/> (position automaton on packed
/// subsets) for expressions without <c>&amp;</c> and <c>~</c>; an expression whose top is Boolean
/// (<c>&amp;</c>, <c>|</c>, <c>~</c> over operands containing <c>&amp;</c> or <c>~</c>) is built operand by operand
/// and combined by the product construction (L(r &amp; s) = L(r) ∩ L(s): the product of their minimal DFAs,
/// at most |A_r|·|A_s| pairs, bounded by <c>max-states</c> as it grows); any other expression with <c>&amp;</c> or
/// <c>~</c> goes to <see cref="BrzozowskiDerivatives"/>, followed by Hopcroft minimization. Derivatives and
/// <see cref="ThompsonConstruction"/> are the selectable twins. All give the same canonical table (minimal DFAs
/// are unique up to isomorphism, Myhill–Nerode).
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
        if (options.Construction == RegexConstruction.Positions && IsBooleanTop(node, new Dictionary<int, bool>()))
            return ByOperands(node, options.MaxStates, new Dictionary<int, bool>()).Minimize();
        CheckStateBound(node, options.MaxStates, "the expression's DFA");
        return options.Construction switch
        {
            RegexConstruction.Thompson => ThompsonConstruction.ToDfa(node, options.MaxStates),
            RegexConstruction.Derivatives => BrzozowskiDerivatives.ToDfa(node, options.MaxStates, out _).Minimize(),
            _ => GlushkovConstruction.TryToDfa(node, options.MaxStates)
                ?? BrzozowskiDerivatives.ToDfa(node, options.MaxStates, out _).Minimize(),
        };
    }

    /// <summary>Whether <paramref name="node"/> contains <c>&amp;</c> or <c>~</c> (outside the position automaton's fragment).</summary>
    private static bool HasBoolean(RegexNode node, Dictionary<int, bool> memo)
    {
        if (node.Kind is RegexKind.Intersection or RegexKind.Complement) return true;
        if (memo.TryGetValue(node.Id, out bool known)) return known;
        bool result = false;
        foreach (var child in node.Children)
            if (HasBoolean(child, memo)) { result = true; break; }
        memo[node.Id] = result;
        return result;
    }

    /// <summary>A Boolean operator at the top whose operands leave the position automaton's fragment: built by operands.</summary>
    private static bool IsBooleanTop(RegexNode node, Dictionary<int, bool> memo) =>
        node.Kind is RegexKind.Intersection or RegexKind.Complement || (node.Kind == RegexKind.Union && HasBoolean(node, memo));

    /// <summary>
    /// The minimal DFA of a Boolean combination, operand by operand: each operand that is not itself Boolean at the top
    /// is compiled on its own — and refused at once when <see cref="RegexStateBound"/> proves its own DFA larger than
    /// <paramref name="maxStates"/>, since this construction builds it — then the operands are combined by the reachable
    /// product (bounded by <paramref name="maxStates"/> pairs) and minimized after each step; a complement flips the
    /// acceptance of its operand's complete DFA.
    /// </summary>
    private static Dfa ByOperands(RegexNode node, int maxStates, Dictionary<int, bool> memo)
    {
        switch (node.Kind)
        {
            case RegexKind.Complement:
                return ByOperands(node.Children[0], maxStates, memo).Complement();
            case RegexKind.Intersection or RegexKind.Union when IsBooleanTop(node, memo):
            {
                var operation = node.Kind == RegexKind.Intersection ? BooleanOperation.Intersection : BooleanOperation.Union;
                Dfa? result = null;
                foreach (var child in node.Children)
                {
                    var operand = ByOperands(child, maxStates, memo);
                    result = result is null ? operand : Products.Product(result, operand, operation, maxStates, out _).Minimize();
                }
                return result!;
            }
            default:
                CheckStateBound(node, maxStates, $"the DFA of the operand {CodePoints.Clip(node.ToString())} (&, | and ~ are built operand by operand, then combined by a product)");
                return GlushkovConstruction.TryToDfa(node, maxStates) ?? BrzozowskiDerivatives.ToDfa(node, maxStates, out _).Minimize();
        }
    }

    /// <summary>
    /// Refuses at once an expression whose minimal DFA provably has more than <paramref name="maxStates"/>
    /// states (<see cref="RegexStateBound"/>: a shortest or, for a finite language, longest word of length ℓ
    /// needs ℓ + 1 states), instead of constructing up to the budget first.
    /// </summary>
    private static void CheckStateBound(RegexNode node, int maxStates, string what)
    {
        long needed = RegexStateBound.LowerBound(node);
        if (needed <= maxStates) return;
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
