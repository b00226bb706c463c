using System.Runtime.CompilerServices;

namespace FormalExpressivity.Transformers.Numeric;

/// <summary>The floating-point format a numeric model computes in (theory.md §8).</summary>
public enum NumberFormat
{
    /// <summary>IEEE binary32 (24 significant bits).</summary>
    Fp32,
    /// <summary>IEEE binary16, <see cref="Half"/> (11 significant bits, max 65504).</summary>
    Fp16,
    /// <summary>bfloat16: the top 16 bits of binary32 (8 significant bits, binary32's range).</summary>
    Bf16,
}

/// <summary>
/// bfloat16 rounding: round-to-nearest-even of a binary32 value onto its top 16 bits (NaN stays NaN,
/// overflow becomes ±∞, subnormals round like normals).
/// </summary>
public static class BFloat16
{
    /// <summary>The nearest bfloat16 value (ties to even), as a float.</summary>
    /// <param name="x">A binary32 value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Round(float x)
    {
        uint bits = BitConverter.SingleToUInt32Bits(x);
        if ((bits & 0x7FFF_FFFF) > 0x7F80_0000) return x; // NaN
        uint lsb = (bits >> 16) & 1;
        bits += 0x7FFF + lsb;
        return BitConverter.UInt32BitsToSingle(bits & 0xFFFF_0000);
    }

    /// <summary>The 16-bit pattern of <see cref="Round"/>(x).</summary>
    /// <param name="x">A binary32 value.</param>
    public static ushort ToBits(float x) => (ushort)(BitConverter.SingleToUInt32Bits(Round(x)) >> 16);
}

/// <summary>
/// binary16 rounding of a binary32 value, returned as binary32 — the same value as <c>(float)(Half)x</c>
/// (round to nearest, ties to even; overflow to ±∞; subnormals; NaN kept) without the conversion
/// through <see cref="Half"/>, which costs a software routine per call. Normal range (|x| ≥ 2⁻¹⁴):
/// drop the 13 low mantissa bits with round-to-nearest-even on the bit pattern (a carry into the
/// exponent is the correct rounding up); |x| ≥ 65520 (the midpoint above 65504) becomes ∞.
/// Subnormal range (|x| &lt; 2⁻¹⁴): the binary16 quantum is 2⁻²⁴, which is the binary32 ulp of ½, so
/// (|x| + ½) − ½ rounds |x| to it exactly (one RNE addition, exact subtraction).
/// </summary>
public static class Binary16
{
    /// <summary>The nearest binary16 value (ties to even), as a float.</summary>
    /// <param name="x">A binary32 value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Round(float x)
    {
        uint bits = BitConverter.SingleToUInt32Bits(x);
        uint abs = bits & 0x7FFF_FFFF;
        // ±0 takes the same path (0 + 0x0FFF masks back to 0): zeros are half of a one-hot stream, and a
        // non-short-circuit | keeps the common cases free of an unpredictable branch
        if ((abs - 0x3880_0000 < 0x477F_F000 - 0x3880_0000) | (abs == 0))
        {
            // normal binary16 range: the sign bit is untouched by the carry (abs stays below 2^31)
            bits += 0x0FFF + ((bits >> 13) & 1);
            return BitConverter.UInt32BitsToSingle(bits & 0xFFFF_E000);
        }
        uint sign = bits & 0x8000_0000;
        if (abs >= 0x477F_F000) return abs > 0x7F80_0000 ? x : BitConverter.UInt32BitsToSingle(sign | 0x7F80_0000);
        float r = (BitConverter.UInt32BitsToSingle(abs) + 0.5f) - 0.5f;
        return BitConverter.UInt32BitsToSingle(sign | BitConverter.SingleToUInt32Bits(r));
    }
}

/// <summary>Rounding into one format. Every operation is computed in binary32 and then rounded.</summary>
internal interface IFormat
{
    static abstract float Round(float x);
}

internal readonly struct Fp32Format : IFormat
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float Round(float x) => x;
}

internal readonly struct Fp16Format : IFormat
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float Round(float x) => Binary16.Round(x);
}

internal readonly struct Bf16Format : IFormat
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float Round(float x) => BFloat16.Round(x);
}

/// <summary>Facts about the formats used by the numeric construction.</summary>
public static class NumberFormats
{
    /// <summary>Rounds <paramref name="x"/> into <paramref name="format"/>.</summary>
    /// <param name="format">The format.</param>
    /// <param name="x">A binary32 value.</param>
    public static float Round(NumberFormat format, float x) => format switch
    {
        NumberFormat.Fp16 => Binary16.Round(x),
        NumberFormat.Bf16 => BFloat16.Round(x),
        _ => x,
    };

    /// <summary>The smallest positive (subnormal) value min F_{&gt;0}.</summary>
    /// <param name="format">The format.</param>
    public static double MinPositive(NumberFormat format) => format switch
    {
        NumberFormat.Fp16 => Math.Pow(2, -24),
        NumberFormat.Bf16 => Math.Pow(2, -133),
        _ => Math.Pow(2, -149),
    };

    /// <summary>The largest finite value max F.</summary>
    /// <param name="format">The format.</param>
    public static double MaxFinite(NumberFormat format) => format switch
    {
        NumberFormat.Fp16 => 65504,
        NumberFormat.Bf16 => BitConverter.UInt32BitsToSingle(0x7F7F_0000),
        _ => float.MaxValue,
    };

    /// <summary>
    /// N_max = ⌊min(1, max F) / min F_{&gt;0}⌋ (theory.md §8): how many positions can receive a non-zero
    /// attention weight when weights are computed from exact sums and rounded once (the idealization).
    /// </summary>
    /// <param name="format">The format.</param>
    public static double IdealizedMaxAttended(NumberFormat format) => Math.Floor(Math.Min(1, MaxFinite(format)) / MinPositive(format));

    /// <summary>
    /// The score gap f_large the construction uses: the smallest integer with exp(−f_large) rounding to 0
    /// in the format (fp16: 18; binary32 and bfloat16: 104).
    /// </summary>
    /// <param name="format">The format.</param>
    public static float LargeScore(NumberFormat format)
    {
        for (int f = 1; ; f++)
            if (Round(format, MathF.Exp(-f)) == 0) return f;
    }
}
