using FormalExpressivity.Core.Randomness;
using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Temporal;
using FormalExpressivity.Testing;
using FormalExpressivity.Transformers.Compilation;
using FormalExpressivity.Transformers.Model;
using FormalExpressivity.Transformers.Numeric;
using FormalExpressivity.Transformers.Reference;

namespace FormalExpressivity.Transformers.Tests;

public class NumericSemanticsTests
{
    private static IEnumerable<(string Name, LtlFormula F)> SoftFormulas() =>
        TheoryFormulas.All().Where(x => (x.Formula.Operators & TemporalOperators.WindowCount) == 0);

    [Test]
    public void Binary16_rounding_equals_the_conversion_through_Half()
    {
        // The twin is .NET's Half conversion. Every 2^13-th bit pattern (all exponents, ties and
        // neighbours around them) and 2·10^6 random patterns; seed printed.
        static void Check(uint bits)
        {
            float x = BitConverter.UInt32BitsToSingle(bits);
            float expected = (float)(Half)x, actual = Binary16.Round(x);
            if (float.IsNaN(expected)) Assert.That(float.IsNaN(actual), Is.True, $"0x{bits:X8}");
            else if (BitConverter.SingleToUInt32Bits(actual) != BitConverter.SingleToUInt32Bits(expected))
                Assert.Fail($"0x{bits:X8}: {actual:R} vs (Half) {expected:R}");
        }
        for (ulong b = 0; b <= uint.MaxValue; b += 0x2000)
            for (uint d = 0; d < 3; d++)
            {
                Check((uint)b + 0x1000 - 1 + d); // around the tie of the 13 dropped bits
                Check((uint)b + d);
            }
        const ulong seed = 20261130;
        var rng = new FormalExpressivity.Core.Randomness.SplitMix64(seed);
        for (int i = 0; i < 2_000_000; i++) Check((uint)rng.NextUInt64());
        foreach (var x in new[] { 65504f, 65519.99f, 65520f, 6.1035156e-5f, 5.9604645e-8f, 2.9802322e-8f, 2.9802326e-8f, -0f })
            Check(BitConverter.SingleToUInt32Bits(x));
    }

    [Test]
    public void BFloat16_rounds_to_nearest_even_on_the_top_16_bits()
    {
        Assert.That(BFloat16.Round(1f), Is.EqualTo(1f));
        Assert.That(BFloat16.Round(1f + 1f / 256), Is.EqualTo(1f)); // tie → even
        Assert.That(BFloat16.Round(1f + 3f / 256), Is.EqualTo(1f + 4f / 256)); // tie → even (up)
        Assert.That(BFloat16.Round(1f + 1.5f / 256), Is.EqualTo(1f + 2f / 256));
        Assert.That(BFloat16.Round(float.MaxValue), Is.EqualTo(float.PositiveInfinity));
        Assert.That(float.IsNaN(BFloat16.Round(float.NaN)), Is.True);
        Assert.That(BFloat16.ToBits(-2f), Is.EqualTo(0xC000));
        // every bf16 value is a fixed point; its neighbours' midpoint rounds to the even one
        for (uint hi = 0x3F00; hi < 0x4100; hi++)
        {
            float v = BitConverter.UInt32BitsToSingle(hi << 16), up = BitConverter.UInt32BitsToSingle((hi + 1) << 16);
            Assert.That(BFloat16.Round(v), Is.EqualTo(v));
            float mid = BitConverter.UInt32BitsToSingle((hi << 16) | 0x8000);
            Assert.That(BFloat16.Round(mid), Is.EqualTo((hi & 1) == 0 ? v : up));
        }
        Assert.That(NumberFormats.LargeScore(NumberFormat.Fp16), Is.LessThanOrEqualTo(NumericCompiler.LargeScore));
        Assert.That(NumberFormats.LargeScore(NumberFormat.Fp32), Is.LessThanOrEqualTo(NumericCompiler.LargeScore));
        Assert.That(NumberFormats.LargeScore(NumberFormat.Bf16), Is.LessThanOrEqualTo(NumericCompiler.LargeScore));
    }

