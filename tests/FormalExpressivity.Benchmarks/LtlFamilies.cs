using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Benchmarks;

/// <summary>The past-LTL benchmark families (issue 3, "Performance"), by name.</summary>
public static class LtlFamilies
{
    private static readonly Alphabet Ab = Alphabet.Of("a", "b");
    private static readonly Alphabet Abc = Alphabet.Of("a", "b", "c");

    /// <summary>
    /// A family member by name: <c>since-n</c> (nested since: s₁ = a S b, s_{i+1} = x S (b ∧ Y s_i) with x
    /// alternating c, a; over {a,b,c}), <c>window-k</c> (Y[&lt;=k] a over {a,b}), <c>pt-n</c> (the
    /// subsequence x₁x₂…x_n, x_i alternating a, b: P(x_n ∧ P(x_{n−1} ∧ … P x₁)) over {a,b,c}).
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
            default:
                throw new ArgumentException($"unknown family '{parts[0]}'", nameof(name));
        }
    }
}
