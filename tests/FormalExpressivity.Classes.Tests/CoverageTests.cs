using FormalExpressivity.Classes.Deciders;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Classes.Tests;

public class CoverageTests
{
    [Test]
    public void Every_class_has_members_and_non_members_among_the_small_DFAs()
    {
        var ab = Alphabet.Of("a", "b");
        var members = new Dictionary<LanguageClass, (int Yes, int No)>();
        int budget = 0;
        foreach (var dfa in SmallDfas.AllMinimal(3, ab))
        {
            try
            {
                foreach (var v in ClassDeciders.DecideAll(new DecisionContext(dfa)).Values)
                {
                    members.TryGetValue(v.Class, out var c);
                    members[v.Class] = v.Member ? (c.Yes + 1, c.No) : (c.Yes, c.No + 1);
                }
            }
            catch (BudgetExceededException) { budget++; }
        }
        TestContext.Out.WriteLine(string.Join("\n", members.Select(kv => $"{kv.Key}: {kv.Value.Yes} in, {kv.Value.No} out")));
        Assert.That(budget, Is.Zero);
        foreach (var c in ClassDeciders.All.Where(c => c != LanguageClass.REG))
            Assert.That(members[c].Yes > 0 && members[c].No > 0, Is.True, $"{c}: {members[c]}");
    }
}
