using FormalExpressivity.Core.IO;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Temporal;
using FormalExpressivity.Testing;
using FormalExpressivity.Transformers.Compilation;
using FormalExpressivity.Transformers.Model;
using FormalExpressivity.Transformers.Reference;
using Snapshooter.NUnit;

namespace FormalExpressivity.Transformers.Tests;

public class ModelFormatTests
{
    private const string L2Text = """
        transformer
        alphabet a b
        # Y[<=2] a : one local:2 head
        layer {
          head f0 = local:2 strict select a value a
        }
        output f0
        """;

    [Test]
    public void Text_model_parses_and_recognizes_L2()
    {
        var model = TransformerText.Parse(L2Text).GetValueOrThrow();
        Assert.That(model.Layers.Single().Heads.Single(), Is.EqualTo(new AttentionHead("f0", HeadKind.Local, 2, Masking.Strict, "a", "a")));
        Assert.That(ReferenceEvaluator.Accepts(model, [0, 1]), Is.True);
        Assert.That(ReferenceEvaluator.Accepts(model, [0, 1, 1]), Is.False);
    }

    [Test]
    public void Printed_compiled_models_parse_back_equal_in_text_and_json()
    {
        const int seed = 99;
        var random = new Random(seed);
        var formulas = TheoryFormulas.All().Concat(TheoryFormulas.WithSince()).Select(x => x.Formula).ToList();
        for (int i = 0; i < 40; i++) formulas.Add(RandomLtl.Create(random, 1 + random.Next(8), ["a", "b"], TemporalOperators.AnyPast));
        foreach (var f in formulas)
        {
            foreach (var masking in new[] { Masking.Strict, Masking.NonStrict })
            {
                var model = LtlToTransformer.Compile(f, TheoryFormulas.Ab, masking).Model!;
                var text = TransformerText.Parse(model.ToText());
                Assert.That(text.Success, Is.True, $"seed {seed}: {f}: {string.Join("; ", text.Diagnostics)}\n{model.ToText()}");
                Assert.That(text.Value.ToText(), Is.EqualTo(model.ToText()));
                Assert.That(text.Value.Layers, Is.EqualTo(model.Layers));
                var json = TransformerJson.Parse(TransformerJson.Serialize(model));
                Assert.That(json.Success, Is.True, string.Join("; ", json.Diagnostics));
                Assert.That(json.Value.ToText(), Is.EqualTo(model.ToText()));
            }
        }
    }

    [Test]
    public void Compiled_model_text_for_subsequence_matches_snapshot()
    {
        var f = Ltl.Past(Ltl.And(Ltl.Atom("b"), Ltl.Past(Ltl.Atom("a"))));
        var model = LtlToTransformer.Compile(f, TheoryFormulas.Ab).Model!;
        Snapshot.Match(model.ToText() + "\n" + TransformerJson.Serialize(model));
    }

    private static string Render(string text) =>
        string.Join("\n", TransformerText.Parse(text).Diagnostics.Select(d => d.ToString()));

