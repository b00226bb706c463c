using System.Text.RegularExpressions;
using FormalExpressivity.Classes;
using NUnit.Framework;

namespace FormalExpressivity.Cli.Tests.Check;

/// <summary>docs/hierarchy.dot draws exactly the inclusions of <see cref="ClassHierarchy"/> (PT drawn as J), and the SVG is committed.</summary>
public class HierarchyDocTests
{
    private static string Docs
    {
        get
        {
            var dir = new DirectoryInfo(FormalExpressivity.Testing.RepositoryRoot.Path);
            return Path.Combine(dir!.FullName, "docs");
        }
    }

    private static List<(LanguageClass Sub, LanguageClass Super)> Edges() =>
        Regex.Matches(File.ReadAllText(Path.Combine(Docs, "hierarchy.dot")), @"\b([A-Z]+)\s*->\s*([A-Z]+)\b")
            .Select(m => (Enum.Parse<LanguageClass>(m.Groups[1].Value), Enum.Parse<LanguageClass>(m.Groups[2].Value))).ToList();

    [Test]
    public void Every_drawn_edge_is_an_inclusion()
    {
        foreach (var (sub, super) in Edges())
            Assert.That(ClassHierarchy.IsIncluded(sub, super) && sub != super, Is.True, $"{sub} -> {super}");
    }

    [Test]
    public void Every_direct_inclusion_is_drawn()
    {
        static LanguageClass Drawn(LanguageClass c) => c == LanguageClass.PT ? LanguageClass.J : c;
        var edges = Edges().ToHashSet();
        foreach (var (sub, super) in ClassHierarchy.Inclusions.Select(e => (Drawn(e.Sub), Drawn(e.Super))).Where(e => e.Item1 != e.Item2))
            Assert.That(edges, Does.Contain((sub, super)), $"{sub} ⊆ {super}");
    }

    [Test]
    public void The_rendered_svg_is_committed()
    {
        var svg = Path.Combine(Docs, "hierarchy.svg");
        Assert.That(File.Exists(svg), Is.True);
        Assert.That(File.ReadAllText(svg), Does.Contain("<svg").And.Contain("locally R").And.Contain("hybrid(1)"));
    }
}
