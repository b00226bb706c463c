using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Syntax.Temporal;

/// <summary>
/// The direct, obviously correct evaluator of theory.md §2: computes the truth value of every
/// subformula at every position 0 … N+1 of a word, straight from the definitions (quadratic in N
/// for the unbounded operators). It is the oracle every automaton construction is tested against.
/// </summary>
public static class LtlEvaluator
{
    /// <summary>Whether <paramref name="formula"/> holds at <paramref name="position"/> (0 … N+1) of <paramref name="word"/>.</summary>
    /// <param name="formula">The formula; its atoms must be symbols of <paramref name="alphabet"/> (other atoms are false everywhere).</param>
    /// <param name="alphabet">The alphabet naming the word's symbol indices.</param>
    /// <param name="word">The word w_1 … w_N.</param>
    /// <param name="position">The position; N+1 is the end marker.</param>
    public static bool Holds(LtlFormula formula, Alphabet alphabet, ReadOnlySpan<int> word, int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, word.Length + 1);
        return Table(formula, alphabet, word)[formula.Id][position];
    }

    /// <summary>Acceptance: the formula holds at N+1 (theory.md §1).</summary>
    /// <param name="formula">The formula.</param>
    /// <param name="alphabet">The alphabet.</param>
    /// <param name="word">The word.</param>
    public static bool Accepts(LtlFormula formula, Alphabet alphabet, ReadOnlySpan<int> word) =>
        Holds(formula, alphabet, word, word.Length + 1);

    /// <summary>Acceptance at position 0 (the option for pure-future formulas).</summary>
    /// <param name="formula">The formula.</param>
    /// <param name="alphabet">The alphabet.</param>
    /// <param name="word">The word.</param>
    public static bool AcceptsAtZero(LtlFormula formula, Alphabet alphabet, ReadOnlySpan<int> word) =>
        Holds(formula, alphabet, word, 0);

    /// <summary>Truth values of every subformula (keyed by <see cref="LtlFormula.Id"/>) at positions 0 … N+1.</summary>
    /// <param name="formula">The formula.</param>
    /// <param name="alphabet">The alphabet.</param>
    /// <param name="word">The word.</param>
    public static Dictionary<int, bool[]> Table(LtlFormula formula, Alphabet alphabet, ReadOnlySpan<int> word)
    {
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(alphabet);
        int n = word.Length, positions = n + 2;
        var values = new Dictionary<int, bool[]>();
        foreach (var f in formula.Subformulas())
        {
            var v = new bool[positions];
            bool[] L(int i) => values[f.Children[i].Id];
            for (int p = 0; p < positions; p++)
            {
                v[p] = f.Kind switch
                {
                    LtlKind.True => true,
                    LtlKind.False => false,
                    LtlKind.Atom => p >= 1 && p <= n && alphabet.IndexOf(f.Atom!) == word[p - 1],
                    LtlKind.Not => !L(0)[p],
                    LtlKind.And => L(0)[p] && L(1)[p],
                    LtlKind.Or => L(0)[p] || L(1)[p],
                    LtlKind.Implies => !L(0)[p] || L(1)[p],
                    LtlKind.Iff => L(0)[p] == L(1)[p],
                    LtlKind.Yesterday => p > 1 && L(0)[p - 1],
                    LtlKind.WindowYesterday => CountIn(L(0), Math.Max(1, p - f.Window), p - 1) >= 1,
                    LtlKind.WindowCount => CountIn(L(0), Math.Max(1, p - f.Window), p - 1) >= f.Count,
                    LtlKind.Past => CountIn(L(0), 1, p - 1) >= 1,
                    LtlKind.Historically => CountIn(L(0), 1, p - 1) == Math.Max(0, p - 1),
                    LtlKind.Since => SinceHolds(L(0), L(1), p),
                    LtlKind.Next => p < n && L(0)[p + 1],
                    LtlKind.Future => CountIn(L(0), p + 1, n) >= 1,
                    LtlKind.Globally => CountIn(L(0), p + 1, n) == Math.Max(0, n - p),
                    LtlKind.Until => UntilHolds(L(0), L(1), p, n),
                    _ => throw new ArgumentOutOfRangeException(nameof(formula)),
                };
            }
            values[f.Id] = v;
        }
        return values;
    }

    private static int CountIn(bool[] v, int from, int to)
    {
        int c = 0;
        for (int m = from; m <= to; m++) if (v[m]) c++;
        return c;
    }

    // some 1 ≤ m < p with ψ(m) and φ(j) for all m < j < p
    private static bool SinceHolds(bool[] phi, bool[] psi, int p)
    {
        for (int m = p - 1; m >= 1; m--)
        {
            if (psi[m]) return true;
            if (!phi[m]) return false;
        }
        return false;
    }

    // some p < m ≤ N with ψ(m) and φ(j) for all p < j < m
    private static bool UntilHolds(bool[] phi, bool[] psi, int p, int n)
    {
        for (int m = p + 1; m <= n; m++)
        {
            if (psi[m]) return true;
            if (!phi[m]) return false;
        }
        return false;
    }
}
