using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Testing;

/// <summary>The past-LTL benchmark families (issue 3, "Performance"), by name.</summary>
public static class LtlFamilies
{
    private static readonly Alphabet Ab = Alphabet.Of("a", "b");
    private static readonly Alphabet Abc = Alphabet.Of("a", "b", "c");

    /// <summary>
    /// A family member by name: <c>since-n</c> (nested since: s₁ = a S b, s_{i+1} = x S (b ∧ Y s_i) with x
    /// alternating c, a; over {a,b,c}), <c>window-k</c> (Y[&lt;=k] a over {a,b}), <c>pt-n</c> (the
    /// subsequence x₁x₂…x_n, x_i alternating a, b: P(x_n ∧ P(x_{n−1} ∧ … P x₁)) over {a,b,c}),
    /// <c>ldp-n</c> (LC25's left-deterministic polynomial (Σ∖{a1,b0})* a1 (Σ∖{a2,b1})* a2 … a_n (Σ∖{b_n})*
    /// over {a1…a_n, b0…b_n}: ψ₁ = a1 ∧ ¬P a1 ∧ ¬P b0 marks the first a1; ψ_{i+1} = a_{i+1} ∧ Pψ_i ∧
    /// ¬P(a_{i+1} ∧ Pψ_i) ∧ ¬P(b_i ∧ Pψ_i) the first a_{i+1} after it with no b_i between; the formula is
    /// Pψ_n ∧ ¬P(b_n ∧ Pψ_n)).
    /// </summary>
    public static (LtlFormula Formula, Alphabet Alphabet) Get(string name)
    {
        var parts = name.Split('-');
        int n = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var a = Ltl.Atom("a");
        var b = Ltl.Atom("b");
        var c = Ltl.Atom("c");
        switch (parts[0])
        {
            case "since":
                var s = Ltl.Since(a, b);
                for (int i = 1; i < n; i++) s = Ltl.Since(i % 2 == 1 ? c : a, Ltl.And(b, Ltl.Yesterday(s)));
                return (s, Abc);
            case "window":
                return (Ltl.WindowYesterday(n, a), Ab);
            case "pt":
                var p = Ltl.Past(a);
                for (int i = 2; i <= n; i++) p = Ltl.Past(Ltl.And(i % 2 == 0 ? b : a, p));
                return (p, Abc);
            case "ldp":
                var sigma = Alphabet.Create(Enumerable.Range(1, n).Select(i => $"a{i}").Concat(Enumerable.Range(0, n + 1).Select(i => $"b{i}")));
                LtlFormula A(int i) => Ltl.Atom($"a{i}");
                LtlFormula B(int i) => Ltl.Atom($"b{i}");
                var psi = Ltl.And(A(1), Ltl.And(Ltl.Not(Ltl.Past(A(1))), Ltl.Not(Ltl.Past(B(0)))));
                for (int i = 1; i < n; i++)
                {
                    var after = Ltl.Past(psi);
                    psi = Ltl.And(Ltl.And(A(i + 1), after),
                        Ltl.And(Ltl.Not(Ltl.Past(Ltl.And(A(i + 1), after))), Ltl.Not(Ltl.Past(Ltl.And(B(i), after)))));
                }
                return (Ltl.And(Ltl.Past(psi), Ltl.Not(Ltl.Past(Ltl.And(B(n), Ltl.Past(psi))))), sigma);
            default:
                throw new ArgumentException($"unknown family '{parts[0]}'", nameof(name));
        }
    }
}
