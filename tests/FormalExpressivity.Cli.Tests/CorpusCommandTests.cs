using System.Text.Json;
using FormalExpressivity.Cli;
using NUnit.Framework;

namespace FormalExpressivity.Cli.Tests;

public class CorpusCommandTests
{
    private static readonly string Data = Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "data", "corpora");

    private static (int Code, string Out, string Err) Run(params string[] args) => FexInProcess.Run(args);

    private static string TempFolder()
    {
        var p = Path.Combine(Path.GetTempPath(), "fex-cli-corpus-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(p);
        return p;
    }

    [Test]
    public void Corpus_writes_the_file_and_manifest_and_is_reproducible()
    {
        var dir = TempFolder();
        try
        {
            var lang = Path.Combine(Data, "dyck-1-2.json");
            var a = Run("corpus", lang, "--lengths", "6-12", "--per-length", "20", "--strategy", "one-symbol-edit-even", "--seed", "9", "--format", "csv", "-o", Path.Combine(dir, "a"));
            Assert.That(a.Code, Is.EqualTo(0), a.Err);
            Assert.That(a.Out, Does.Contain("wrote 72 strings (32 positive, 40 negative)"));
            Assert.That(a.Out, Does.Contain("seed      9"));
            var b = Run("corpus", lang, "--lengths", "6-12", "--per-length", "20", "--strategy", "one-symbol-edit-even", "--seed", "9", "--format", "csv", "-o", Path.Combine(dir, "b"), "--json");
            Assert.That(b.Code, Is.EqualTo(0), b.Err);
            using var doc = JsonDocument.Parse(b.Out);
            Assert.That(doc.RootElement.GetProperty("strings").GetInt32(), Is.EqualTo(72));
            Assert.That(doc.RootElement.GetProperty("format").GetString(), Is.EqualTo("csv"));
            Assert.That(File.ReadAllBytes(Path.Combine(dir, "a", "data", "test.csv")), Is.EqualTo(File.ReadAllBytes(Path.Combine(dir, "b", "data", "test.csv"))));
            Assert.That(File.Exists(Path.Combine(dir, "a", "manifest.json")), Is.True);
            Assert.That(File.ReadAllLines(Path.Combine(dir, "a", "data", "test.csv"))[0], Is.EqualTo("id,string,length,label"));
            var withExtension = Run("corpus", lang, "-o", Path.Combine(dir, "c.jsonl"));
            Assert.That(withExtension.Code, Is.EqualTo(2));
            Assert.That(withExtension.Err, Does.Contain("-o names the dataset folder"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Test]
    public void Eval_scores_predictions_and_draws_the_plot()
    {
        var dir = TempFolder();
        try
        {
            var lang = Path.Combine(Data, "parity.json");
            var dataset = Path.Combine(dir, "c");
            Assert.That(Run("corpus", lang, "--splits", "train=1-3,test=1-6", "--per-length", "8", "-o", dataset).Code, Is.EqualTo(0));
            var corpus = Path.Combine(dataset, "data", "test.jsonl");
            // A "model" that is right except on every string of length 4.
            var lines = File.ReadAllLines(corpus).Select(l =>
            {
                using var d = JsonDocument.Parse(l);
                var s = d.RootElement.GetProperty("string").GetString()!;
                bool label = d.RootElement.GetProperty("label").GetBoolean();
                return JsonSerializer.Serialize(new { @string = s, predicted = s.Length == 4 ? !label : label });
            });
            var preds = Path.Combine(dir, "p.jsonl");
            File.WriteAllLines(preds, lines);
            var png = Path.Combine(dir, "acc.png");
            var r = Run("eval", "--corpus", dataset, "--predictions", preds, "--predictions", preds, "--plot", png, "--json", "--global-depth", "1");
            Assert.That(r.Code, Is.EqualTo(0), r.Err);
            using var doc = JsonDocument.Parse(r.Out);
            var models = doc.RootElement.GetProperty("models");
            Assert.That(models.GetArrayLength(), Is.EqualTo(2), "two prediction files, one report each");
            var m = models[0];
            Assert.That(m.GetProperty("nStar").GetInt32(), Is.EqualTo(3));
            Assert.That(m.GetProperty("failureCount").GetInt32(), Is.EqualTo(8));
            Assert.That(File.Exists(png), Is.True);
            // Failures are explained only by same-type, opposite-truth strings that were predicted alike.
            var analysis = m.GetProperty("analyses")[0];
            Assert.That(analysis.GetProperty("architecture").GetString(), Is.EqualTo("global"));
            Assert.That(m.GetProperty("analyses").EnumerateArray().Select(a => a.GetProperty("architecture").GetString()),
                Is.EqualTo(new[] { "global", "global-nonstrict", "local:1", "local:2", "hybrid:1", "hybrid:2" }), "every architecture with types, by default");
            var chosen = Run("eval", "--corpus", dataset, "--predictions", preds, "--architectures", "local:2,hybrid:1", "--depth", "2");
            Assert.That(chosen.Code, Is.EqualTo(0), chosen.Err);
            Assert.That(chosen.Out, Does.Contain("failure analysis, local:2 (depth-2 types): "));
            Assert.That(chosen.Out, Does.Contain("failure analysis, hybrid:1 (depth-2 types): "));
            Assert.That(chosen.Out, Does.Not.Contain("failure analysis, global"));
            var skipped = Run("eval", "--corpus", dataset, "--predictions", preds, "--architectures", "hybrid:2", "--max-type-states", "3");
            Assert.That(skipped.Code, Is.EqualTo(0), skipped.Err);
            Assert.That(skipped.Out, Does.Contain("failure analysis, hybrid:2 (depth-3 types): skipped: ").And.Contain("max-type-states"));
            var bad = Run("eval", "--corpus", dataset, "--predictions", preds, "--architectures", "uha");
            Assert.That((bad.Code, bad.Err), Is.EqualTo((2, "fex eval: --architectures: 'uha' is not an architecture with depth-r types (global, global-nonstrict, local:K, hybrid:K, Ywin:K, PYwin:K; or none)\n")));
            foreach (var pair in analysis.GetProperty("pairs").EnumerateArray())
            {
                Assert.That(pair.GetProperty("failure").GetProperty("predicted").GetBoolean(), Is.EqualTo(pair.GetProperty("partner").GetProperty("predicted").GetBoolean()));
                Assert.That(pair.GetProperty("failure").GetProperty("truth").GetBoolean(), Is.Not.EqualTo(pair.GetProperty("partner").GetProperty("truth").GetBoolean()));
            }
            var text = Run("eval", "--corpus", corpus, "--predictions", preds, lang, "--show", "2");
            Assert.That(text.Code, Is.EqualTo(0), text.Err);
            Assert.That(text.Out, Does.Contain("N* = 3"));
            Assert.That(text.Out, Does.Contain("failing strings (2 of 8)"));
            Assert.That(text.Out.Split('\n').Count(l => l.StartsWith("  line ", StringComparison.Ordinal)), Is.EqualTo(2), "--show bounds the list");
            Assert.That(text.Out, Does.Contain("     4      8        0    0.00 %"));
            var wrong = Run("eval", "re:(a|b)*", "--corpus", corpus, "--predictions", preds);
            Assert.That(wrong.Code, Is.EqualTo(3), "a language other than the manifest's");
            Assert.That(wrong.Err, Does.Contain("is not the corpus's language"));
            var tampered = Path.Combine(dir, "tampered.jsonl");
            File.WriteAllLines(tampered, File.ReadAllLines(corpus).Select(l => l.Replace("\"label\":true", "\"label\":false")));
            var mislabelled = Run("eval", lang, "--corpus", tampered, "--predictions", preds);
            Assert.That(mislabelled.Code, Is.EqualTo(1), mislabelled.Err);
            Assert.That(mislabelled.Out, Does.Contain("corpus labels disagree with the language"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Test]
    public void Bad_input_gives_exit_3_and_bad_option_values_exit_2()
    {
        var dir = TempFolder();
        try
        {
            var lang = Path.Combine(Data, "parity.json");
            var bad = Path.Combine(dir, "bad.json");
            File.WriteAllText(bad, "{\n  \"alphabet\": [\"a\", \"b\"],\n  \"accepting\": [0,\n}");
            var r = Run("corpus", bad, "-o", Path.Combine(dir, "x"));
            Assert.That(r.Code, Is.EqualTo(3));
            Assert.That(r.Err, Does.Contain("malformed JSON"));
            Assert.That(r.Err, Does.Contain("4:"));
            Assert.That(Run("corpus", lang, "--strategy", "bogus", "-o", Path.Combine(dir, "x")).Code, Is.EqualTo(3));
            Assert.That(Run("corpus", lang, "--lengths", "9-3", "-o", Path.Combine(dir, "x")).Code, Is.EqualTo(2));
            Assert.That(Run("corpus", lang, "--splits", "train=1-3,train=4-5", "-o", Path.Combine(dir, "x")).Code, Is.EqualTo(2));
            Assert.That(Run("corpus", lang, "--labels", "membership,bogus", "-o", Path.Combine(dir, "x")).Code, Is.EqualTo(2));
            Assert.That(Run("corpus", lang, "--alphabet", "a", "-o", Path.Combine(dir, "x")).Err, Does.Contain("which --alphabet {a} lacks"));
            Assert.That(Run("corpus", lang, "--lengths", "1-3", "-o", Path.Combine(dir, "no", "x")).Code, Is.EqualTo(3));
            Assert.That(Directory.GetFiles(dir).Select(Path.GetFileName), Is.EqualTo(new[] { "bad.json" }), "nothing written on failure");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
