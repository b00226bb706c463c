using FormalExpressivity.Classes.Architectures;

namespace FormalExpressivity.Classes.Tests.Architectures;

public class SmokeTests
{
    [Test]
    public void Print()
    {
        var langs = new (string, FormalExpressivity.Automata.Dfa)[]
        {
            ("aS*", Languages.StartsWithA), ("S*a", Languages.EndsWithA), ("S*ab", Languages.EndsWithAB), ("PT2", Languages.Subsequence),
            ("LT1", Languages.ContainsA), ("LT2", Languages.FactorAB), ("(ab)*", Languages.AbStar), ("dyck12", Languages.Dyck12), ("parity", Languages.Parity),
            ("rdp1", Languages.Rdp1), ("ldp1", Languages.Ldp1), ("L2", Languages.AmongLast(2)), ("2of3", Languages.TwoOfLastThree), ("bb", Languages.StartsWithBB),
        };
        foreach (var (name, dfa) in langs)
        {
            var facts = new LanguageFacts(dfa);
            var sw = System.Diagnostics.Stopwatch.StartNew();
            foreach (var arch in Architecture.Defaults([1, 2, 4]))
            {
                var t0 = sw.ElapsedMilliseconds; var v = ArchitectureDecider.Decide(facts, arch); TestContext.Progress.Write($"[{sw.ElapsedMilliseconds - t0}ms] ");
                TestContext.Progress.WriteLine($"{name} {v.Key}: {v.Verdict} d={v.Depth} f={v.Formula?.ToString()?.Length} w={v.Witnesses?.InLanguage.Format(dfa.Alphabet)} / {v.Witnesses?.NotInLanguage.Format(dfa.Alphabet)} -- {v.Note}");
            }
            foreach (var k in new[] { 1, 2, 3, 4 })
                foreach (var p in new[] { false, true })
                {
                    var t0 = sw.ElapsedMilliseconds; var v = ArchitectureDecider.DecideLogic(facts, p, k); TestContext.Progress.Write($"[{sw.ElapsedMilliseconds - t0}ms] ");
                    TestContext.Progress.WriteLine($"{name} {v.Key}: {v.Verdict} d={v.Depth} w={v.Witnesses?.InLanguage.Format(dfa.Alphabet)} / {v.Witnesses?.NotInLanguage.Format(dfa.Alphabet)} -- {v.Note}");
                }
            TestContext.Progress.WriteLine($"{name}: {sw.ElapsedMilliseconds} ms");
        }
    }
}
