using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Logic;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Automata.Construction;

/// <summary>Which construction <see cref="LtlCompiler"/> uses.</summary>
public enum LtlConstruction
{
    /// <summary>The direct construction where one exists (past formulas; future formulas by mirroring), else through FO[&lt;].</summary>
    Auto,
    /// <summary>Always through the FO[&lt;] translation and the classical construction (the independent twin).</summary>
    FirstOrder,
}

/// <summary>Options of <see cref="LtlCompiler"/>.</summary>
public sealed record LtlCompilerOptions
{
    /// <summary>The default state budget.</summary>
    public const int DefaultMaxStates = FormalExpressivity.Core.Limits.Budgets.DefaultMaxStates;

    /// <summary>Reading at the end marker with the <c>max-states</c> budget of <paramref name="budgets"/>.</summary>
    /// <param name="budgets">The named budgets.</param>
    public static LtlCompilerOptions From(Budgets budgets)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        return new LtlCompilerOptions { MaxStates = budgets.MaxStates };
    }

    /// <summary>Where the formula is read: the end marker N+1 (default) or position 0 (theory.md §1).</summary>
    public LtlEvaluationPoint EvaluateAt { get; init; } = LtlEvaluationPoint.EndMarker;

    /// <summary>Budget <c>max-states</c> for every intermediate automaton.</summary>
    public int MaxStates { get; init; } = DefaultMaxStates;

    /// <summary>The construction to use.</summary>
    public LtlConstruction Construction { get; init; } = LtlConstruction.Auto;
}

/// <summary>
/// Temporal formula → canonical minimal DFA, choosing the construction by the formula's operators
/// and the evaluation point:
/// <list type="bullet">
/// <item>past formula at N+1: <see cref="PastLtlCompiler"/> (a state = the values the past operators carry);</item>
/// <item>future formula at 0: the mirror construction. φ holds at 0 of w iff mirror(φ) (X↦Y, F↦P, G↦H,
/// U↦S) holds at N+1 of w^R, so L = (L_past(mirror(φ)))^R: build, reverse, determinize, minimize;</item>
/// <item>past formula at 0, future formula at N+1: the value is the same on every word (every operator
/// looks only outside the word), so L = ∅ or Σ*;</item>
/// <item>mixed formulas (and <see cref="LtlConstruction.FirstOrder"/>): <see cref="LtlToFo"/> then <see cref="FoCompiler"/>.</item>
/// </list>
/// </summary>
public static class LtlCompiler
{
    /// <summary>Compiles <paramref name="formula"/> to the canonical minimal DFA of its language over <paramref name="alphabet"/>.</summary>
    /// <param name="formula">Any temporal formula.</param>
    /// <param name="alphabet">Σ; every atom must be one of its symbols.</param>
    /// <param name="options">Evaluation point, budget, construction; <c>null</c> for the defaults.</param>
    /// <exception cref="InputException">An atom is not a symbol of Σ (code LTL100).</exception>
    /// <exception cref="BudgetExceededException">The budget <c>max-states</c> is exceeded.</exception>
    public static Dfa ToDfa(LtlFormula formula, Alphabet alphabet, LtlCompilerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(alphabet);
        options ??= new LtlCompilerOptions();
        foreach (var atom in formula.Atoms())
            if (!alphabet.TryGetIndex(atom, out _))
                throw new InputException("LTL100", $"atom '{atom}' is not a symbol of the alphabet {alphabet}");
        if (options.Construction == LtlConstruction.FirstOrder) return ViaFirstOrder(formula, alphabet, options);
        var constant = LtlRewriting.ConstantAt(formula, options.EvaluateAt);
        bool decided = options.EvaluateAt == LtlEvaluationPoint.Zero ? formula.IsPastOnly : formula.IsFutureOnly;
        if (decided && constant is bool value) return Dfa.Trivial(alphabet, value);
        if (formula.IsPastOnly && options.EvaluateAt == LtlEvaluationPoint.EndMarker)
            return PastLtlCompiler.ToDfa(formula, alphabet, options.MaxStates);
        if (formula.IsFutureOnly && options.EvaluateAt == LtlEvaluationPoint.Zero)
            return PastLtlCompiler.ToDfa(LtlRewriting.MirrorFuture(formula), alphabet, options.MaxStates).Reverse(options.MaxStates);
        return ViaFirstOrder(formula, alphabet, options);
    }

    /// <summary>
    /// Parses <paramref name="text"/> (<see cref="LtlParser"/>) and compiles the formula, like
    /// <see cref="RegexCompiler.Compile(string, Alphabet?, RegexCompilerOptions?)"/>: bad input gives the
    /// parser's positioned diagnostics, never an exception. Without an alphabet it is the atoms that occur,
    /// in ordinal order of their names (LTL006 when there is none).
    /// </summary>
    /// <param name="text">The formula.</param>
    /// <param name="alphabet">The declared alphabet, or <c>null</c> to infer it from the atoms.</param>
    /// <param name="options">Evaluation point, budget, construction; an exceeded budget throws <see cref="BudgetExceededException"/>.</param>
    public static ParseResult<Dfa> Compile(string text, Alphabet? alphabet = null, LtlCompilerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = LtlParser.Parse(text, alphabet);
        if (!parsed.Success) return ParseResult<Dfa>.Fail(parsed.Diagnostics);
        if (alphabet is null)
        {
            var atoms = parsed.Value.Atoms();
            if (atoms.Count == 0)
                return ParseResult<Dfa>.Fail(Diagnostic.Error("LTL006", text, 0, text.Length, "the formula mentions no symbol, so the alphabet cannot be inferred; declare one"));
            if (atoms.Count > Alphabet.MaxSymbols)
                return ParseResult<Dfa>.Fail(Diagnostic.Error("LTL006", text, 0, text.Length, $"{atoms.Count} distinct symbols occur, more than the {Alphabet.MaxSymbols} an alphabet may have"));
            alphabet = Alphabet.Create(atoms.Order(StringComparer.Ordinal));
        }
        return ParseResult<Dfa>.Ok(ToDfa(parsed.Value, alphabet, options), parsed.Diagnostics);
    }

    /// <summary>Names the construction <see cref="ToDfa"/> would use (for reports): <c>past</c>, <c>mirror</c>, <c>constant</c> or <c>fo</c>.</summary>
    /// <param name="formula">The formula.</param>
    /// <param name="options">The options, or <c>null</c> for the defaults.</param>
    public static string ConstructionName(LtlFormula formula, LtlCompilerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(formula);
        options ??= new LtlCompilerOptions();
        if (options.Construction == LtlConstruction.FirstOrder) return "fo";
        bool zero = options.EvaluateAt == LtlEvaluationPoint.Zero;
        if ((zero ? formula.IsPastOnly : formula.IsFutureOnly) && LtlRewriting.ConstantAt(formula, options.EvaluateAt) is not null) return "constant";
        if (formula.IsPastOnly && !zero) return "past";
        if (formula.IsFutureOnly && zero) return "mirror";
        return "fo";
    }

    private static Dfa ViaFirstOrder(LtlFormula formula, Alphabet alphabet, LtlCompilerOptions options) =>
        FoCompiler.ToDfa(LtlToFo.Translate(formula, options.EvaluateAt), alphabet, new FoCompilerOptions { MaxStates = options.MaxStates });
}
