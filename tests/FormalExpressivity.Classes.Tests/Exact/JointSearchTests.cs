using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Exact;
using FormalExpressivity.Classes.Types;
using FormalExpressivity.Classes.Verdicts;
using FormalExpressivity.Core.Limits;
using Lang = FormalExpressivity.Classes.Tests.Architectures.Languages;

namespace FormalExpressivity.Classes.Tests.Exact;

/// <summary>
/// The type search and the lasso search of an open row run side by side under one work budget
/// (<see cref="JointSearchStage"/>, <c>max-search-work</c>): the units the type search spends are missing
/// from the lasso search, a tiny budget stops both with both bounds naming it, and a budget that suffices
/// gives the same answer as the searches run one after the other.
/// </summary>
public class JointSearchTests
{
    // Σ*a over {a, b}: outside hybrid(k) for every k ≥ 2 by a lasso certificate (p = ε, v = ab, x = a, y = ε);
    // the row is open after the exact criteria (locally R-trivial, the necessary class of hybrid:2).
    static readonly FormalExpressivity.Automata.Dfa EndsWithA = FormalExpressivity.Automata.Operations.Minimization.Minimize(
        RegexCompiler.ToDfa(Syntax.Regex.RegexParser.Parse("Σ*a", Lang.AB).Value!));

    static Verdict Decide(long work) =>
        new VerdictEngine(VerdictOptions.Default with { SearchWork = work, Smallest = VerdictOptions.Default.Smallest with { MaxSize = 0 } })
            .Decide(EndsWithA, Architecture.Hybrid(2));

    /// <summary>The (p, v) candidates the lasso search alone needs for its certificate, counted by its own work counter.</summary>
    static long LassoAlone()
    {
        var work = new WorkBudget(JointSearchStage.BudgetName, 1_000_000);
        var result = LassoSearch.FindStepwise(EndsWithA, TypeFragment.Hybrid(2), new LassoSearchOptions(), work).Last()!;
        Assert.That(result.Certificate, Is.Not.Null);
        return work.Spent;
    }

    static string Text(LassoCertificate c) =>
        $"{c.Prefix.Format(Lang.AB)} {c.Loop.Format(Lang.AB)} {c.InTail.Format(Lang.AB)} {c.OutTail.Format(Lang.AB)}";

    [Test]
    public void A_tiny_budget_stops_both_searches_and_the_row_reports_both_bounds()
    {
        var v = Decide(1);
        Assert.That(v.Answer, Is.EqualTo(Answer.Unknown));
        Assert.That(v.Bound!.StoppedBy!.Budget, Is.EqualTo("max-search-work"));
        Assert.That(v.Bound.StoppedBy.Limit, Is.EqualTo(1));
        var lasso = v.Evidence.OfType<RefutationBound>().Single();
        Assert.That(lasso.Searched, Does.Contain("stopped after 0 (p, v) candidates by the budget max-search-work = 1"));
    }

    [Test]
    public void The_lasso_search_gets_only_what_the_type_search_leaves_of_the_one_budget()
    {
        long alone = LassoAlone();
        Assert.That(alone, Is.GreaterThan(1));
        // With exactly the lasso search's own need, the type search's steps in between leave it short.
        var shared = Decide(alone);
        Assert.That(shared.Answer, Is.EqualTo(Answer.Unknown));
        Assert.That(shared.Evidence.OfType<RefutationBound>().Single().Searched, Does.Contain("max-search-work"));
        // With room for both, the certificate is found: the same no as the searches one after the other.
        var roomy = Decide(Budgets.DefaultMaxSearchWork);
        Assert.That(roomy.Answer, Is.EqualTo(Answer.No));
        Assert.That(roomy.Certificate, Is.InstanceOf<LassoCertificate>());
        var sequential = new VerdictEngine(VerdictOptions.Default with { Smallest = VerdictOptions.Default.Smallest with { MaxSize = 0 } },
            [new SynthesisStage(), new TypeSearchStage(), new AllDepthRefutationStage()]).Decide(EndsWithA, Architecture.Hybrid(2));
        Assert.That(sequential.Answer, Is.EqualTo(Answer.No));
        Assert.That(Text((LassoCertificate)roomy.Certificate!), Is.EqualTo(Text((LassoCertificate)sequential.Certificate!)));
    }
}
