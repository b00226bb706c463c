using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using FormalExpressivity.Syntax.Temporal;
using FormalExpressivity.Transformers.Compilation;
using FormalExpressivity.Transformers.Export;
using FormalExpressivity.Transformers.Model;
using FormalExpressivity.Transformers.Numeric;
using Snapshooter;
using Snapshooter.NUnit;

namespace FormalExpressivity.Transformers.Tests;

public class ExportTests
{
    private static readonly (string Name, LtlFormula Formula)[] Models =
    [
        ("window_a_2", Ltl.WindowYesterday(2, Ltl.Atom("a"))),
        ("past_a", Ltl.Past(Ltl.Atom("a"))),
        ("first_a", Ltl.Past(Ltl.And(Ltl.Atom("a"), Ltl.Not(Ltl.Past(Ltl.True))))),
        ("factor_ab", Ltl.Past(Ltl.And(Ltl.Atom("b"), Ltl.Yesterday(Ltl.Atom("a"))))),
    ];

    private static readonly int[][] Words = [[], [0], [1], [0, 1], [1, 0], [1, 1, 0], [0, 1, 0, 1], [1, 1, 1, 0, 1]];

    private static string DataDirectory()
    {
        var dir = new DirectoryInfo(FormalExpressivity.Testing.RepositoryRoot.Path);
        return Path.Combine(dir!.FullName, "tests", "data", "models");
    }

    private static (TransformerModel Symbolic, NumericTransformer Numeric) Build(LtlFormula f)
    {
        var symbolic = LtlToTransformer.Compile(f, TheoryFormulas.Ab).Model!;
        return (symbolic, NumericCompiler.Compile(symbolic).GetModelOrThrow());
    }

