using System.Numerics;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Automata.Operations;

/// <summary>
/// Exact word counts of a DFA by length, computed once and reused: for every state q and every
/// length m ≤ <see cref="MaxLength"/>, the number N(q, m) of words u of length m with δ*(q, u)
/// accepting. The recurrence (dynamic programming backwards over lengths):
/// <code>
/// N(q, 0) = [q accepting]
/// N(q, m) = Σ_{a ∈ Σ} N(δ(q, a), m − 1)
/// </code>
/// so |L ∩ Σ^n| = N(start, n) and |Σ^n ∖ L| = |Σ|^n − N(start, n). Example: for L = (ab)* over
/// {a, b}, Count(4) = 1 (only abab) and CountRejected(4) = 15. Counts are exact
/// <see cref="BigInteger"/>s; the table has (MaxLength + 1) · |Q| entries.
/// </summary>
public sealed class WordCounter
{
    private readonly BigInteger[] _accepted;
    private readonly BigInteger[] _powers;

    /// <summary>Builds the table for every length 0 … <paramref name="maxLength"/>.</summary>
    /// <param name="dfa">The (complete) DFA.</param>
    /// <param name="maxLength">The largest length that will be asked for (≥ 0).</param>
    public WordCounter(Dfa dfa, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        Dfa = dfa;
        MaxLength = maxLength;
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var table = dfa.Table;
        // The table's cells cost a BigInteger each (≈ 40 bytes with its digits' array header) before any
        // digits; the digits grow with m, so the heap is checked again as the rows fill.
        string what = $"the word counts of lengths 0-{maxLength} ({n} states)";
        var memory = MemoryBudget.Current;
        memory.Require((maxLength + 1L) * (n + 1), 40, what);
        if ((maxLength + 1L) * n > Array.MaxLength)
            throw new BudgetExceededException("max-memory", memory.LimitBytes, what, $"{what} need more than {Array.MaxLength} table cells; ask for shorter lengths");
        _accepted = new BigInteger[(maxLength + 1) * n];
        for (int q = 0; q < n; q++) _accepted[q] = dfa.IsAccepting(q) ? BigInteger.One : BigInteger.Zero;
        for (int m = 1; m <= maxLength; m++)
        {
            if ((m & 63) == 0) memory.Require(0, what);
            int prev = (m - 1) * n, cur = m * n;
            for (int q = 0; q < n; q++)
            {
                var sum = BigInteger.Zero;
                for (int a = 0; a < k; a++) sum += _accepted[prev + table[q * k + a]];
                _accepted[cur + q] = sum;
            }
        }
        _powers = new BigInteger[maxLength + 1];
        _powers[0] = BigInteger.One;
        for (int m = 1; m <= maxLength; m++)
        {
            if ((m & 63) == 0) memory.Require(0, what);
            _powers[m] = _powers[m - 1] * k;
        }
    }

    /// <summary>The automaton counted.</summary>
    public Dfa Dfa { get; }

    /// <summary>The largest length in the table.</summary>
    public int MaxLength { get; }

    /// <summary>|L ∩ Σ^n|, the number of accepted words of length <paramref name="n"/>.</summary>
    /// <param name="n">A length in 0 … <see cref="MaxLength"/>.</param>
    public BigInteger Count(int n) => CountFrom(Dfa.Start, n);

    /// <summary>|Σ^n ∖ L|, the number of rejected words of length <paramref name="n"/>.</summary>
    /// <param name="n">A length in 0 … <see cref="MaxLength"/>.</param>
    public BigInteger CountRejected(int n) => CountFrom(Dfa.Start, n, inLanguage: false);

    /// <summary>|Σ|^n, the number of all words of length <paramref name="n"/>.</summary>
    /// <param name="n">A length in 0 … <see cref="MaxLength"/>.</param>
    public BigInteger Total(int n)
    {
        CheckLength(n);
        return _powers[n];
    }

    /// <summary>N(q, n): the number of words u of length <paramref name="n"/> with δ*(q, u) accepting.</summary>
    /// <param name="state">The state q.</param>
    /// <param name="n">A length in 0 … <see cref="MaxLength"/>.</param>
    public BigInteger CountFrom(int state, int n) => CountFrom(state, n, inLanguage: true);

    /// <summary>
    /// The number of words u of length <paramref name="n"/> with δ*(q, u) accepting
    /// (<paramref name="inLanguage"/> true) or rejecting (false; that is |Σ|^n − N(q, n)).
    /// </summary>
    /// <param name="state">The state q.</param>
    /// <param name="n">A length in 0 … <see cref="MaxLength"/>.</param>
    /// <param name="inLanguage">Count accepted (true) or rejected (false) words.</param>
    public BigInteger CountFrom(int state, int n, bool inLanguage)
    {
        CheckLength(n);
        if ((uint)state >= (uint)Dfa.StateCount)
            throw new ArgumentOutOfRangeException(nameof(state), $"state {state} is not a state (0..{Dfa.StateCount - 1})");
        var c = _accepted[n * Dfa.StateCount + state];
        return inLanguage ? c : _powers[n] - c;
    }

    private void CheckLength(int n)
    {
        if ((uint)n > (uint)MaxLength)
            throw new ArgumentOutOfRangeException(nameof(n), $"length {n} is outside the counted range 0..{MaxLength}");
    }
}
