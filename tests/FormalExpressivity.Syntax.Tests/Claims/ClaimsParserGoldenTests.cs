using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Claims;
using NUnit.Framework;
using Snapshooter;
using Snapshooter.NUnit;

namespace FormalExpressivity.Syntax.Tests.Claims;

/// <summary>Golden diagnostics (code, line, column, caret) for the bad claims files in tests/data/claims/bad.</summary>
public class ClaimsParserGoldenTests
{
    private static readonly string BadFolder = TestData.Path_("tests", "data", "claims", "bad");

    /// <summary>The parse-stage bad files (the bind-stage ones, 5x, are checked through fex check).</summary>
    public static IEnumerable<string> BadFiles() =>
        Directory.GetFiles(BadFolder, "*.claims").Select(Path.GetFileNameWithoutExtension).Where(n => n![0] != '5').Order(StringComparer.Ordinal)!;

    [Test]
    public void There_are_at_least_fifteen_bad_files() => Assert.That(BadFiles().Count(), Is.GreaterThanOrEqualTo(15));

    [TestCaseSource(nameof(BadFiles))]
    public void Bad_file_gives_positioned_diagnostics(string name)
    {
        var text = File.ReadAllText(Path.Combine(BadFolder, name + ".claims"));
        var result = ClaimsParser.Parse(text);
        Assert.That(result.Success, Is.False, "the file must be rejected");
        foreach (var d in result.Diagnostics)
        {
            Assert.That(d.Code, Does.StartWith("CLM"));
            Assert.That(d.Span.Offset + d.Span.Length, Is.LessThanOrEqualTo(text.Length));
            Assert.That(d.Span, Is.EqualTo(SourceSpan.FromOffset(text, d.Span.Offset, d.Span.Length)), "line and column agree with the offset");
        }
        Snapshot.Match(DiagnosticFormatter.RenderAll(result.Diagnostics, text, name + ".claims"), SnapshotNameExtension.Create(name));
    }
}
