using FormalExpressivity.Cli;

namespace FormalExpressivity.Cli.Tests;

/// <summary>SVG output through Graphviz (installed by .ci/run as the Debian package graphviz).</summary>
public class SvgOutputTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => FexInProcess.Run(args);

    [Test]
    public void Compile_and_classify_write_svg_pictures_of_the_minimal_dfa()
    {
        Assert.That(FormalExpressivity.Cli.Infrastructure.Graphviz.IsAvailable, Is.True, "Graphviz 'dot' must be on the PATH (apt-get install graphviz)");
        var dir = Directory.CreateTempSubdirectory("fex-svg-").FullName;
        try
        {
            var compiled = Path.Combine(dir, "ab.svg");
            var (code, _, err) = Run("compile", "re:(ab)*", "-o", compiled);
            Assert.That(code, Is.EqualTo(0), err);
            var svg = File.ReadAllText(compiled);
            Assert.That(svg, Does.StartWith("<?xml"));
            Assert.That(svg, Does.Contain("<svg"));
            Assert.That(svg.Split("class=\"node\"").Length - 1, Is.EqualTo(4), "three states and the start arrow's point");

            var classified = Path.Combine(dir, "classify.svg");
            var result = Run("classify", "ltl:Y a", "--alphabet", "a,b", "--window-sizes", "1", "--max-depth", "1", "--svg", classified);
            Assert.That(result.Code, Is.EqualTo(0), result.Err);
            Assert.That(File.ReadAllText(classified), Does.Contain("<svg"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