    [Test]
    public void SplitMix64_matches_the_published_sequence_for_seed_0()
    {
        var r = new SplitMix64(0);
        Assert.That(r.NextUInt64(), Is.EqualTo(0xE220A8397B1DCDAFUL));
        Assert.That(r.NextUInt64(), Is.EqualTo(0x6E789E6AA1B965F4UL));
    }

    [Test]
    public void Past_fix_rewrite_preserves_the_language()
    {
        foreach (var (name, f) in SoftFormulas())
        {
            var model = LtlToTransformer.Compile(f, TheoryFormulas.Ab).Model!;
            var fixedModel = NumericCompiler.ApplyPastFix(model);
            Assert.That(Equivalence.FindDifference(ModelAutomaton.ToDfa(model), ModelAutomaton.ToDfa(fixedModel)), Is.Null, name);
            int globals = model.Layers.Count(l => l.Heads.Any(h => h.Kind == HeadKind.Global));
            Assert.That(fixedModel.Layers.Count, Is.EqualTo(model.Layers.Count + globals), name);
        }
    }

    [Test]
    public void Fp32_models_agree_with_the_dfa_on_all_words_up_to_length_10()
    {
        var words = RandomDfa.AllWords(TheoryFormulas.Ab, 10).ToList();
        foreach (var (name, f) in SoftFormulas())
        {
            var dfa = PastLtlCompiler.ToDfa(f, TheoryFormulas.Ab);
            foreach (bool fix in new[] { true, false })
            {
                var numeric = NumericCompiler.Compile(LtlToTransformer.Compile(f, TheoryFormulas.Ab).Model!, new NumericOptions(fix)).GetModelOrThrow();
                foreach (var w in words)
                    Assert.That(numeric.Accepts(w.Symbols, NumberFormat.Fp32), Is.EqualTo(dfa.Accepts(w)), $"{name} (fix {fix}) on '{w.Format(TheoryFormulas.Ab)}'");
            }
        }
    }

    [Test]
    public void Fp32_models_agree_with_the_dfa_on_10000_random_words_up_to_length_500()
    {
        const ulong seed = 2026;
        var random = new SplitMix64(seed);
        var formulas = SoftFormulas().ToList();
        var compiled = formulas.Select(x => (x.Name, Dfa: PastLtlCompiler.ToDfa(x.F, TheoryFormulas.Ab),
            Numeric: NumericCompiler.Compile(LtlToTransformer.Compile(x.F, TheoryFormulas.Ab).Model!).GetModelOrThrow())).ToList();
        for (int i = 0; i < 10_000; i++)
        {
            // skewed letter frequencies so that long words still fall on both sides of each language
            int bias = random.NextInt(4);
            var w = new int[random.NextInt(501)];
            for (int p = 0; p < w.Length; p++) w[p] = random.NextInt(16) < 1 + 4 * bias ? 0 : 1;
            var (name, dfa, numeric) = compiled[i % compiled.Count];
            Assert.That(numeric.Accepts(w, NumberFormat.Fp32), Is.EqualTo(dfa.Accepts(Word.Of(w))), $"seed {seed}, word {i}: {name}");
        }
    }

    [Test]
    public void Half_and_bfloat16_models_agree_on_short_words()
    {
        var words = RandomDfa.AllWords(TheoryFormulas.Ab, 7).ToList();
        foreach (var (name, f) in SoftFormulas())
        {
            var dfa = PastLtlCompiler.ToDfa(f, TheoryFormulas.Ab);
            var numeric = NumericCompiler.Compile(LtlToTransformer.Compile(f, TheoryFormulas.Ab).Model!).GetModelOrThrow();
            foreach (var format in new[] { NumberFormat.Fp16, NumberFormat.Bf16 })
                foreach (var w in words)
                    Assert.That(numeric.Accepts(w.Symbols, format), Is.EqualTo(dfa.Accepts(w)), $"{name} {format} on '{w.Format(TheoryFormulas.Ab)}'");
        }
    }

