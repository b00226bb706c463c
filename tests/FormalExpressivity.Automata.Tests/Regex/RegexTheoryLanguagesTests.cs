using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Regex;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Automata.Tests.Regex;

/// <summary>The regexes of theory.md §2 and §9 compile to minimal DFAs of the expected size and language.</summary>
public class RegexTheoryLanguagesTests
{
    private static string[] N(Word w, Alphabet s) => w.ToNames(s);

    private static bool Factor(string[] w, params string[] f) =>
        Enumerable.Range(0, Math.Max(0, w.Length - f.Length + 1)).Any(i => f.Select((x, j) => w[i + j] == x).All(b => b));

    private static bool Subsequence(string[] w, params string[] f)
    {
        int k = 0;
        foreach (var x in w) if (k < f.Length && x == f[k]) k++;
        return k == f.Length;
    }

    // (Σ∖X0)* y1 (Σ∖X1)* y2 … : a greedy-free check by trying every split.
    private static bool Blocks(string[] w, string[][] excluded, string[] markers)
    {
        bool Go(int start, int block)
        {
            if (block == markers.Length) return w.Skip(start).All(x => !excluded[block].Contains(x));
            for (int i = start; i < w.Length; i++)
            {
                if (w[i] == markers[block] && Go(i + 1, block + 1)) return true;
                if (excluded[block].Contains(w[i])) return false;
            }
            return false;
        }
        return Go(0, 0);
    }

    private static bool Dyck12(string[] w)
    {
        // (a(ab)*b)*: a Dyck word of depth ≤ 2 over a = '(' and b = ')'.
        int depth = 0;
        foreach (var x in w)
        {
            depth += x == "a" ? 1 : -1;
            if (depth < 0 || depth > 2) return false;
        }
        return depth == 0;
    }

    public static IEnumerable<TestCaseData> Cases()
    {
        TestCaseData C(string name, string regex, string alphabet, int states, Func<string[], bool> member) =>
            new TestCaseData(regex, alphabet, states, member).SetName($"{name}: {regex} over {{{alphabet}}} has {states} states");
        // theory.md §2 reference languages
        yield return C("aΣ*", "aΣ*", "a,b", 3, w => w.Length > 0 && w[0] == "a");
        yield return C("Σ*a", "Σ*a", "a,b", 2, w => w.Length > 0 && w[^1] == "a");
        yield return C("Σ*ab", "Σ*ab", "a,b", 3, w => w.Length >= 2 && w[^2] == "a" && w[^1] == "b");
        yield return C("Σ*aΣ*", "Σ*aΣ*", "a,b,c", 2, w => w.Contains("a"));
        yield return C("Σ*aΣ*bΣ*", "Σ*aΣ*bΣ*", "a,b,c", 3, w => Subsequence(w, "a", "b"));
        yield return C("Σ*abΣ*", "Σ*abΣ*", "a,b,c", 3, w => Factor(w, "a", "b"));
        foreach (int k in new[] { 1, 2, 3, 5 })
            yield return C($"L_{k}", $"Σ*aΣ{{0,{k - 1}}}", "a,b", k + 1, w => w.TakeLast(k).Contains("a"));
        // theory.md §9 benchmark languages
        yield return C("PARITY", "(a*ba*b)*a*", "a,b", 2, w => w.Count(x => x == "b") % 2 == 0);
        yield return C("DYCK-(1,2)", "(a(ab)*b)*", "a,b", 4, Dyck12);
        yield return C("DYCK-(1,1)", "(ab)*", "a,b", 3, w => w.Length % 2 == 0 && w.Select((x, i) => x == (i % 2 == 0 ? "a" : "b")).All(b => b));
        yield return C("LT-2", "Σ*abΣ*", "a,b,c", 3, w => Factor(w, "a", "b"));
        yield return C("RDP-1", "[^b0]* a [^a b1]*", "a,b0,b1,c", 4, w => Blocks(w, [["b0"], ["a", "b1"]], ["a"]));
        yield return C("LAST", "Σ*b", "a,b", 2, w => w.Length > 0 && w[^1] == "b");
        yield return C("PT-2", "Σ*aΣ*bΣ*", "a,b,c", 3, w => Subsequence(w, "a", "b"));
        yield return C("LT-1", "Σ*aΣ*", "a,b,c", 2, w => w.Contains("a"));
        yield return C("LDP-1", "[^a b0]* a [^b1]*", "a,b0,b1,c", 3, w => Blocks(w, [["a", "b0"], ["b1"]], ["a"]));
        yield return C("LDP-2", "[^a1 b0]* a1 [^a2 b1]* a2 [^b2]*", "a1,a2,b0,b1,b2,c", 4,
            w => Blocks(w, [["a1", "b0"], ["a2", "b1"], ["b2"]], ["a1", "a2"]));
        yield return C("FIRST", "bΣ*", "a,b", 3, w => w.Length > 0 && w[0] == "b");
        // extended operators state the same languages
        yield return C("PT-2 by ∩", "Σ*aΣ* & Σ*a Σ*bΣ*", "a,b,c", 3, w => Subsequence(w, "a", "b"));
        yield return C("no ab", "~(Σ*abΣ*)", "a,b,c", 3, w => !Factor(w, "a", "b"));
        yield return C("a* minus ε", "a* - eps", "a,b", 3, w => w.Length > 0 && w.All(x => x == "a"));
    }

