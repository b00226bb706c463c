using System.Text.Json;
using FormalExpressivity.Cli;
using TorchSharp;
using static TorchSharp.torch;

namespace FormalExpressivity.Interop.Tests;

/// <summary>
/// The exported models of tests/data/models run in TorchSharp (libtorch) as an ordinary module, in float32,
/// float16 and bfloat16, agree position by position with <c>fex simulate --numeric</c>: on the golden words
/// (<c>NAME.golden.json</c>) and on a corpus written by <c>fex corpus</c> for the model's language.
/// </summary>
public class TorchAgreementTests
{
    private static readonly (string Name, string Formula)[] Models =
    [
        ("window_a_2", "Y[<=2] a"),
        ("past_a", "P a"),
        ("first_a", "P(a & !P true)"),
        ("factor_ab", "P(b & Y a)"),
    ];

    private static readonly (string Flag, ScalarType Type)[] Formats = [("fp32", ScalarType.Float32), ("fp16", ScalarType.Float16), ("bf16", ScalarType.BFloat16)];

    private static IEnumerable<TestCaseData> Cases() =>
        from m in Models from f in Formats select new TestCaseData(m.Name, m.Formula, f.Flag, f.Type).SetArgDisplayNames(m.Name, f.Flag);

    private static string ModelsDirectory()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FormalExpressivity.sln"))) dir = dir.Parent;
        Assert.That(dir, Is.Not.Null, "repository root not found");
        return Path.Combine(dir!.FullName, "tests", "data", "models");
    }

    private static float[] Readouts(FexTorchModule module, IReadOnlyList<int> word)
    {
        using var scope = NewDisposeScope();
        var tokens = tensor(word.Append(module.Alphabet.Count).Select(t => (long)t).ToArray());
        return module.forward(tokens).to_type(ScalarType.Float32).data<float>().ToArray();
    }

    private static void AssertAgree(string what, float[] fex, float[] torchReadout)
    {
        Assert.That(torchReadout, Has.Length.EqualTo(fex.Length), what);
        for (int i = 0; i < fex.Length; i++)
            Assert.That(BitConverter.SingleToInt32Bits(torchReadout[i]), Is.EqualTo(BitConverter.SingleToInt32Bits(fex[i])),
                $"{what}, position {i + 1}: fex {fex[i]:R}, torch {torchReadout[i]:R}");
    }

    [TestCaseSource(nameof(Cases))]
    public void Golden_words_agree_with_the_committed_golden_readouts(string name, string formula, string flag, ScalarType type)
    {
        using var module = FexTorchModule.Load(Path.Combine(ModelsDirectory(), name + ".safetensors"), type);
        using var golden = JsonDocument.Parse(File.ReadAllText(Path.Combine(ModelsDirectory(), name + ".golden.json")));
        int words = 0;
        foreach (var w in golden.RootElement.GetProperty("words").EnumerateArray())
        {
            string text = w.GetProperty("word").GetString()!;
            var word = text.Length == 0 ? [] : text.Split(' ').Select(s => module.Alphabet.ToList().IndexOf(s)).ToArray();
            var expected = w.GetProperty(flag).GetProperty("readout").EnumerateArray().Select(e => e.GetSingle()).ToArray();
            AssertAgree($"{name} {flag} '{text}'", expected, Readouts(module, word));
            words++;
        }
        Assert.That(words, Is.GreaterThan(0));
    }

    [TestCaseSource(nameof(Cases))]
    public void A_corpus_agrees_with_fex_simulate_numeric_at_every_position(string name, string formula, string flag, ScalarType type) =>
        WithTemporaryDirectory(dir => AssertCorpusAgreement(Path.Combine(ModelsDirectory(), name + ".safetensors"), "ltl:" + formula, "a,b", flag, type, dir));

    // Models written by `fex export`: LT-2 = Σ*abΣ* over {a, b, c} through the hybrid:1 verdict's formula, and
    // a formula whose first block has a global and a local head (every head reads the block input; their
    // outputs are added one by one).
    private static readonly (string Label, string Source, string Arch, int MinHeadsPerBlock)[] Exports =
    [
        ("lt2-hybrid1", "re:Σ*abΣ*", "hybrid:1", 1),
        ("two-heads", "ltl:P(a & Y b) | Y[<=2] b", "hybrid:2", 2),
    ];

    private static IEnumerable<TestCaseData> ExportCases() =>
        from x in Exports from f in Formats select new TestCaseData(x.Source, x.Arch, x.MinHeadsPerBlock, f.Flag, f.Type).SetArgDisplayNames(x.Label, f.Flag);

    [TestCaseSource(nameof(ExportCases))]
    public void A_model_exported_by_fex_export_agrees_at_every_position(string source, string arch, int minHeadsPerBlock, string flag, ScalarType type) => WithTemporaryDirectory(dir =>
    {
        string model = Path.Combine(dir, "model.safetensors");
        var (o, e) = (new StringWriter(), new StringWriter());
        Assert.That(FexApp.Run(["export", source, "--alphabet", "a,b,c", "--arch", arch, "-o", model], o, e), Is.EqualTo(0), o + e.ToString());
        using (var module = FexTorchModule.Load(model, ScalarType.Float32))
            Assert.That(module.MaxHeadsPerBlock, Is.GreaterThanOrEqualTo(minHeadsPerBlock));
        AssertCorpusAgreement(model, source, "a,b,c", flag, type, dir);
    });

    private static void WithTemporaryDirectory(Action<string> body)
    {
        string dir = Path.Combine(Path.GetTempPath(), "fex-torch-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try { body(dir); }
        finally { Directory.Delete(dir, recursive: true); }
    }

    private static void AssertCorpusAgreement(string model, string language, string alphabet, string flag, ScalarType type, string dir)
    {
        string corpus = Path.Combine(dir, "corpus"), predictions = Path.Combine(dir, "p.jsonl");
        var (o, e) = (new StringWriter(), new StringWriter());
        Assert.That(FexApp.Run(["corpus", language, "--alphabet", alphabet, "--splits", "test=0-40", "--per-length", "8", "--seed", "7", "-o", corpus], o, e), Is.EqualTo(0), e.ToString());
        Assert.That(FexApp.Run(["simulate", model, "--corpus", corpus, "--numeric", flag, "--predictions", predictions], o, e), Is.EqualTo(0), o + e.ToString());
        using var module = FexTorchModule.Load(model, type);
        int rows = 0, accepted = 0;
        foreach (var line in File.ReadLines(predictions))
        {
            using var row = JsonDocument.Parse(line);
            string text = row.RootElement.GetProperty("string").GetString()!;
            var word = text.Select(c => module.Alphabet.ToList().IndexOf(c.ToString())).ToArray();
            Assert.That(word, Does.Not.Contain(-1), text);
            var expected = row.RootElement.GetProperty("readout").EnumerateArray().Select(x => x.GetSingle()).ToArray();
            var actual = Readouts(module, word);
            AssertAgree($"{Path.GetFileName(model)} {flag} '{text}'", expected, actual);
            Assert.That(actual[^1] > 0, Is.EqualTo(row.RootElement.GetProperty("predicted").GetBoolean()), $"'{text}': verdict");
            rows++;
            if (actual[^1] > 0) accepted++;
        }
        Assert.That(rows, Is.GreaterThan(100));
        Assert.That(accepted, Is.InRange(1, rows - 1), "the corpus has words of both labels");
    }
}
