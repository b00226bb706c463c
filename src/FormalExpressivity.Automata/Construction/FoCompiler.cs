using FormalExpressivity.Automata.Construction.FirstOrder;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Collections;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Logic;

namespace FormalExpressivity.Automata.Construction;

/// <summary>Options of <see cref="FoCompiler"/>.</summary>
public sealed record FoCompilerOptions
{
    /// <summary>The default state budget.</summary>
    public const int DefaultMaxStates = FormalExpressivity.Core.Limits.Budgets.DefaultMaxStates;

    /// <summary>The default bound on the free variables of a subformula (tracks).</summary>
    public const int DefaultMaxVariables = FormalExpressivity.Core.Limits.Budgets.DefaultMaxVariables;

    /// <summary>The <c>max-states</c> and <c>max-variables</c> budgets of <paramref name="budgets"/>.</summary>
    /// <param name="budgets">The named budgets.</param>
    public static FoCompilerOptions From(FormalExpressivity.Core.Limits.Budgets budgets)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        return new FoCompilerOptions { MaxStates = budgets.MaxStates, MaxVariables = budgets.MaxVariables };
    }

    /// <summary>Budget <c>max-states</c>: the largest intermediate automaton (product, cylindrification, subset construction).</summary>
    public int MaxStates { get; init; } = DefaultMaxStates;

    /// <summary>Budget <c>max-variables</c>: the most free variables one subformula may have (the track alphabet has |Σ|·2^k letters).</summary>
    public int MaxVariables { get; init; } = DefaultMaxVariables;
}

/// <summary>
/// FO[&lt;] → DFA by the classical automata construction (Büchi 1960, Elgot 1961, Trakhtenbrot 1961):
/// every subformula with free variables V becomes a DFA over Σ × {0,1}^V accepting exactly the
/// well-formed encodings (each variable marked once) of its models. Atomic formulas are small
/// automata; ∧, ∨, →, ↔ are products after cylindrification to the union of the variables; ¬ is
/// complement intersected with the well-formedness automaton; ∃x erases x's track and determinizes
/// by subsets; ∀x = ¬∃x¬. Every intermediate automaton is minimized. Subformulas are compiled
/// bottom-up over the hash-consed DAG (no recursion; shared subformulas once). Variables range over
/// the positions 1 … N, so ∃ is false and ∀ true on the empty word.
/// </summary>
public static class FoCompiler
{
    /// <summary>Compiles a sentence to its canonical minimal DFA over <paramref name="alphabet"/>.</summary>
    /// <param name="sentence">A sentence (no free variables).</param>
    /// <param name="alphabet">Σ; every label must be one of its symbols.</param>
    /// <param name="options">Budgets, or <c>null</c> for the defaults.</param>
    /// <exception cref="ArgumentException">The formula has free variables.</exception>
    /// <exception cref="InputException">A label is not a symbol of Σ (code FO100).</exception>
    /// <exception cref="BudgetExceededException">A budget (<c>max-states</c>, <c>max-variables</c>) is exceeded.</exception>
    public static Dfa ToDfa(FoFormula sentence, Alphabet alphabet, FoCompilerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(alphabet);
        options ??= new FoCompilerOptions();
        if (!sentence.IsSentence) throw new ArgumentException($"free variables: {string.Join(", ", sentence.FreeVariables)}", nameof(sentence));
        foreach (var label in sentence.Labels())
            if (!alphabet.TryGetIndex(label, out _))
                throw new InputException("FO100", $"label '{label}' is not a symbol of the alphabet {alphabet}");
        var result = BuildTrack(sentence, alphabet, options);
        var acc = new BitSet(result.StateCount);
        for (int q = 0; q < result.StateCount; q++) if (result.Accepting[q]) acc.Add(q);
        return Dfa.Create(alphabet, 0, result.Table, acc).Minimize();
    }

