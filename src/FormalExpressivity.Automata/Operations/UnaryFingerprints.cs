using System.Runtime.CompilerServices;
using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Core.Collections;

namespace FormalExpressivity.Automata.Operations;

/// <summary>
/// A cheap sufficient test that the states of a complete DFA are pairwise distinguishable, so that a
/// construction whose states are all reachable can skip Hopcroft (issue 14).
/// <para>
/// The c-fingerprint of a state q is the 64-bit word whose bit j is [δ(q, c^j) ∈ F] (j = 0 … 63).
/// Law (Myhill–Nerode): two states with different c-fingerprints are told apart by the word c^j at
/// a differing bit; so when the fingerprint tuples over the first letters are pairwise different,
/// no two states are equivalent, and a complete DFA with every state reachable is minimal. The
/// converse fails (states told apart only by mixed words, or only by c^j with j ≥ 64): a false
/// answer means "not proved", never "not minimal".
/// </para>
/// <para>
/// The fingerprints are computed by pointer doubling, f_{2m}(q) = f_m(q) | f_m(δ^m(q)) ≪ m and
/// δ^{2m} = δ^m ∘ δ^m: six passes of two gathers per letter, O(n) each, instead of Hopcroft's
/// O(n·|Σ|·log n) with its inverse-transition index. Twin: <see cref="Minimization.HopcroftPartition(Dfa, out int, int)"/>
/// (the property tests check that a proof is never given for a DFA with fewer classes than states).
/// </para>
/// </summary>
public static class UnaryFingerprints
{
    /// <summary>How many letters (the first ones in declared order) contribute a fingerprint.</summary>
    public const int MaxLetters = 4;

    /// <summary>
    /// True when the unary fingerprints prove every two states of <paramref name="dfa"/> distinguishable
    /// (then, if every state is reachable, <paramref name="dfa"/> is minimal); false when they do not decide.
    /// </summary>
    /// <param name="dfa">A complete DFA.</param>
    public static bool ProveDistinguishable(Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        return ProveDistinguishable(dfa.Table, dfa.SymbolCount, dfa.IsAccepting);
    }

    /// <summary><see cref="ProveDistinguishable(Dfa)"/> on a bare complete table of <c>table.Length / k</c> states.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool ProveDistinguishable(ReadOnlySpan<int> table, int k, Func<int, bool> isAccepting)
    {
        int n = table.Length / k;
        if (n <= 1) return true;
        int letters = Math.Min(k, MaxLetters);
        var keys = new ulong[checked(n * letters)];
        var accepting = new ulong[n];
        for (int q = 0; q < n; q++) accepting[q] = isAccepting(q) ? 1UL : 0UL;
        var f = new ulong[n];
        var f2 = new ulong[n];
        var jump = new int[n];
        var jump2 = new int[n];
        for (int c = 0; c < letters; c++)
        {
            accepting.CopyTo(f, 0);
            for (int q = 0; q < n; q++) jump[q] = table[q * k + c];
            for (int m = 1; m < 64; m <<= 1)
            {
                // f covers the words c^0 … c^(m−1); jump = δ^m(·, c).
                for (int q = 0; q < n; q++) f2[q] = f[q] | f[jump[q]] << m;
                (f, f2) = (f2, f);
                if (m < 32)
                {
                    for (int q = 0; q < n; q++) jump2[q] = jump[jump[q]];
                    (jump, jump2) = (jump2, jump);
                }
            }
            for (int q = 0; q < n; q++) keys[q * letters + c] = f[q];
            if (AllDistinct(keys, n, letters, c + 1)) return true;
        }
        return false;
    }

    /// <summary>True when the first <paramref name="used"/> words of the n keys (stride <paramref name="stride"/>) are pairwise different.</summary>
    private static bool AllDistinct(ulong[] keys, int n, int stride, int used)
    {
        var seen = new PackedStateTable(used, n, "minimality fingerprints");
        for (int q = 0; q < n; q++)
            if (seen.Intern(keys.AsSpan(q * stride, used)) != q) return false;
        return true;
    }
}
