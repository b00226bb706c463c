using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Temporal;
using FormalExpressivity.Testing;
using FormalExpressivity.Transformers.BitParallel;
using FormalExpressivity.Transformers.Compilation;
using FormalExpressivity.Transformers.Model;
using FormalExpressivity.Transformers.Reference;

namespace FormalExpressivity.Transformers.Tests;

public class SymbolicSemanticsTests
{
    private static readonly LaneWidth[] Widths = [LaneWidth.Scalar64, LaneWidth.Vector256, LaneWidth.Vector512, LaneWidth.Vector512x4];

    // bit-parallel (every width) ≡ reference evaluator ≡ model DFA on all words up to maxLength;
    // with strict masks also ≡ the past-LTL DFA of the formula.
    private static void AssertAllAgree(LtlFormula f, Alphabet alphabet, Masking masking, int maxLength, string context)
    {
        var compiled = LtlToTransformer.Compile(f, alphabet, masking);
        Assert.That(compiled.Success, Is.True, context + ": " + string.Join("; ", compiled.Diagnostics));
        var model = compiled.Model!;
        var words = RandomDfa.AllWords(alphabet, maxLength).ToList();
        var arrays = words.Select(w => w.Symbols.ToArray()).ToList();
        var modelDfa = ModelAutomaton.ToDfa(model);
        var reference = arrays.Select(w => ReferenceEvaluator.Accepts(model, w)).ToArray();
        var kernel = BitParallelKernel.Compile(model);
        var bytes = ByteWords.From(arrays);
        foreach (var width in Widths)
        {
            var bits = BitParallelKernel.Run(model, arrays, width);
            var streamed = kernel.Run(bytes, width);
            for (int i = 0; i < words.Count; i++)
            {
                Assert.That(bits[i], Is.EqualTo(reference[i]), $"{context}: {f} ({masking}, {width}) on '{words[i].Format(alphabet)}'");
                Assert.That(streamed[i], Is.EqualTo(reference[i]), $"{context}: {f} ({masking}, {width}, streamed bytes) on '{words[i].Format(alphabet)}'");
            }
        }
        for (int i = 0; i < words.Count; i++)
            Assert.That(modelDfa.Accepts(words[i]), Is.EqualTo(reference[i]), $"{context}: model DFA of {f} ({masking}) on '{words[i].Format(alphabet)}'");
        if (masking == Masking.Strict)
        {
            var ltlDfa = PastLtlCompiler.ToDfa(f, alphabet);
            var diff = Equivalence.FindDifference(modelDfa, ltlDfa);
            Assert.That(diff, Is.Null, $"{context}: model DFA ≢ PastLtlCompiler for {f}: differ on '{diff?.Format(alphabet)}'");
            for (int i = 0; i < words.Count; i++)
                Assert.That(reference[i], Is.EqualTo(LtlEvaluator.Accepts(f, alphabet, words[i].Symbols)), $"{context}: {f} on '{words[i].Format(alphabet)}'");
        }
    }

    [Test]
    public void Theory_formulas_agree_everywhere_up_to_length_10_strict()
    {
        foreach (var (name, f) in TheoryFormulas.All().Concat(TheoryFormulas.WithSince()))
            AssertAllAgree(f, TheoryFormulas.Ab, Masking.Strict, 10, name);
    }

    [Test]
    public void Theory_formulas_agree_everywhere_up_to_length_10_nonstrict()
    {
        foreach (var (name, f) in TheoryFormulas.All().Concat(TheoryFormulas.WithSince()))
            AssertAllAgree(f, TheoryFormulas.Ab, Masking.NonStrict, 10, name);
    }

    [Test]
    public void Theory_formulas_agree_over_three_letters_up_to_length_6()
    {
        foreach (var (name, f) in TheoryFormulas.All())
            AssertAllAgree(f, TheoryFormulas.Abc, Masking.Strict, 6, name);
    }

    [Test]
    public void Random_past_formulas_agree_for_both_maskings_and_windows_up_to_4()
    {
        const int seed = 5150;
        var random = new Random(seed);
        for (int trial = 0; trial < 120; trial++)
        {
            var alphabet = trial % 3 == 2 ? TheoryFormulas.Abc : TheoryFormulas.Ab;
            var f = RandomLtl.Create(random, 1 + random.Next(9), alphabet.Symbols, TemporalOperators.AnyPast, maxWindow: 4);
            var masking = trial % 2 == 0 ? Masking.Strict : Masking.NonStrict;
            AssertAllAgree(f, alphabet, masking, alphabet.Count == 2 ? 8 : 5, $"seed {seed} trial {trial}");
        }
    }