    /// <summary>
    /// Parses <paramref name="text"/> (<see cref="FoParser"/>) and compiles the sentence, like
    /// <see cref="RegexCompiler.Compile(string, Alphabet?, RegexCompilerOptions?)"/>: bad input gives the
    /// parser's positioned diagnostics (FO001–FO011), never an exception. Without an alphabet it is the
    /// labels that occur, in ordinal order of their names (FO006 when there is none).
    /// </summary>
    /// <param name="text">The sentence.</param>
    /// <param name="alphabet">The declared alphabet, or <c>null</c> to infer it from the labels.</param>
    /// <param name="options">Budgets; an exceeded budget throws <see cref="BudgetExceededException"/>.</param>
    public static ParseResult<Dfa> Compile(string text, Alphabet? alphabet = null, FoCompilerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = FoParser.Parse(text, alphabet);
        if (!parsed.Success) return ParseResult<Dfa>.Fail(parsed.Diagnostics);
        if (alphabet is null)
        {
            var labels = parsed.Value.Labels();
            if (labels.Count == 0)
                return ParseResult<Dfa>.Fail(Diagnostic.Error("FO006", text, 0, text.Length, "the sentence mentions no symbol, so the alphabet cannot be inferred; declare one"));
            if (labels.Count > Alphabet.MaxSymbols)
                return ParseResult<Dfa>.Fail(Diagnostic.Error("FO006", text, 0, text.Length, $"{labels.Count} distinct symbols occur, more than the {Alphabet.MaxSymbols} an alphabet may have"));
            alphabet = Alphabet.Create(labels.Order(StringComparer.Ordinal));
        }
        var compiled = Compile(parsed.Value, alphabet, options);
        return compiled.Success ? ParseResult<Dfa>.Ok(compiled.Value, parsed.Diagnostics) : compiled;
    }

    /// <summary>
    /// Compiles a sentence given as a tree; a free variable (FO010) or a label outside Σ (FO100) is a
    /// diagnostic, not an exception. An exceeded budget throws <see cref="BudgetExceededException"/>.
    /// </summary>
    /// <param name="sentence">The formula.</param>
    /// <param name="alphabet">Σ.</param>
    /// <param name="options">Budgets, or <c>null</c> for the defaults.</param>
    public static ParseResult<Dfa> Compile(FoFormula sentence, Alphabet alphabet, FoCompilerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(alphabet);
        if (!sentence.IsSentence)
            return ParseResult<Dfa>.Fail(new Diagnostic("FO010", SourceSpan.None, $"a language is defined by a sentence; free variables: {string.Join(", ", sentence.FreeVariables)}"));
        var unknown = sentence.Labels().Where(l => !alphabet.TryGetIndex(l, out _))
            .Select(l => new Diagnostic("FO100", SourceSpan.None, $"label '{l}' is not a symbol of the alphabet {alphabet}")).ToList();
        return unknown.Count > 0 ? ParseResult<Dfa>.Fail(unknown) : ParseResult<Dfa>.Ok(ToDfa(sentence, alphabet, options));
    }

    private static TrackDfa BuildTrack(FoFormula sentence, Alphabet alphabet, FoCompilerOptions options)
    {
        int sigma = alphabet.Count, max = options.MaxStates;
        var done = new Dictionary<int, TrackDfa>();
        var remaining = new Dictionary<int, int>(); // parents still to be compiled, to free memory early
        var subs = sentence.Subformulas();
        foreach (var f in subs)
            foreach (var c in f.Children) remaining[c.Id] = remaining.GetValueOrDefault(c.Id) + 1;
        foreach (var f in subs)
        {
            if (f.FreeVariables.Count > options.MaxVariables)
                throw new BudgetExceededException("max-variables", options.MaxVariables, $"FO[<] construction of a subformula with {f.FreeVariables.Count} free variables");
            string what = $"FO[<] construction ({f.Kind} node)";
            TrackDfa C(int i) => done[f.Children[i].Id];
            var vars = f.FreeVariables.ToArray();
            done[f.Id] = f.Kind switch
            {
                FoKind.True or FoKind.False => TrackDfa.Build(sigma, [], 1, _ => f.Kind == FoKind.True, (_, _, _) => 0),
                FoKind.Label or FoKind.Less or FoKind.Equal or FoKind.Successor or FoKind.First or FoKind.Last => Atomic(f, alphabet),
                FoKind.Not => C(0).Product(TrackDfa.WellFormed(sigma, vars), (a, w) => !a && w, max, what),
                FoKind.And => Binary(C(0), C(1), vars, (a, b) => a && b, max, what),
                FoKind.Or => Binary(C(0), C(1), vars, (a, b) => a || b, max, what),
                FoKind.Implies => Binary(C(0), C(1), vars, (a, b) => !a || b, max, what),
                FoKind.Iff => Binary(C(0), C(1), vars, (a, b) => a == b, max, what),
                FoKind.Exists => Exists(f.Variables[0], C(0), sigma, max, what),
                FoKind.Forall => Forall(f.Variables[0], C(0), sigma, max, what),
                _ => throw new ArgumentOutOfRangeException(nameof(sentence)),
            };
            foreach (var c in f.Children)
                if (--remaining[c.Id] == 0) done.Remove(c.Id);
        }
        return done[sentence.Id];
    }