    // The committed files under tests/data/models are the golden copies; FEX_UPDATE_GOLDEN=1 rewrites them.
    private static void AssertGolden(string path, byte[] actual)
    {
        if (Environment.GetEnvironmentVariable("FEX_UPDATE_GOLDEN") == "1") File.WriteAllBytes(path, actual);
        Assert.That(File.Exists(path), Is.True, $"golden file {path} is missing (run with FEX_UPDATE_GOLDEN=1 once)");
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(actual), $"golden file {path} differs");
    }

    [TestCaseSource(nameof(Names))]
    public void Exported_models_and_golden_outputs_match_the_committed_files(string name)
    {
        var (symbolic, numeric) = Build(Models.Single(m => m.Name == name).Formula);
        string dir = DataDirectory();
        AssertGolden(Path.Combine(dir, name + ".model"), Encoding.UTF8.GetBytes(symbolic.ToText()));
        AssertGolden(Path.Combine(dir, name + ".weights.json"), Encoding.UTF8.GetBytes(NumericExport.ToJson(numeric)));
        AssertGolden(Path.Combine(dir, name + ".safetensors"), NumericExport.ToSafetensors(numeric));
        var golden = NumericExport.GoldenOutputs(numeric, Words);
        AssertGolden(Path.Combine(dir, name + ".golden.json"), Encoding.UTF8.GetBytes(golden));
        Snapshot.Match(golden, SnapshotNameExtension.Create(name));
    }

    private static IEnumerable<string> Names() => Models.Select(m => m.Name);

    [TestCaseSource(nameof(Names))]
    public void Imported_exports_write_back_the_same_bytes_and_compute_the_same_readouts(string name)
    {
        string dir = DataDirectory();
        var json = File.ReadAllText(Path.Combine(dir, name + ".weights.json"));
        var bytes = File.ReadAllBytes(Path.Combine(dir, name + ".safetensors"));
        Assert.That(NumericImport.IsNumericJson(json), Is.True);
        var fromJson = NumericImport.FromJson(json);
        var fromSafetensors = NumericImport.FromSafetensors(bytes);
        Assert.That(NumericExport.ToJson(fromJson), Is.EqualTo(json));
        Assert.That(NumericExport.ToSafetensors(fromSafetensors), Is.EqualTo(bytes));
        Assert.That(NumericExport.GoldenOutputs(fromJson, Words), Is.EqualTo(File.ReadAllText(Path.Combine(dir, name + ".golden.json"))));
        Assert.That(() => NumericImport.FromJson("{\"format\":\"other\"}"), Throws.InstanceOf<FormalExpressivity.Core.Text.InputException>());
        Assert.That(() => NumericImport.FromSafetensors([1, 2, 3]), Throws.InstanceOf<FormalExpressivity.Core.Text.InputException>());
    }

    [Test]
    public void Safetensors_reads_back_with_an_independent_reader()
    {
        var (_, numeric) = Build(Models[3].Formula);
        var bytes = NumericExport.ToSafetensors(numeric);
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.That(headerLength % 8, Is.EqualTo(0UL));
        using var header = JsonDocument.Parse(Encoding.UTF8.GetString(bytes, 8, (int)headerLength));
        int dataStart = 8 + (int)headerLength;
        var tensors = NumericExport.Tensors(numeric);
        long expectedEnd = 0;
        foreach (var (name, shape, data) in tensors)
        {
            var entry = header.RootElement.GetProperty(name);
            Assert.That(entry.GetProperty("dtype").GetString(), Is.EqualTo("F32"));
            Assert.That(entry.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()), Is.EqualTo(shape));
            var offsets = entry.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            Assert.That(offsets[0], Is.EqualTo(expectedEnd));
            Assert.That(offsets[1] - offsets[0], Is.EqualTo(4L * shape.Aggregate(1, (a, b) => a * b)));
            for (int i = 0; i < data.Length; i++)
                Assert.That(BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(dataStart + (int)offsets[0] + 4 * i)), Is.EqualTo(data[i]), name);
            expectedEnd = offsets[1];
        }
        Assert.That(bytes.Length, Is.EqualTo(dataStart + expectedEnd));
        Assert.That(header.RootElement.GetProperty("__metadata__").GetProperty("alphabet").GetString(), Is.EqualTo("a b"));
    }

    [TestCaseSource(nameof(Names))]
    public void Json_weights_recompute_the_golden_readout_with_a_plain_fp32_forward_pass(string name)
    {
        // An independent dense re-implementation from the exported JSON only (what a PyTorch port would do).
        var (_, numeric) = Build(Models.Single(m => m.Name == name).Formula);
        using var doc = JsonDocument.Parse(NumericExport.ToJson(numeric));
        var t = doc.RootElement.GetProperty("tensors");
        float[] Get(string n) => t.GetProperty(n).GetProperty("data").EnumerateArray().Select(e => e.GetSingle()).ToArray();
        int[] Shape(string n) => t.GetProperty(n).GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        int d = Shape("readout")[0];
        int blocks = int.Parse(doc.RootElement.GetProperty("blocks").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var emb = Get("embedding");
        foreach (var word in Words)
        {
            int n = word.Length + 1;
            var x = new float[n][];
            for (int p = 0; p < n; p++) x[p] = emb.Skip((p < word.Length ? word[p] : 2) * d).Take(d).ToArray();
            for (int b = 0; b < blocks; b++)
            {
                int heads = int.Parse(doc.RootElement.GetProperty($"blocks.{b}.heads").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                if (heads > 0)
                {
                    var add = new float[n][];
                    for (int p = 0; p < n; p++) add[p] = new float[d];
                    for (int h = 0; h < heads; h++)
                    {
                        int window = int.Parse(doc.RootElement.GetProperty($"blocks.{b}.heads.{h}.window").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                        float[] wq = Get($"blocks.{b}.heads.{h}.w_q"), wk = Get($"blocks.{b}.heads.{h}.w_k"), wv = Get($"blocks.{b}.heads.{h}.w_v"), wo = Get($"blocks.{b}.heads.{h}.w_o");
                        for (int p = 0; p < n; p++)
                        {
                            int from = window == 0 ? 0 : Math.Max(0, p - window), to = p - 1;
                            if (to < from) continue;
                            float q = Dot(wq, x[p]);
                            var s = Enumerable.Range(from, to - from + 1).Select(m => q * Dot(wk, x[m])).ToArray();
                            float max = s.Max();
                            double num = 0, den = 0;
                            for (int m = from; m <= to; m++) { double e = Math.Exp(s[m - from] - max); num += e * Dot(wv, x[m]); den += e; }
                            for (int i = 0; i < d; i++) add[p][i] += (float)(num / den) * wo[i];
                        }
                    }
                    for (int p = 0; p < n; p++) { for (int i = 0; i < d; i++) x[p][i] += add[p][i]; Ln(x[p]); }
                }
                float[] w1 = Get($"blocks.{b}.ffn.w1"), b1 = Get($"blocks.{b}.ffn.b1"), w2 = Get($"blocks.{b}.ffn.w2"), b2 = Get($"blocks.{b}.ffn.b2");
                int hidden = b1.Length;
                for (int p = 0; p < n; p++)
                {
                    var hv = Enumerable.Range(0, hidden).Select(j => Math.Max(0, Dot(w1.AsSpan(j * d, d).ToArray(), x[p]) + b1[j])).ToArray();
                    for (int i = 0; i < d; i++) x[p][i] += Dot(w2.AsSpan(i * hidden, hidden).ToArray(), hv) + b2[i];
                    Ln(x[p]);
                }
            }
            var expected = numeric.Outputs(word, NumberFormat.Fp32);
            var readout = Get("readout");
            for (int p = 0; p < n; p++) Assert.That(Dot(readout, x[p]), Is.EqualTo(expected[p]).Within(1e-5), $"word {string.Join(",", word)} position {p + 1}");
        }
    }

    private static float Dot(float[] w, float[] x) { float s = 0; for (int i = 0; i < w.Length; i++) s += w[i] * x[i]; return s; }

    private static void Ln(float[] x)
    {
        float mean = x.Average(), var = x.Select(v => (v - mean) * (v - mean)).Average(), sd = MathF.Sqrt(var);
        for (int i = 0; i < x.Length; i++) x[i] = sd == 0 ? 0.5f : (x[i] - mean) / sd * 0.5f + 0.5f;
    }
}
