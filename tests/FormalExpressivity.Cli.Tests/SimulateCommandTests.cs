using System.Text.Json;
using NUnit.Framework;

namespace FormalExpressivity.Cli.Tests;

public class SimulateCommandTests
{
    private static (int Code, string Out, string Err) Fex(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = FexApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private static string ModelFile(string name)
    {
        var dir = new DirectoryInfo(FormalExpressivity.Testing.RepositoryRoot.Path);
        return Path.Combine(dir!.FullName, "tests", "data", "models", name);
    }

    [Test]
    public void Model_compiled_for_window_2_agrees_with_L2()
    {
        var (code, output, _) = Fex("simulate", "ltl:Y[<=2] a", "--alphabet", "a,b", "--lengths", "0-12", "--per-length", "64", "--json");
        Assert.That(code, Is.EqualTo(0), output);
        using var doc = JsonDocument.Parse(output);
        Assert.That(doc.RootElement.GetProperty("agree").GetBoolean(), Is.True);
        Assert.That(doc.RootElement.GetProperty("heads").GetProperty("local").GetInt32(), Is.EqualTo(1));
        Assert.That(doc.RootElement.GetProperty("heads").GetProperty("global").GetInt32(), Is.EqualTo(0));
        Assert.That(doc.RootElement.GetProperty("words").GetInt32(), Is.EqualTo(13 * 64));
    }

    [Test]
    public void Global_only_model_for_a_sigma_star_agrees_symbolically_and_numerically()
    {
        foreach (var extra in new[] { Array.Empty<string>(), ["--numeric", "fp32"], ["--numeric", "bf16"] })
        {
            var (code, output, err) = Fex(["simulate", ModelFile("first_a.model"), "--language", "ltl:P(a & !P true)", "--lengths", "0-10", "--per-length", "30", .. extra]);
            Assert.That(code, Is.EqualTo(0), output + err);
            Assert.That(output, Does.Contain("heads: 2 global, 0 local, 0 uha"));
            Assert.That(output, Does.Contain("agree: all 330 words"));
        }
    }

    [Test]
    public void Disagreement_exits_1_and_lists_the_first_words()
    {
        var (code, output, _) = Fex("simulate", ModelFile("window_a_2.model"), "--language", "ltl:Y a", "--lengths", "0-4", "--per-length", "5");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("DISAGREE"));
        Assert.That(output, Does.Contain("model accepts, language rejects"));
    }