    private static TrackDfa Binary(TrackDfa left, TrackDfa right, string[] vars, Func<bool, bool, bool> op, int max, string what) =>
        left.Extend(vars, max, what).Product(right.Extend(vars, max, what), op, max, what);

    // ∃x.φ; when x is not free in φ: φ needs a position for x, so ∃x.φ = φ ∧ N ≥ 1 (automatic when φ has other free variables).
    private static TrackDfa Exists(string x, TrackDfa body, int sigma, int max, string what)
    {
        if (body.Vars.Contains(x)) return body.Project(x, max, what);
        if (body.Vars.Length > 0) return body;
        var nonEmpty = TrackDfa.Build(sigma, [], 2, q => q == 1, (_, _, _) => 1);
        return body.Product(nonEmpty, (a, b) => a && b, max, what);
    }

    // ∀x.φ = ¬∃x.¬φ; when x is not free in φ: φ ∨ N = 0.
    private static TrackDfa Forall(string x, TrackDfa body, int sigma, int max, string what)
    {
        if (body.Vars.Contains(x))
        {
            var notBody = body.Product(TrackDfa.WellFormed(sigma, body.Vars), (a, w) => !a && w, max, what);
            var exists = notBody.Project(x, max, what);
            return exists.Product(TrackDfa.WellFormed(sigma, exists.Vars), (a, w) => !a && w, max, what);
        }
        if (body.Vars.Length > 0) return body;
        var empty = TrackDfa.Build(sigma, [], 2, q => q == 0, (_, _, _) => 1);
        return body.Product(empty, (a, b) => a || b, max, what);
    }

    /// <summary>The atomic formulas as small automata over their own variables (sorted, as the tracks are).</summary>
    private static TrackDfa Atomic(FoFormula f, Alphabet alphabet)
    {
        int sigma = alphabet.Count;
        var vars = f.FreeVariables.ToArray();
        int Bit(string v) => 1 << Array.IndexOf(vars, v);
        const int Dead = 3;
        switch (f.Kind)
        {
            case FoKind.Label:
            {
                int a = alphabet.IndexOf(f.Symbol!);
                // 0: x not yet read; 1: x read on an a; Dead.
                return TrackDfa.Build(sigma, vars, 4, q => q == 1,
                    (q, s, m) => q == Dead ? Dead : m != 0 ? (q == 0 && s == a ? 1 : Dead) : q);
            }
            case FoKind.First:
                // 0: nothing read; 1: x at the first position; 2: a first position without x (x can no longer be first).
                return TrackDfa.Build(sigma, vars, 4, q => q == 1,
                    (q, _, m) => q == Dead ? Dead : q == 0 ? (m != 0 ? 1 : 2) : m != 0 ? Dead : q);
            case FoKind.Last:
                // 0: x not yet read; 1: x just read (nothing may follow).
                return TrackDfa.Build(sigma, vars, 4, q => q == 1, (q, _, m) => q == 0 ? (m != 0 ? 1 : 0) : Dead);
        }
        string x = f.Variables[0], y = f.Variables[1];
        if (x == y)
        {
            // x < x and succ(x, x) are false; x = x only asks for x to be marked once.
            return f.Kind == FoKind.Equal
                ? TrackDfa.WellFormed(sigma, vars)
                : TrackDfa.Build(sigma, vars, 1, _ => false, (_, _, _) => 0);
        }
        int bx = Bit(x), by = Bit(y);
        return f.Kind switch
        {
            // 0: neither read; 1: x read; 2: both read in order.
            FoKind.Less => TrackDfa.Build(sigma, vars, 4, q => q == 2, (q, _, m) => (q, m == bx, m == by, m == 0) switch
            {
                (0, true, _, _) => 1,
                (0, _, _, true) => 0,
                (1, _, true, _) => 2,
                (1, _, _, true) => 1,
                (2, _, _, true) => 2,
                _ => Dead,
            }),
            FoKind.Equal => TrackDfa.Build(sigma, vars, 4, q => q == 1, (q, _, m) => (q, m) switch
            {
                (0, 0) => 0,
                (1, 0) => 1,
                _ when q == 0 && m == (bx | by) => 1,
                _ => Dead,
            }),
            // succ(x, y): y immediately after x.
            FoKind.Successor => TrackDfa.Build(sigma, vars, 4, q => q == 2, (q, _, m) => (q, m == bx, m == by, m == 0) switch
            {
                (0, true, _, _) => 1,
                (0, _, _, true) => 0,
                (1, _, true, _) => 2,
                (2, _, _, true) => 2,
                _ => Dead,
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(f)),
        };
    }
}
