using FormalExpressivity.Classes.Types;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Exact;

/// <summary>
/// An all-depth witness certificate (docs/theory.md, "Lasso certificates"): for every n ≥
/// <see cref="MinRepetition"/> with n ≡ <see cref="MinRepetition"/> (mod <see cref="Period"/>),
/// p·vⁿ·x ∈ L and p·vⁿ·y ∉ L, and the two words have equal depth-r types at N+1 for every r once n
/// is large enough (<see cref="RepetitionFor"/>), because the end nodes of x and y get the same
/// stable colour in the finite limit graph of the fragment. Hence no formula of the fragment, of any
/// depth, defines L. Re-checked by <see cref="Certificates.LassoCertificateChecker"/>.
/// </summary>
/// <param name="Fragment">The fragment (architecture or logic class) the certificate refutes.</param>
/// <param name="Prefix">p.</param>
/// <param name="Loop">v (non-empty).</param>
/// <param name="InTail">x: p·vⁿ·x ∈ L.</param>
/// <param name="OutTail">y: p·vⁿ·y ∉ L.</param>
/// <param name="MinRepetition">n₀: membership holds for n ≥ n₀ in the residue class of n₀.</param>
/// <param name="Period">The period of n ↦ start·p·vⁿ after n₀ (≥ 1).</param>
public sealed record LassoCertificate(TypeFragment Fragment, Word Prefix, Word Loop, Word InTail, Word OutTail, int MinRepetition, int Period) : ClassEvidence
{
    /// <summary>
    /// A repetition n in the certificate's residue class from which the words agree on every formula of
    /// depth ≤ <paramref name="depth"/>: the loop types are periodic at depth d from iteration
    /// t_d ≤ d·(⌈k/|v|⌉ + 1), and the tail needs one more iteration (docs/theory.md).
    /// </summary>
    /// <param name="depth">r ≥ 0.</param>
    public int RepetitionFor(int depth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        int reach = Fragment.Window == 0 ? 0 : (Fragment.Window + Loop.Length - 1) / Loop.Length;
        int needed = (depth + 1) * (reach + 1) + 1;
        int n = MinRepetition;
        if (n < needed) n += (needed - n + Period - 1) / Period * Period;
        return n;
    }

    /// <summary>The two words p·vⁿ·x (in L) and p·vⁿ·y (not in L) for a repetition n of the residue class.</summary>
    /// <param name="n">n ≥ <see cref="MinRepetition"/>, n ≡ <see cref="MinRepetition"/> (mod <see cref="Period"/>).</param>
    public (Word In, Word Out) WordsAt(int n)
    {
        if (n < MinRepetition || (n - MinRepetition) % Period != 0)
            throw new ArgumentOutOfRangeException(nameof(n), "n must be ≥ n₀ and in the residue class of n₀");
        var body = Prefix.Concat(Loop.Repeat(n));
        return (body.Concat(InTail), body.Concat(OutTail));
    }
}
