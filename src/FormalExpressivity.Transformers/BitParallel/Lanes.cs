using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace FormalExpressivity.Transformers.BitParallel;

/// <summary>How many strings one kernel word advances.</summary>
public enum LaneWidth
{
    /// <summary>The widest width the hardware accelerates (512, 256, else 64).</summary>
    Auto,
    /// <summary>One <c>ulong</c>: 64 strings.</summary>
    Scalar64,
    /// <summary>One <c>Vector256&lt;ulong&gt;</c>: 256 strings.</summary>
    Vector256,
    /// <summary>One <c>Vector512&lt;ulong&gt;</c>: 512 strings.</summary>
    Vector512,
}

/// <summary>Bitwise operations on a bundle of lanes (one bit per string); implemented by ulong and SIMD vectors.</summary>
/// <typeparam name="T">The bundle type.</typeparam>
internal interface ILanes<T> where T : struct
{
    /// <summary>Number of 64-bit words in one bundle.</summary>
    static abstract int Words { get; }
    static abstract T Zero { get; }
    static abstract T Ones { get; }
    static abstract T And(T a, T b);
    static abstract T Or(T a, T b);
    static abstract T Xor(T a, T b);
    static abstract T AndNot(T a, T b); // a & ~b
    static abstract T Not(T a);
    static abstract T Load(ReadOnlySpan<ulong> words);
    static abstract void Store(T value, Span<ulong> words);
}

internal readonly struct Scalar64 : ILanes<ulong>
{
    public static int Words => 1;
    public static ulong Zero => 0;
    public static ulong Ones => ulong.MaxValue;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong And(ulong a, ulong b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong Or(ulong a, ulong b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong Xor(ulong a, ulong b) => a ^ b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong AndNot(ulong a, ulong b) => a & ~b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong Not(ulong a) => ~a;
    public static ulong Load(ReadOnlySpan<ulong> words) => words[0];
    public static void Store(ulong value, Span<ulong> words) => words[0] = value;
}

internal readonly struct Simd256 : ILanes<Vector256<ulong>>
{
    public static int Words => 4;
    public static Vector256<ulong> Zero => Vector256<ulong>.Zero;
    public static Vector256<ulong> Ones => Vector256<ulong>.AllBitsSet;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<ulong> And(Vector256<ulong> a, Vector256<ulong> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<ulong> Or(Vector256<ulong> a, Vector256<ulong> b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<ulong> Xor(Vector256<ulong> a, Vector256<ulong> b) => a ^ b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<ulong> AndNot(Vector256<ulong> a, Vector256<ulong> b) => Vector256.AndNot(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<ulong> Not(Vector256<ulong> a) => ~a;
    public static Vector256<ulong> Load(ReadOnlySpan<ulong> words) => Vector256.Create(words);
    public static void Store(Vector256<ulong> value, Span<ulong> words) => value.CopyTo(words);
}

internal readonly struct Simd512 : ILanes<Vector512<ulong>>
{
    public static int Words => 8;
    public static Vector512<ulong> Zero => Vector512<ulong>.Zero;
    public static Vector512<ulong> Ones => Vector512<ulong>.AllBitsSet;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<ulong> And(Vector512<ulong> a, Vector512<ulong> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<ulong> Or(Vector512<ulong> a, Vector512<ulong> b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<ulong> Xor(Vector512<ulong> a, Vector512<ulong> b) => a ^ b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<ulong> AndNot(Vector512<ulong> a, Vector512<ulong> b) => Vector512.AndNot(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<ulong> Not(Vector512<ulong> a) => ~a;
    public static Vector512<ulong> Load(ReadOnlySpan<ulong> words) => Vector512.Create(words);
    public static void Store(Vector512<ulong> value, Span<ulong> words) => value.CopyTo(words);
}