    [TestCase("transformer\nalphabet a b\nlayer {\n  head h = global strict select zz value a\n}\noutput h\n", "4:3: error TRF002: feature 'zz' is read before it is defined")]
    [TestCase("transformer\nalphabet a b\nlayer {\n  head h = local:0 strict select a value a\n}\noutput h\n", "4:18: error TRF003: '0' is not a number between 1 and 1073741795 (a window of k positions keeps 2k bits in every state of the model's DFA, one array of at most 2147483591 elements; --max-memory bounds what smaller windows cost)")]
    [TestCase("transformer\nalphabet a b\nlayer {\n  head h = local:2 strict select a value a atleast 3\n}\noutput h\n", "4:3: error TRF002: threshold 3 exceeds the window 2")]
    [TestCase("transformer\nalphabet a b\nlayer {\n  gate a = not b\n}\noutput a\n", "4:3: error TRF002: feature 'a' is defined twice (or is an input feature)")]
    [TestCase("transformer\nalphabet a a\noutput a\n", "2:12: error TRF002: the symbol 'a' is declared twice")]
    [TestCase("transformer\nalphabet a b\nlayer {\n  head h = global sideways select a value a\n}\noutput h\n", "4:19: error TRF001: mismatched input 'sideways' expecting {'strict', 'nonstrict'}")]
    [TestCase("transformer\nalphabet a b\noutput q\n", "3:1: error TRF002: feature 'q' is read before it is defined")]
    [TestCase("transformer\nalphabet a $\noutput a\n", "2:12: error TRF001: unexpected character '$'")]
    [TestCase("transformer\nalphabet a\nlayer {\n", "4:1: error TRF001: mismatched input '<EOF>' expecting {'}', 'head', 'gate'}")]
    // As in every grammar (Syntax/Antlr/SyntaxErrorCollector): only the first parser error, none after a lexer error.
    [TestCase("alphabet a\n}}}\n", "1:1: error TRF001: missing 'transformer' at 'alphabet'")]
    [TestCase("transformer\nalphabet a $\n", "2:12: error TRF001: unexpected character '$'")]
    public void Bad_models_give_positioned_diagnostics(string text, string expected)
    {
        Assert.That(Render(text), Is.EqualTo(expected));
    }

    [Test]
    public void Bad_json_gives_diagnostics_not_exceptions()
    {
        Assert.That(TransformerJson.Parse("{ \"format\": ").Diagnostics.Single().Code, Is.EqualTo(TransformerJson.JsonError));
        Assert.That(TransformerJson.Parse("[]").Success, Is.False);
        Assert.That(TransformerJson.Parse("{\"format\":\"fex-transformer/1\",\"alphabet\":[\"a\"],\"layers\":[{\"heads\":[{\"output\":\"h\",\"kind\":\"sideways\",\"window\":0,\"masking\":\"strict\",\"select\":\"a\",\"value\":\"a\",\"threshold\":1}],\"gates\":[]}],\"output\":\"h\"}").Diagnostics.Single().Message,
            Does.Contain("unknown kind 'sideways'"));
        Assert.That(TransformerJson.Parse("{\"format\":\"fex-transformer/1\",\"alphabet\":[\"a\"],\"layers\":[],\"output\":\"zz\"}").Diagnostics.Single().Message,
            Does.Contain("'zz' is read before"));
    }

    /// <summary>TRJ001 about the content points at the offending value (it was always 1:1), in reading order whatever the property order.</summary>
    [Test]
    public void Json_content_diagnostics_are_positioned_at_the_offending_value()
    {
        const string model = "{\"format\":\"fex-transformer/1\",\n \"alphabet\":[\"a\",\"b\"],\n \"prelude\":[{\"output\":\"g\",\"op\":\"not\",\"inputs\":[\"a\"]}],\n \"layers\":[\n  {\"gates\":[{\"output\":\"z\",\"op\":\"not\",\"inputs\":[\"f0\"]}],\n   \"heads\":[{\"output\":\"f0\",\"kind\":\"local\",\"window\":WINDOW,\"masking\":\"strict\",\"select\":\"a\",\"value\":\"VALUE\",\"threshold\":1}]}],\n \"output\":\"OUTPUT\"}";
        static Diagnostic One(string json) => TransformerJson.Parse(json).Diagnostics.Single();
        string Model(string window = "2", string value = "g", string output = "z") => model.Replace("WINDOW", window).Replace("VALUE", value).Replace("OUTPUT", output);
        Assert.That(TransformerJson.Parse(Model()).Success, Is.True, string.Join("\n", TransformerJson.Parse(Model()).Diagnostics));
        var window = One(Model(window: "2147483647"));
        Assert.That(window.Message, Does.Contain("window 2147483647 exceeds the limit").And.Contain("--max-memory"));
        Assert.That((window.Span.Line, window.Span.Column), Is.EqualTo((6, 13)), "the head (heads come before gates in reading order, after them in the text)");
        var read = One(Model(value: "q"));
        Assert.That(read.Message, Does.Contain("'q' is read before"));
        Assert.That(read.Span.Line, Is.EqualTo(6));
        var output = One(Model(output: "nope"));
        Assert.That((output.Span.Line, output.Span.Column), Is.EqualTo((7, 11)), "the output value");
        var format = One(Model().Replace("fex-transformer/1", "other/9"));
        Assert.That((format.Span.Line, format.Span.Column), Is.EqualTo((1, 11)), "the format value");
        Assert.That(DiagnosticFormatter.Render(window, Model(window: "2147483647")), Does.Contain("6:13").And.Contain("\"heads\""));
    }

