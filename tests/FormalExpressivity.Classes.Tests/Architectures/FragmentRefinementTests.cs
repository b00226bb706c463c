using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Certificates;
using FormalExpressivity.Classes.Synthesis;
using FormalExpressivity.Classes.Types;
using FormalExpressivity.Classes.Verdicts;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Tests.Architectures;

/// <summary>
/// <see cref="TypeFragment.Refines"/> (equal finer types imply equal coarser types at every depth), checked against
/// the independent <see cref="TypeChecker"/> on every word pair up to length 6, and the least-depth stage's use of
/// it: a settled row whose fragment refines one whose search ran out of budget is not searched again.
/// </summary>
public class FragmentRefinementTests
{
    static readonly TypeFragment[] Fragments =
    [
        TypeFragment.PastOnly, TypeFragment.PastNonStrict,
        TypeFragment.WindowLogic(1), TypeFragment.WindowLogic(2), TypeFragment.WindowLogic(3),
        TypeFragment.PastWindowLogic(1), TypeFragment.PastWindowLogic(2), TypeFragment.PastWindowLogic(3),
        TypeFragment.Local(1), TypeFragment.Local(2), TypeFragment.Local(3),
        TypeFragment.Hybrid(1), TypeFragment.Hybrid(2), TypeFragment.Hybrid(3),
    ];

    [Test]
    public void Equal_finer_types_are_equal_coarser_types_by_the_type_checker()
    {
        var words = FormalExpressivity.Testing.RandomDfa.AllWords(Languages.AB, 6).ToList();
        int pairs = 0;
        foreach (var finer in Fragments)
            foreach (var coarser in Fragments)
            {
                if (finer == coarser || !finer.Refines(coarser)) continue;
                for (int depth = 1; depth <= 3; depth++)
                {
                    var automaton = new TypeAutomaton(new TypeTable(finer, 2, 1_000_000), depth);
                    foreach (var group in words.GroupBy(automaton.TypeOf))
                    {
                        var first = group.First();
                        foreach (var w in group.Skip(1))
                        {
                            pairs++;
                            Assert.That(TypeChecker.Agree(coarser, 2, first, w, depth), Is.True,
                                $"{finer.Name} refines {coarser.Name}, yet {first.Format(Languages.AB)} and {w.Format(Languages.AB)} differ at depth {depth}");
                        }
                    }
                }
            }
        Assert.That(pairs, Is.GreaterThan(3_000));
    }

    [Test]
    public void The_relation_is_the_documented_one()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TypeFragment.Hybrid(2).Refines(TypeFragment.PastOnly), Is.True);
            Assert.That(TypeFragment.Hybrid(2).Refines(TypeFragment.PastWindowLogic(2)), Is.True);
            Assert.That(TypeFragment.Hybrid(2).Refines(TypeFragment.Local(2)), Is.True);
            Assert.That(TypeFragment.PastWindowLogic(2).Refines(TypeFragment.Hybrid(2)), Is.False, "a set window does not give the multiset");
            Assert.That(TypeFragment.Hybrid(2).Refines(TypeFragment.Hybrid(1)), Is.False, "windows of other sizes are not compared");
            Assert.That(TypeFragment.Hybrid(1).Refines(TypeFragment.PastNonStrict), Is.False, "non-strict P sees the position itself");
            Assert.That(TypeFragment.Local(1).Refines(TypeFragment.PastOnly), Is.False);
        });
    }

    [Test]
    public void A_row_whose_fragment_refines_a_search_stopped_by_max_types_is_not_searched_and_no_answer_changes()
    {
        // At least 6 a's: R-trivial (global = hybrid(k) = yes by the exact criteria), with a deep synthesized formula.
        var dfa = FormalExpressivity.Automata.Operations.Minimization.Minimize(RegexCompiler.ToDfa(
            Syntax.Regex.RegexParser.Parse("(b*a){6}Σ*", Languages.AB).Value!));
        var rows = new[] { Architecture.Global, Architecture.Hybrid(1), Architecture.PastWindowLogic(2), Architecture.Hybrid(2) };
        var tight = new VerdictEngine(VerdictOptions.Default with { Search = new TypeSearchOptions(3, 150, 20_000) });
        var loose = new VerdictEngine(VerdictOptions.Default with { Search = new TypeSearchOptions(3, 3_000, 20_000) });
        var small = tight.Decide(dfa, rows);
        var large = loose.Decide(dfa, rows);
        var globalLeast = small[Architecture.Global].Least!;
        Assert.That(globalLeast.Proved, Is.False);
        Assert.That(globalLeast.NotProvedBecause!.Budget, Is.EqualTo("max-types"));
        Assert.That(globalLeast.NotProvedBecause.What, Does.Not.Contain("not searched"));
        foreach (var a in rows)
        {
            Assert.That(small[a].Answer, Is.EqualTo(large[a].Answer), a.Key);
            Assert.That(small[a].Answer, Is.EqualTo(Answer.Yes), a.Key);
            if (a == Architecture.Global) continue;
            var least = small[a].Least!;
            Assert.That((least.Proved, least.NotProvedBecause?.Budget), Is.EqualTo((false, (string?)"max-types")), a.Key);
            Assert.That(least.NotProvedBecause!.What, Does.Contain("coarser LTL[P] types").And.Contain("not searched"), a.Key);
        }
    }
}