    [Test]
    public void Layer_norm_is_exact_the_stream_stays_binary()
    {
        var f = Ltl.Past(Ltl.And(Ltl.Atom("b"), Ltl.Yesterday(Ltl.Atom("a"))));
        var numeric = NumericCompiler.Compile(LtlToTransformer.Compile(f, TheoryFormulas.Ab).Model!).GetModelOrThrow();
        foreach (var format in new[] { NumberFormat.Fp32, NumberFormat.Fp16, NumberFormat.Bf16 })
            foreach (var stream in numeric.Streams([0, 1, 1, 0, 1, 0, 0], format))
                for (int i = 0; i < stream.Length; i += 2)
                    Assert.That((stream[i], stream[i + 1]), Is.EqualTo((0f, 1f)).Or.EqualTo((1f, 0f)), $"{format} coordinate {numeric.Coordinates[i]}");
    }

    [Test]
    public void Attention_traces_are_softmax_weights_over_the_head_range_that_reproduce_the_head_outputs()
    {
        // The trace's weights are a fresh pass per row; Attend's output o = N/Z comes from the cached pass.
        // Their twin relation: each row sums to 1 and Σ_m w_m·v_m = o, up to the format's rounding.
        int[][] words = [[], [0], [1, 0], [0, 1, 0, 1], [1, 1, 0, 0, 1, 0, 1, 1]];
        foreach (var (name, f) in SoftFormulas())
        {
            var numeric = NumericCompiler.Compile(LtlToTransformer.Compile(f, TheoryFormulas.Ab).Model!).GetModelOrThrow();
            int heads = numeric.Blocks.Sum(b => b.Heads.Count);
            foreach (var format in new[] { NumberFormat.Fp32, NumberFormat.Bf16 })
            {
                double eps = format == NumberFormat.Fp32 ? 1e-5 : 1.0 / 64;
                foreach (var w in words)
                {
                    var trace = numeric.Attention(w, format);
                    Assert.That(trace, Has.Count.EqualTo(heads), name);
                    foreach (var t in trace)
                    {
                        Assert.That(t.Head, Is.SameAs(numeric.Blocks[t.Block].Heads[t.Index]));
                        for (int p = 0; p <= w.Length; p++)
                        {
                            int to = t.Head.Masking == Masking.Strict ? p - 1 : p;
                            int from = t.Head.Window == 0 ? 0 : Math.Max(0, t.Head.Masking == Masking.Strict ? p - t.Head.Window : p - t.Head.Window + 1);
                            var row = t.Weights[p];
                            string where = $"{name} {format} word [{string.Join(",", w)}] block {t.Block} head {t.Index} n={p + 1}";
                            for (int m = 0; m <= w.Length; m++)
                                if (m < from || m > to) Assert.That(row[m], Is.Zero, where + $" m={m + 1} outside the range");
                            if (to < from)
                            {
                                Assert.That(t.Outputs[p], Is.Zero, where);
                                continue;
                            }
                            Assert.That(row.Sum(), Is.EqualTo(1).Within(eps * (to - from + 1)), where);
                            double mixed = Enumerable.Range(from, to - from + 1).Sum(m => (double)row[m] * t.Values[m]);
                            Assert.That(mixed, Is.EqualTo(t.Outputs[p]).Within(eps * (to - from + 2) * (1 + t.Values.Max(Math.Abs))), where);
                        }
                    }
                }
            }
        }
    }

    [Test]
    public void Unique_hard_and_counting_heads_are_refused_with_diagnostics()
    {
        var since = NumericCompiler.Compile(LtlToTransformer.Compile(Ltl.Since(Ltl.Atom("a"), Ltl.Atom("b")), TheoryFormulas.Ab).Model!);
        Assert.That(since.Model, Is.Null);
        Assert.That(since.Diagnostics.Single().Code, Is.EqualTo(NumericCompiler.UniqueHard));
        var count = NumericCompiler.Compile(LtlToTransformer.Compile(Ltl.WindowCount(3, 2, Ltl.Atom("a")), TheoryFormulas.Ab).Model!);
        Assert.That(count.Diagnostics.Single().Code, Is.EqualTo(NumericCompiler.Counting));
    }
}
