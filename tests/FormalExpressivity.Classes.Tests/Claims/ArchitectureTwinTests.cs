using FormalExpressivity.Classes.Claims;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Claims;
using NUnit.Framework;
using Arch = FormalExpressivity.Classes.Architectures;

namespace FormalExpressivity.Classes.Tests.Claims;

/// <summary>
/// The claims checker's exact architecture criteria (<see cref="StructuralArchitectureOracle"/>) against the
/// classifier's architecture decider, on every language with at most 3 minimal states over {a, b}.
/// </summary>
public class ArchitectureTwinTests
{
    [Test]
    public void Exact_architecture_verdicts_agree_with_the_classifier()
    {
        var oracle = new StructuralArchitectureOracle();
        var pairs = new (Architecture Mine, Arch.Architecture Theirs)[]
        {
            (new Architecture(ArchitectureKind.Global, 0), new Arch.Architecture(Arch.ArchitectureKind.Global)),
            (Architecture.Local(1), new Arch.Architecture(Arch.ArchitectureKind.Local, 1)),
            (Architecture.Hybrid(1), new Arch.Architecture(Arch.ArchitectureKind.Hybrid, 1)),
            (new Architecture(ArchitectureKind.Uha, 0), new Arch.Architecture(Arch.ArchitectureKind.Uha)),
        };
        foreach (var d in MinimalDfaEnumeration.Enumerate(Alphabet.Of("a", "b"), 3))
        {
            var facts = new Arch.LanguageFacts(d);
            foreach (var (mine, theirs) in pairs)
            {
                var a = oracle.Decide(d, mine).Verdict;
                var b = Arch.ArchitectureDecider.Decide(facts, theirs).Verdict;
                Assert.That(a.ToString(), Is.EqualTo(b.ToString()), $"{mine} on\n{DfaTable.Format(d)}");
                Assert.That(mine.Key, Is.EqualTo(theirs.Key));
            }
        }
    }
}