    [Test]
    public void Corpus_file_is_read_line_by_line()
    {
        var path = Path.GetTempFileName();
        File.WriteAllLines(path, ["# comment", "", "ab", "b b a", "ba"]);
        try
        {
            var (code, output, _) = Fex("simulate", "ltl:Y[<=2] a", "--alphabet", "a,b", "--corpus", path, "--json");
            Assert.That(code, Is.EqualTo(0), output);
            Assert.That(JsonDocument.Parse(output).RootElement.GetProperty("words").GetInt32(), Is.EqualTo(4));
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void Bad_input_gives_usage_or_input_errors()
    {
        Assert.That(Fex("simulate", "ltl:P a", "--lengths", "1-2", "--corpus", "x").Code, Is.EqualTo(2));
        Assert.That(Fex("simulate", "ltl:P a", "--lengths", "1-2", "--numeric", "fp8").Code, Is.EqualTo(2));
        var (code, _, err) = Fex("simulate", "ltl:P (a &", "--lengths", "1-2");
        Assert.That(code, Is.EqualTo(3));
        Assert.That(err, Does.Contain("LTL007"));
        Assert.That(Fex("simulate", "ltl:a S b", "--lengths", "1-2", "--numeric", "fp32").Err, Does.Contain("TRN001"));
        Assert.That(Fex("simulate", "missing.model", "--lengths", "1-2").Code, Is.EqualTo(3));
        Assert.That(Fex("simulate", "ltl:P a", "--lengths", "5-2").Code, Is.EqualTo(2), "a malformed option value is a usage error");
    }

    [Test]
    public void A_corpus_written_by_fex_corpus_is_simulated_against_the_language()
    {
        var dir = Directory.CreateTempSubdirectory("fex-sim-corpus-").FullName;
        try
        {
            var corpus = Path.Combine(dir, "lt2", "data", "test.jsonl");
            var made = Fex("corpus", "re:Σ*abΣ*", "--alphabet", "a,b,c", "--lengths", "1-30", "--per-length", "16", "--seed", "5", "-o", Path.Combine(dir, "lt2"));
            Assert.That(made.Code, Is.EqualTo(0), made.Err);
            var agree = Fex("simulate", "ltl:P(b & Y a)", "--alphabet", "a,b,c", "--corpus", corpus, "--json");
            Assert.That(agree.Code, Is.EqualTo(0), agree.Err);
            var wrong = Fex("simulate", "ltl:P(a & Y b)", "--alphabet", "a,b,c", "--language", "ltl:P(b & Y a)", "--corpus", corpus);
            Assert.That(wrong.Code, Is.EqualTo(1), "a model for Σ*baΣ* disagrees with Σ*abΣ* on the corpus");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Languages_and_weight_exports_are_models_too()
    {
        // re: and .lang compile through the architecture's formula; a .weights.json export runs numerically.
        var re = Fex("simulate", "re:aΣ*", "--alphabet", "a,b", "--lengths", "0-9", "--per-length", "20");
        Assert.That(re.Code, Is.EqualTo(0), re.Out + re.Err);
        Assert.That(re.Out, Does.Contain("agree: all 200 words"));
        var weights = Fex("simulate", ModelFile("first_a.weights.json"), "--language", "re:aΣ*", "--alphabet", "a,b", "--lengths", "0-9", "--per-length", "20");
        Assert.That(weights.Code, Is.EqualTo(0), weights.Out + weights.Err);
        Assert.That(weights.Out, Does.Contain("numeric fp32"));
        var safetensors = Fex("simulate", ModelFile("first_a.safetensors"), "--language", "ltl:P(a & !P true)", "--alphabet", "a,b", "--lengths", "0-9", "--per-length", "20", "--numeric", "fp16");
        Assert.That(safetensors.Code, Is.EqualTo(0), safetensors.Out + safetensors.Err);
        var noModel = Fex("simulate", "re:(aa)*", "--alphabet", "a", "--lengths", "0-3");
        Assert.That(noModel.Code, Is.EqualTo(3));
        Assert.That(noModel.Err, Does.Contain("has no global model"));
        var noLanguage = Fex("simulate", ModelFile("first_a.weights.json"), "--lengths", "0-3");
        Assert.That(noLanguage.Code, Is.EqualTo(3));
        Assert.That(noLanguage.Err, Does.Contain("give --language"));
    }

    [Test]
    public void Predictions_written_by_simulate_are_scored_by_eval_per_string_and_per_position()
    {
        var dir = Directory.CreateTempSubdirectory("fex-sim-pred-").FullName;
        try
        {
            var dataset = Path.Combine(dir, "lt2");
            Assert.That(Fex("corpus", "re:Σ*abΣ*", "--alphabet", "a,b,c", "--splits", "train=1-8,test=9-16", "--per-length", "12", "--labels", "prefix", "-o", dataset).Code, Is.EqualTo(0));
            var preds = Path.Combine(dir, "pred.jsonl");
            // A hybrid:1 model recognizes LT-2: it agrees everywhere, per string and per prefix.
            var sim = Fex("simulate", "re:Σ*abΣ*", "--alphabet", "a,b,c", "--arch", "hybrid:1", "--corpus", dataset, "--predictions", preds, "--positions", "--numeric", "fp32");
            Assert.That(sim.Code, Is.EqualTo(0), sim.Out + sim.Err);
            var first = JsonDocument.Parse(File.ReadLines(preds).First()).RootElement;
            Assert.That(first.GetProperty("positions").GetString()!.Length, Is.EqualTo(first.GetProperty("string").GetString()!.Length + 1));
            Assert.That(first.GetProperty("readout").GetArrayLength(), Is.EqualTo(first.GetProperty("string").GetString()!.Length + 1));
            var eval = Fex("eval", "--corpus", dataset, "--predictions", preds, "--json");
            Assert.That(eval.Code, Is.EqualTo(0), eval.Err);
            var m = JsonDocument.Parse(eval.Out).RootElement.GetProperty("models")[0];
            Assert.That(m.GetProperty("accuracy").GetDouble(), Is.EqualTo(1.0));
            foreach (var l in m.GetProperty("perLength").EnumerateArray())
                Assert.That(l.GetProperty("positionsCorrect").GetInt64(), Is.EqualTo(l.GetProperty("positionsTotal").GetInt64()).And.GreaterThan(0));
            // A global model cannot recognize LT-2; the global verdict is no, so there is nothing to export.
            var export = Fex("export", "re:Σ*abΣ*", "--alphabet", "a,b,c", "-o", Path.Combine(dir, "m.safetensors"));
            Assert.That(export.Code, Is.EqualTo(3));
            var hybrid = Fex("export", "re:Σ*abΣ*", "--alphabet", "a,b,c", "--arch", "hybrid:1", "-o", Path.Combine(dir, "m.safetensors"));
            Assert.That(hybrid.Code, Is.EqualTo(0), hybrid.Err);
            var again = Fex("simulate", Path.Combine(dir, "m.safetensors"), "--corpus", dataset, "--json");
            Assert.That(again.Code, Is.EqualTo(0), again.Out + again.Err);
            Assert.That(JsonDocument.Parse(again.Out).RootElement.GetProperty("reference").GetString(), Does.Contain("corpus manifest"));
            Assert.That(Fex("export", "ltl:P a", "-o", Path.Combine(dir, "m.bin")).Code, Is.EqualTo(2));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