    [Test]
    public void Random_long_words_of_different_lengths_agree_in_one_batch()
    {
        const int seed = 77;
        var random = new Random(seed);
        var f = Ltl.Or(Ltl.Past(Ltl.And(Ltl.Atom("b"), Ltl.WindowCount(4, 2, Ltl.Atom("a")))), Ltl.Since(Ltl.Atom("a"), Ltl.Yesterday(Ltl.Atom("b"))));
        var model = LtlToTransformer.Compile(f, TheoryFormulas.Ab).Model!;
        var words = Enumerable.Range(0, 700).Select(_ => Enumerable.Range(0, random.Next(120)).Select(_ => random.Next(2)).ToArray()).ToList();
        var dfa = PastLtlCompiler.ToDfa(f, TheoryFormulas.Ab);
        var bytes = ByteWords.From(words);
        foreach (var width in Widths)
        {
            var bits = BitParallelKernel.Run(model, words, width);
            var streamed = BitParallelKernel.Compile(model).Run(bytes, width);
            for (int i = 0; i < words.Count; i++)
            {
                Assert.That(bits[i], Is.EqualTo(dfa.Accepts(Word.Of(words[i]))), $"seed {seed}, {width}, word {i}");
                Assert.That(streamed[i], Is.EqualTo(bits[i]), $"seed {seed}, {width}, streamed bytes, word {i}");
            }
        }
    }

    [Test]
    public void Streamed_bytes_span_several_tiles_and_reject_symbols_outside_the_alphabet()
    {
        var random = new Random(31);
        var f = Ltl.Or(Ltl.Past(Ltl.And(Ltl.Atom("b"), Ltl.WindowCount(4, 2, Ltl.Atom("a")))), Ltl.Historically(Ltl.Implies(Ltl.Atom("a"), Ltl.Past(Ltl.Atom("b")))));
        var kernel = BitParallelKernel.Compile(LtlToTransformer.Compile(f, TheoryFormulas.Ab).Model!);
        var words = Enumerable.Range(0, 2500).Select(_ => Enumerable.Range(0, random.Next(300)).Select(_ => random.Next(2)).ToArray()).ToList();
        var bytes = ByteWords.From(words);
        foreach (var width in Widths)
            Assert.That(kernel.Run(bytes, width), Is.EqualTo(kernel.Run(BitBatch.Create(words, 2, width))), width.ToString());
        words[1700] = new int[260];
        words[1700][250] = 2;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => kernel.Run(ByteWords.From(words)));
        Assert.That(e!.Message, Does.StartWith("word 1700 has symbol index 2 outside 0…1"));
    }

    [Test]
    public void A_formula_of_depth_d_gets_d_layers_and_one_head_per_temporal_subformula()
    {
        var a = Ltl.Atom("a");
        var f = Ltl.Past(Ltl.And(Ltl.Atom("b"), Ltl.Or(Ltl.WindowYesterday(2, a), Ltl.WindowCount(3, 2, a))));
        var c = LtlToTransformer.Compile(f, TheoryFormulas.Ab);
        Assert.That((c.Layers, c.GlobalHeads, c.LocalHeads, c.UniqueHardHeads), Is.EqualTo((2, 1, 2, 0)));
        Assert.That(c.Model!.Layers[0].Heads.Select(h => (h.Kind, h.Window, h.Threshold)), Is.EqualTo(new[] { (HeadKind.Local, 2, 1), (HeadKind.Local, 3, 2) }));
        Assert.That(c.IsSoft, Is.True);
    }

    [Test]
    public void Since_compiles_to_a_unique_hard_head_with_a_warning()
    {
        var c = LtlToTransformer.Compile(Ltl.Since(Ltl.Atom("a"), Ltl.Atom("b")), TheoryFormulas.Ab);
        Assert.That(c.UniqueHardHeads, Is.EqualTo(1));
        Assert.That(c.IsSoft, Is.False);
        Assert.That(c.Diagnostics.Single().Code, Is.EqualTo(LtlToTransformer.NeedsUniqueHard));
    }

    [Test]
    public void Future_operators_and_unknown_atoms_are_reported_not_thrown()
    {
        var c = LtlToTransformer.Compile(Ltl.And(Ltl.Future(Ltl.Atom("a")), Ltl.Atom("z")), TheoryFormulas.Ab);
        Assert.That(c.Success, Is.False);
        Assert.That(c.Diagnostics.Select(d => d.Code), Is.EquivalentTo(new[] { LtlToTransformer.UnknownAtom, LtlToTransformer.FutureOperator }));
    }

    [Test]
    public void Empty_attention_set_gives_zero_at_position_one()
    {
        // Y true and P true are false at position 1 (the empty word is read at N+1 = 1)
        var model = LtlToTransformer.Compile(Ltl.Or(Ltl.Yesterday(Ltl.True), Ltl.Past(Ltl.True)), TheoryFormulas.Ab).Model!;
        Assert.That(ReferenceEvaluator.Accepts(model, []), Is.False);
        Assert.That(BitParallelKernel.Run(model, [[]])[0], Is.False);
        Assert.That(ModelAutomaton.ToDfa(model).Accepts(Word.Empty), Is.False);
        Assert.That(ReferenceEvaluator.Accepts(model, [0]), Is.True);
    }

    [Test]
    public void Word_operations_per_position_are_counted()
    {
        var model = LtlToTransformer.Compile(Ltl.Past(Ltl.Atom("a")), TheoryFormulas.Ab).Model!;
        // P a: one AND (sel ∧ val), one OR (accumulate), plus the output AND/OR at EOS
        Assert.That(BitParallelKernel.Compile(model).WordOperationsPerPosition(), Is.EqualTo(4));
    }
}
