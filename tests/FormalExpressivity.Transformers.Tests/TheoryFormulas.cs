using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Transformers.Tests;

/// <summary>The reference formulas of theory.md §2 and §3.1, with their alphabets.</summary>
internal static class TheoryFormulas
{
    public static readonly Alphabet Ab = Alphabet.Of("a", "b");
    public static readonly Alphabet Abc = Alphabet.Of("a", "b", "c");

    private static readonly LtlFormula A = Ltl.Atom("a");
    private static readonly LtlFormula B = Ltl.Atom("b");

    public static IEnumerable<(string Name, LtlFormula Formula)> All()
    {
        yield return ("aΣ*", Ltl.Past(Ltl.And(A, Ltl.Not(Ltl.Past(Ltl.True)))));
        yield return ("Σ*a", Ltl.Yesterday(A));
        yield return ("Σ*ab", Ltl.And(Ltl.Yesterday(B), Ltl.Yesterday(Ltl.Yesterday(A))));
        yield return ("Σ*aΣ*", Ltl.Past(A));
        yield return ("Σ*aΣ*bΣ*", Ltl.Past(Ltl.And(B, Ltl.Past(A))));
        yield return ("Σ*abΣ*", Ltl.Past(Ltl.And(B, Ltl.Yesterday(A))));
        for (int k = 1; k <= 4; k++) yield return ($"L_{k}", Ltl.WindowYesterday(k, A));
        yield return ("two a among the last three", Ltl.WindowCount(3, 2, A));
        yield return ("H(a -> Y b) (historically)", Ltl.Historically(Ltl.Implies(A, Ltl.Yesterday(B))));
    }

    public static IEnumerable<(string Name, LtlFormula Formula)> WithSince()
    {
        yield return ("a S b", Ltl.Since(A, B));
        yield return ("(a|b) S (b & Y a)", Ltl.Since(Ltl.Or(A, B), Ltl.And(B, Ltl.Yesterday(A))));
    }
}
