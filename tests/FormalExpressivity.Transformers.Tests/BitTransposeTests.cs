using System.Runtime.Intrinsics;
using CsCheck;
using FormalExpressivity.Transformers.BitParallel;

namespace FormalExpressivity.Transformers.Tests;

/// <summary>
/// The 64 × 64 bit transpose (<see cref="BitTranspose"/>) and the batch layout built with it
/// (<see cref="BitBatch.Create(IReadOnlyList{int[]}, int, LaneWidth)"/>, <see cref="BitBatch.Create(ByteWords, int, LaneWidth)"/>) against their bit-by-bit twins.
/// </summary>
public class BitTransposeTests
{
    private static readonly LaneWidth[] Widths = [LaneWidth.Scalar64, LaneWidth.Vector256, LaneWidth.Vector512, LaneWidth.Vector512x4];

    private static readonly Gen<ulong[]> Matrices = Gen.ULong.Array[64];

    [Test]
    public void Transposing_twice_is_the_identity() =>
        Matrices.Sample(m =>
        {
            var t = (ulong[])m.Clone();
            BitTranspose.Transpose(t);
            BitTranspose.Transpose(t);
            return t.AsSpan().SequenceEqual(m);
        });

    [Test]
    public void Transpose_equals_the_bit_by_bit_transpose() =>
        Matrices.Sample(m =>
        {
            var t = (ulong[])m.Clone();
            BitTranspose.Transpose(t);
            return t.AsSpan().SequenceEqual(BitTranspose.TransposeBitByBit(m));
        });

    [Test]
    public void Eight_matrices_at_once_equal_eight_transposes() =>
        Matrices.Array[8].Sample(ms =>
        {
            var rows = new Vector512<ulong>[64];
            for (int r = 0; r < 64; r++) rows[r] = Vector512.Create(ms.Select(m => m[r]).ToArray());
            BitTranspose.Transpose(rows);
            for (int g = 0; g < 8; g++)
            {
                var expected = BitTranspose.TransposeBitByBit(ms[g]);
                for (int r = 0; r < 64; r++)
                    if (rows[r][g] != expected[r]) return false;
            }
            return true;
        });

    [Test]
    public void Identity_and_single_entries_transpose_as_matrices_do()
    {
        var identity = Enumerable.Range(0, 64).Select(i => 1UL << i).ToArray();
        BitTranspose.Transpose(identity);
        Assert.That(identity, Is.EqualTo(Enumerable.Range(0, 64).Select(i => 1UL << i).ToArray()));
        var single = new ulong[64];
        single[3] = 1UL << 60; // entry (3, 60)
        BitTranspose.Transpose(single);
        Assert.That(single[60], Is.EqualTo(1UL << 3));
        Assert.That(single.Count(r => r != 0), Is.EqualTo(1));
    }

    // Word lists with 0 … 1500 words (so bundles, lane words and groups of eight lane words end mid-way),
    // lengths 0 … 200 (chunks of 64 positions end mid-way, and words shorter than their neighbours); words
    // longer than one tile of 1 024 positions below.
    private static readonly Gen<(int Symbols, int[][] Words)> Batches =
        Gen.Int[1, 4].SelectMany(symbols =>
            Gen.Int[0, 200].SelectMany(longest => Gen.Int[0, symbols - 1].Array[0, longest].Array[0, 1500])
                .Select(words => (symbols, words)));

    [Test]
    public void Batches_built_by_transposes_equal_the_bit_by_bit_layout() =>
        Batches.Sample(x =>
        {
            foreach (var width in Widths)
            {
                var fast = BitBatch.Create(x.Words, x.Symbols, width);
                var twin = BitBatch.CreateBitByBit(x.Words, x.Symbols, width);
                if (fast.MaxLength != twin.MaxLength || fast.WordsPerBundle != twin.WordsPerBundle || !fast.Bits.SequenceEqual(twin.Bits))
                    throw new Exception($"{x.Words.Length} words over {x.Symbols} symbols, {width}: layouts differ");
            }
        }, iter: 60);

    [Test]
    public void Batches_from_bytes_equal_the_bit_by_bit_layout() =>
        Batches.Sample(x =>
        {
            var bytes = ByteWords.From(x.Words);
            foreach (var width in Widths)
            {
                var fast = BitBatch.Create(bytes, x.Symbols, width);
                var twin = BitBatch.CreateBitByBit(x.Words, x.Symbols, width);
                if (fast.MaxLength != twin.MaxLength || fast.Count != twin.Count || !fast.Bits.SequenceEqual(twin.Bits))
                    throw new Exception($"{x.Words.Length} words over {x.Symbols} symbols, {width}: byte layout differs");
            }
        }, iter: 60);

    [Test]
    public void Byte_words_keep_their_words_and_check_their_offsets()
    {
        var words = ByteWords.FromOffsets([0, 1, 1, 0, 1], [0, 2, 2]);
        Assert.That(words.Count, Is.EqualTo(3));
        Assert.That((words[0].ToArray(), words[1].ToArray(), words[2].ToArray()), Is.EqualTo((new byte[] { 0, 1 }, Array.Empty<byte>(), new byte[] { 1, 0, 1 })));
        Assert.That(ByteWords.Uniform(new byte[12], 4).Count, Is.EqualTo(3));
        Assert.Throws<ArgumentException>(() => ByteWords.FromOffsets([0, 1], [0, 3]));
        Assert.Throws<ArgumentException>(() => ByteWords.FromOffsets([0, 1], [1]));
        Assert.Throws<ArgumentException>(() => ByteWords.Uniform(new byte[5], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => ByteWords.From([[256]]));
    }

    [Test]
    public void A_byte_outside_the_alphabet_names_the_first_offending_word()
    {
        var words = Enumerable.Range(0, 700).Select(i => new int[130]).ToList();
        words[650][129] = 5;
        words[600][70] = 2;
        var bytes = ByteWords.From(words);
        foreach (var width in Widths)
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => BitBatch.Create(bytes, 2, width));
            Assert.That(e!.Message, Does.StartWith("word 600 has symbol index 2 outside 0…1"));
        }
    }

    [Test]
    public void Long_words_span_several_tiles_of_positions() =>
        Gen.Int[0, 1].SelectMany(_ => Gen.Int[0, 2].Array[0, 2300].Array[500, 700]).Sample(words =>
        {
            var fast = BitBatch.Create(words, 3, LaneWidth.Vector512x4);
            var twin = BitBatch.CreateBitByBit(words, 3, LaneWidth.Vector512x4);
            return fast.Bits.SequenceEqual(twin.Bits);
        }, iter: 4);

    [Test]
    public void A_symbol_outside_the_alphabet_names_the_first_offending_word()
    {
        var words = Enumerable.Range(0, 700).Select(i => new int[130]).ToList();
        words[650][129] = 5;
        words[600][70] = -1;
        foreach (var width in Widths)
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => BitBatch.Create(words, 2, width));
            Assert.That(e!.Message, Does.StartWith("word 600 has symbol index -1 outside 0…1"));
        }
    }
}
