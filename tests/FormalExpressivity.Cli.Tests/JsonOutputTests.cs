using System.Text.Json.Nodes;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Cli.Tests;

/// <summary>Every <c>--json</c> output is written by the one writer (<see cref="JsonOutput"/>): re-writing the parsed output gives the same bytes.</summary>
public sealed class JsonOutputTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => FexInProcess.Run(args);

    [TestCase("about", "--json")]
    [TestCase("equiv", "re:(ab)*", "ltl:P a", "--json")]
    [TestCase("include", "re:ab", "re:Σ*b", "--alphabet", "a,b", "--json")]
    [TestCase("classify", "re:Σ*ab", "--alphabet", "a,b", "--window-sizes", "1", "--max-depth", "1", "--json")]
    [TestCase("simulate", "ltl:Y a", "--alphabet", "a,b", "--lengths", "0-3", "--per-length", "2", "--json")]
    public void Json_output_is_in_the_canonical_form_of_the_one_writer(params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.That(code, Is.AnyOf(0, 1), error);
        Assert.That(output, Is.EqualTo(JsonOutput.Write(JsonNode.Parse(output))), "indented by two spaces, LF, trailing newline, UTF-8 text unescaped");
        Assert.That(output, Does.Not.Contain("\\u"), "no escaped non-ASCII text");
    }

    [Test]
    public void Files_written_with_json_and_the_corpus_manifest_use_the_one_writer()
    {
        var dir = Directory.CreateTempSubdirectory("fex-json-");
        try
        {
            var dataset = Path.Combine(dir.FullName, "ds");
            var (code, output, error) = Run("corpus", "re:Σ*ab", "--alphabet", "a,b", "--lengths", "1-3", "--per-length", "2", "-o", dataset, "--json");
            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(output, Is.EqualTo(JsonOutput.Write(JsonNode.Parse(output))));
            foreach (var file in new[] { "manifest.json", "vocab.json" })
            {
                var text = File.ReadAllText(Path.Combine(dataset, file));
                Assert.That(text, Is.EqualTo(JsonOutput.Write(JsonNode.Parse(text))), file);
            }
            var min = Path.Combine(dir.FullName, "m.att");
            (code, output, error) = Run("compile", "re:Σ*ab", "--alphabet", "a,b", "-o", min, "--json");
            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(output, Is.EqualTo(JsonOutput.Write(JsonNode.Parse(output))));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
