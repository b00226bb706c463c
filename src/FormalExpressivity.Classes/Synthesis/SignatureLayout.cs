using System.Runtime.CompilerServices;

namespace FormalExpressivity.Classes.Synthesis;

/// <summary>
/// The bit layout of a formula's <b>signature</b> over Σ = {a, b} for a length bound n (docs/theory.md §"Smallest
/// formulas", *Signatures*): its value at N+1 on every word w with |w| ≤ n (the End part) and its value at the last
/// position of every nonempty word u with |u| ≤ n (the Out part). A word of length ℓ is the number
/// x = Σ w_i·2^(i−1) (the first letter is bit 0, letter index = bit), so the prefix of length j of x is x mod 2^j and
/// a level-j vector repeated 2^(ℓ−j) times is "the value at position j" for every word of level ℓ.
/// Each part has 2^(n−5) ulongs: levels 0 … 5 packed into ulong 0 (level ℓ at bits 2^ℓ − 1 … 2^(ℓ+1) − 2), level
/// ℓ ≥ 6 in ulongs 2^(ℓ−6) … 2^(ℓ−5) − 1. Unused bits are 0, so equal signatures are equal arrays.
/// </summary>
internal sealed class SignatureLayout
{
    /// <summary>The smallest and largest length bounds supported.</summary>
    public const int MinLength = 6, MaxLength = 16;

    // Valid bits of ulong 0 of each part: End has levels 0 … 5 (bits 0 … 62), Out levels 1 … 5 (bits 1 … 62).
    private const ulong EndMask0 = 0x7FFF_FFFF_FFFF_FFFFUL, OutMask0 = 0x7FFF_FFFF_FFFF_FFFEUL;

