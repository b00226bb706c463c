using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace FormalExpressivity.Transformers.BitParallel;

/// <summary>
/// Transposes of 64 × 64 bit matrices stored as 64 rows of <c>ulong</c>, bit k of row i (least significant
/// bit first) being entry (i, k): afterwards bit i of row k is the old entry (i, k). This is how
/// <see cref="BitBatch"/> turns 64 words × 64 positions (one row per word) into 64 bit planes (one row per
/// position, one bit per word).
/// </summary>
public static class BitTranspose
{
    // The recursive block swap (Warren, Hacker's Delight §7-3): with M = [A B; C D] in j × j blocks (rows
    // i < j, i ≥ j; bits k < j, k ≥ j), Mᵀ = [Aᵀ Cᵀ; Bᵀ Dᵀ]: swap B (high bits of the upper rows) with C (low
    // bits of the lower rows) for j = 32, then do the same inside all four blocks at once for j = 16 … 1.
    // Each step handles every row pair (r, r + j) with (r & j) = 0 by t = ((a >> j) ^ b) & m, b ^= t, a ^= t << j,
    // m selecting the low j bits of every 2j-bit group. log₂ 64 = 6 steps of 32 pair updates.
    private static readonly ulong[] Masks = [0x0000_0000_FFFF_FFFF, 0x0000_FFFF_0000_FFFF, 0x00FF_00FF_00FF_00FF, 0x0F0F_0F0F_0F0F_0F0F, 0x3333_3333_3333_3333, 0x5555_5555_5555_5555];

    /// <summary>Transposes the 64 × 64 bit matrix <paramref name="rows"/> in place (6 rounds of block swaps).</summary>
    /// <param name="rows">Exactly 64 rows.</param>
    public static void Transpose(Span<ulong> rows)
    {
        if (rows.Length != 64) throw new ArgumentException("a 64 × 64 bit matrix has 64 rows", nameof(rows));
        for (int step = 0, j = 32; j != 0; step++, j >>= 1)
        {
            ulong m = Masks[step];
            for (int r = 0; r < 64; r = (r + j + 1) & ~j) // every r with bit j clear
            {
                ulong a = rows[r], b = rows[r + j];
                ulong t = ((a >> j) ^ b) & m;
                rows[r + j] = b ^ t;
                rows[r] = a ^ (t << j);
            }
        }
    }

    /// <summary>
    /// Transposes eight 64 × 64 bit matrices at once: lane g of every row vector belongs to matrix g (the
    /// same block swaps as <see cref="Transpose(Span{ulong})"/>, one 512-bit operation for eight matrices).
    /// </summary>
    /// <param name="rows">Exactly 64 row vectors.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Transpose(Span<Vector512<ulong>> rows)
    {
        if (rows.Length != 64) throw new ArgumentException("a 64 × 64 bit matrix has 64 rows", nameof(rows));
        Swaps(rows, 32, Vector512.Create(Masks[0]));
        Swaps(rows, 16, Vector512.Create(Masks[1]));
        Swaps(rows, 8, Vector512.Create(Masks[2]));
        Swaps(rows, 4, Vector512.Create(Masks[3]));
        Swaps(rows, 2, Vector512.Create(Masks[4]));
        Swaps(rows, 1, Vector512.Create(Masks[5]));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Swaps(Span<Vector512<ulong>> rows, int j, Vector512<ulong> m)
    {
        for (int r = 0; r < 64; r = (r + j + 1) & ~j)
        {
            var a = rows[r];
            var b = rows[r + j];
            var t = (Vector512.ShiftRightLogical(a, j) ^ b) & m;
            rows[r + j] = b ^ t;
            rows[r] = a ^ Vector512.ShiftLeft(t, j);
        }
    }

    /// <summary>The twin of <see cref="Transpose(Span{ulong})"/>: entry by entry into a new matrix.</summary>
    /// <param name="rows">Exactly 64 rows.</param>
    public static ulong[] TransposeBitByBit(ReadOnlySpan<ulong> rows)
    {
        if (rows.Length != 64) throw new ArgumentException("a 64 × 64 bit matrix has 64 rows", nameof(rows));
        var result = new ulong[64];
        for (int i = 0; i < 64; i++)
            for (int k = 0; k < 64; k++)
                result[k] |= (rows[i] >> k & 1) << i;
        return result;
    }
}