    [Test]
    public void Oversized_input_hits_the_input_limit_in_force_and_names_its_flag()
    {
        using (InputFile.Use(new InputFile(1000)))
        {
            var d = TransformerText.Parse(new string(' ', 1001)).Diagnostics.Single();
            Assert.That(d.Code, Is.EqualTo(TransformerText.LimitError));
            Assert.That(DiagnosticFormatter.Render(d, "x"), Does.Contain("--max-input-bytes 1000 allows; try --max-input-bytes"));
            var j = TransformerJson.Parse(new string(' ', 1001)).Diagnostics.Single();
            Assert.That(j.Message, Does.Contain("--max-input-bytes"));
            Assert.That(TransformerText.Parse(new string(' ', 1000)).Diagnostics.Single().Code, Is.Not.EqualTo(TransformerText.LimitError), "at the limit the text is parsed");
        }
    }

    /// <summary>The definitions of a model are bounded by the memory budget (4 KiB each), in the text and the JSON format, prelude included.</summary>
    [Test]
    public void Many_definitions_hit_the_memory_budget_and_name_its_flag()
    {
        var text = new System.Text.StringBuilder("transformer\nalphabet a b\nprelude {\n");
        for (int i = 0; i < 3000; i++) text.Append($"  gate g{i} = not a\n");
        text.Append("}\noutput g0\n");
        var json = TransformerJson.Serialize(TransformerText.Parse(text.ToString()).Value);
        using (MemoryBudget.Use(new MemoryBudget(8L << 20)))
        {
            // 3000 × 4 KiB = 12 MB > 8 MB, whatever the heap holds.
            var d = TransformerText.Parse(text.ToString()).Diagnostics.Single();
            Assert.That(d.Code, Is.EqualTo(TransformerText.LimitError));
            Assert.That(d.Message, Does.Contain("3000 heads and gates").And.Contain("--max-memory"));
            Assert.That(TransformerJson.Parse(json).Diagnostics.Single().Message, Does.Contain("--max-memory"));
        }
        Assert.That(TransformerText.Parse(text.ToString()).Success, Is.True, "the default budget admits it");
    }

    /// <summary>Many one-definition layers: the check that heads read only earlier layers is linear (it copied the defined names per layer).</summary>
    [Test]
    public void Many_layers_are_checked_in_linear_time()
    {
        var text = new System.Text.StringBuilder("transformer\nalphabet a b\n");
        string previous = "a";
        for (int i = 0; i < 20_000; i++)
        {
            text.Append($"layer {{\n  head h{i} = local:1 strict select true value {previous}\n}}\n");
            previous = "h" + i;
        }
        text.Append($"output {previous}\n");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var parsed = TransformerText.Parse(text.ToString());
        Assert.That(parsed.Success, Is.True, string.Join("\n", parsed.Diagnostics));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
        var sameLayer = TransformerText.Parse("transformer\nalphabet a b\nlayer {\n  head h = local:1 strict select a value a\n  head k = local:1 strict select h value a\n}\noutput k\n");
        Assert.That(sameLayer.Diagnostics.Single().Message, Does.Contain("'h' is read before it is defined"), "a head reads only earlier layers");
    }
}