    /// <summary>A layout for the words of length ≤ <paramref name="length"/>.</summary>
    /// <param name="length">n, between <see cref="MinLength"/> and <see cref="MaxLength"/>.</param>
    public SignatureLayout(int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, MinLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxLength);
        Length = length;
        Half = 1 << (length - 5);
        Width = 2 * Half;
    }

    /// <summary>n: the longest words read.</summary>
    public int Length { get; }

    /// <summary>The ulongs of one part (End or Out).</summary>
    public int Half { get; }

    /// <summary>The ulongs of a signature (End then Out).</summary>
    public int Width { get; }

    /// <summary>The 64-bit chunks of level ℓ (one for ℓ ≤ 6).</summary>
    public static int Chunks(int level) => level < 6 ? 1 : 1 << (level - 6);

    /// <summary>Bits 64c … 64c + 63 of level ℓ's vector repeated to every longer level (a level shorter than 64 bits fills the ulong).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Tiled(ReadOnlySpan<ulong> part, int level, int chunk)
    {
        if (level >= 6) return part[(1 << (level - 6)) + (chunk & ((1 << (level - 6)) - 1))];
        int len = 1 << level;
        ulong bits = (part[0] >> (len - 1)) & ((1UL << len) - 1);
        for (; len < 64; len <<= 1) bits |= bits << len;
        return bits;
    }

    /// <summary>Writes chunk c of level ℓ (a level below 6: ORed into its bits of ulong 0, which must be clear).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Put(Span<ulong> part, int level, int chunk, ulong value)
    {
        if (level >= 6)
        {
            part[(1 << (level - 6)) + chunk] = value;
            return;
        }
        int len = 1 << level;
        part[0] |= (value & ((1UL << len) - 1)) << (len - 1);
    }

    /// <summary>Sets the bit of word x of level ℓ.</summary>
    public static void Set(Span<ulong> part, int level, int x)
    {
        if (level < 6) part[0] |= 1UL << ((1 << level) - 1 + x);
        else part[(1 << (level - 6)) + (x >> 6)] |= 1UL << (x & 63);
    }

    /// <summary>The bit of word x of level ℓ.</summary>
    public static bool Get(ReadOnlySpan<ulong> part, int level, int x) =>
        level < 6 ? ((part[0] >> ((1 << level) - 1 + x)) & 1) != 0 : ((part[(1 << (level - 6)) + (x >> 6)] >> (x & 63)) & 1) != 0;

    /// <summary>¬: every valid bit flipped.</summary>
    public void Not(ReadOnlySpan<ulong> a, Span<ulong> result)
    {
        for (int i = 0; i < Width; i++) result[i] = ~a[i];
        result[0] &= EndMask0;
        result[Half] &= OutMask0;
    }

    /// <summary>¬ on the End part only.</summary>
    public void NotEnd(ReadOnlySpan<ulong> a, Span<ulong> end)
    {
        for (int i = 0; i < Half; i++) end[i] = ~a[i];
        end[0] &= EndMask0;
    }

    /// <summary>
    /// The End part of a strict temporal operator applied to operands whose Out parts are given, levels
    /// <paramref name="from"/> … <paramref name="to"/> (from = 0 clears the part first). Law: at N+1 of a word of length ℓ,
    /// P, H and S read the operator's value at N+1 of the prefix of length ℓ − 1 (its carry) and the operands at
    /// position ℓ; Y[&lt;=k,&gt;=c] counts the operand at positions ℓ − k + 1 … ℓ (≥ 1).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void TemporalEnd(GrammarOperator op, ReadOnlySpan<ulong> aOut, ReadOnlySpan<ulong> bOut, Span<ulong> end, int from, int to)
    {
        if (from == 0)
        {
            end.Clear();
            Put(end, 0, 0, op.Kind == GrammarOperatorKind.Historically ? 1UL : 0UL);
            from = 1;
        }
        for (int l = from; l <= to; l++)
        {
            int chunks = Chunks(l);
            for (int c = 0; c < chunks; c++)
            {
                ulong v;
                switch (op.Kind)
                {
                    case GrammarOperatorKind.Past: v = Tiled(end, l - 1, c) | Tiled(aOut, l, c); break;
                    case GrammarOperatorKind.Historically: v = Tiled(end, l - 1, c) & Tiled(aOut, l, c); break;
                    case GrammarOperatorKind.Since: v = Tiled(bOut, l, c) | (Tiled(aOut, l, c) & Tiled(end, l - 1, c)); break;
                    case GrammarOperatorKind.Window: v = Window(aOut, l, c, op.K, op.C); break;
                    default: throw new InvalidOperationException($"internal error: {op.Kind} is not a strict temporal operator");
                }
                Put(end, l, c, v);
            }
        }
    }

    // At least c of the operand's values at positions max(1, ℓ − k + 1) … ℓ (a bit-sliced counter: at[m] = "at least m so far").
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Window(ReadOnlySpan<ulong> aOut, int l, int chunk, int k, int c)
    {
        int first = Math.Max(1, l - k + 1);
        if (c == 1)
        {
            ulong any = 0;
            for (int j = first; j <= l; j++) any |= Tiled(aOut, j, chunk);
            return any;
        }
        Span<ulong> at = stackalloc ulong[c + 1];
        at.Clear();
        at[0] = ulong.MaxValue;
        for (int j = first; j <= l; j++)
        {
            ulong x = Tiled(aOut, j, chunk);
            for (int m = c; m >= 1; m--) at[m] |= at[m - 1] & x;
        }
        return at[c];
    }

    /// <summary>
    /// The Out part of a strict temporal operator from its End part: its value at the last position of u·σ is
    /// its value at N+1 of u (both read the positions of u only), so Out level ℓ is End level ℓ − 1 repeated twice.
    /// </summary>
    public void OutFromEnd(ReadOnlySpan<ulong> end, Span<ulong> outPart)
    {
        outPart.Clear();
        for (int l = 1; l <= Length; l++)
        {
            int chunks = Chunks(l);
            for (int c = 0; c < chunks; c++) Put(outPart, l, c, Tiled(end, l - 1, c));
        }
    }
}