    [TestCaseSource(nameof(Cases))]
    public void Compiles_to_the_expected_minimal_dfa(string regex, string alphabetText, int states, Func<string[], bool> member)
    {
        var alphabet = Alphabet.Create(alphabetText.Split(','));
        var dfa = RegexCompiler.Compile(regex, alphabet).Value;
        var twin = RegexCompiler.Compile(regex, alphabet, new RegexCompilerOptions { Construction = RegexConstruction.Thompson }).Value;
        Assert.That(dfa.StateCount, Is.EqualTo(states));
        Assert.That(twin.Table.ToArray(), Is.EqualTo(dfa.Table.ToArray()));
        Assert.That(Equivalence.FindDifference(dfa, twin), Is.Null);
        foreach (var w in RandomDfa.AllWords(alphabet, alphabet.Count <= 2 ? 10 : alphabet.Count <= 4 ? 6 : 4))
            Assert.That(dfa.Accepts(w), Is.EqualTo(member(N(w, alphabet))), $"word {w.Format(alphabet)}");
    }

    [Test]
    public void Exponential_family_has_2_to_the_k_plus_1_states()
    {
        var alphabet = Alphabet.Of("a", "b");
        for (int k = 0; k <= 8; k++)
        {
            var node = RegexParser.Parse($"(a|b)*a(a|b){{{k}}}", alphabet).Value;
            Assert.That(RegexCompiler.ToDfa(node).StateCount, Is.EqualTo(1 << (k + 1)), $"k = {k}");
            Assert.That(ThompsonConstruction.ToDfa(node).StateCount, Is.EqualTo(1 << (k + 1)), $"k = {k}");
        }
    }

    [TestCase(RegexConstruction.Derivatives)]
    [TestCase(RegexConstruction.Thompson)]
    public void The_state_budget_ends_with_an_error_naming_max_states(RegexConstruction construction)
    {
        var node = RegexParser.Parse("(a|b)*a(a|b){12}", Alphabet.Of("a", "b")).Value;
        var e = Assert.Throws<BudgetExceededException>(() => RegexCompiler.ToDfa(node, new RegexCompilerOptions { MaxStates = 1000, Construction = construction }));
        Assert.That(e!.BudgetName, Is.EqualTo("max-states"));
        Assert.That(e.Message, Does.Contain("max-states = 1000"));
    }

    [Test]
    public void Complement_and_intersection_budgets_are_enforced_in_the_twin()
    {
        var node = RegexParser.Parse("~((a|b)*a(a|b){12})", Alphabet.Of("a", "b")).Value;
        Assert.Throws<BudgetExceededException>(() => ThompsonConstruction.ToDfa(node, 1000));
        Assert.Throws<BudgetExceededException>(() => BrzozowskiDerivatives.ToDfa(node, 1000, out _));
    }
}

public class RegexCompilerLimitTests
{
    [Test]
    public void Programmatic_nodes_deeper_than_the_limit_are_rejected_before_recursing()
    {
        var builder = new RegexBuilder(Alphabet.Of("a", "b"));
        var node = builder.Symbol("a");
        for (int i = 0; i < RegexCompiler.MaxDepth + 5; i++) node = builder.Repeat(node, 2, 3);
        Assert.That(node.Depth, Is.GreaterThan(RegexCompiler.MaxDepth));
        Assert.Throws<ArgumentException>(() => RegexCompiler.ToDfa(node));
        Assert.Throws<ArgumentException>(() => ThompsonConstruction.ToNfa(node));
        Assert.Throws<ArgumentException>(() => BrzozowskiDerivatives.ToDfa(node, 10, out _));
    }
}
