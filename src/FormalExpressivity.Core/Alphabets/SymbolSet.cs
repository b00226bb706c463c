using System.Numerics;

namespace FormalExpressivity.Core.Alphabets;

/// <summary>
/// A set of symbol indices of an alphabet with at most 64 symbols, stored as one <c>ulong</c>
/// mask (bit i set ⇔ symbol i in the set).
/// </summary>
/// <param name="Mask">The bit mask.</param>
public readonly record struct SymbolSet(ulong Mask)
{
    /// <summary>The empty set.</summary>
    public static SymbolSet Empty => default;

    /// <summary>The set {0, …, n−1}.</summary>
    /// <param name="n">Number of symbols (0..64).</param>
    public static SymbolSet FirstN(int n) => new(n >= 64 ? ulong.MaxValue : (1UL << n) - 1);

    /// <summary>The singleton {symbol}.</summary>
    /// <param name="symbol">Symbol index.</param>
    public static SymbolSet Single(int symbol) => new(1UL << symbol);

    /// <summary>Membership.</summary>
    /// <param name="symbol">Symbol index.</param>
    public bool Contains(int symbol) => (Mask >> symbol & 1UL) != 0;

    /// <summary>Number of symbols in the set.</summary>
    public int Count => BitOperations.PopCount(Mask);

    /// <summary>True when empty.</summary>
    public bool IsEmpty => Mask == 0;

    /// <summary>Adds a symbol.</summary>
    /// <param name="symbol">Symbol index.</param>
    public SymbolSet With(int symbol) => new(Mask | 1UL << symbol);

    /// <summary>Union.</summary>
    /// <param name="a">Left.</param>
    /// <param name="b">Right.</param>
    public static SymbolSet operator |(SymbolSet a, SymbolSet b) => new(a.Mask | b.Mask);

    /// <summary>Intersection.</summary>
    /// <param name="a">Left.</param>
    /// <param name="b">Right.</param>
    public static SymbolSet operator &(SymbolSet a, SymbolSet b) => new(a.Mask & b.Mask);

    /// <summary>Complement relative to an alphabet of <paramref name="alphabetSize"/> symbols.</summary>
    /// <param name="alphabetSize">|Σ|.</param>
    public SymbolSet Complement(int alphabetSize) => new(~Mask & FirstN(alphabetSize).Mask);

    /// <summary>The members in increasing order.</summary>
    public IEnumerable<int> Members()
    {
        ulong m = Mask;
        while (m != 0)
        {
            yield return BitOperations.TrailingZeroCount(m);
            m &= m - 1;
        }
    }
}
