using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Core.Tests;

public class AlphabetAndWordTests
{
    [Test]
    public void Alphabet_keeps_declared_order_and_rejects_bad_or_repeated_names()
    {
        var sigma = Alphabet.Of("b0", "a", "b1");
        Assert.That(sigma.Symbols, Is.EqualTo(new[] { "b0", "a", "b1" }));
        Assert.That(sigma.IndexOf("b1"), Is.EqualTo(2));
        Assert.That(sigma.IndexOf("c"), Is.EqualTo(-1));
        Assert.That(sigma.AllSingleCharacter, Is.False);
        Assert.Throws<ArgumentException>(() => Alphabet.Of("a", "a"));
        Assert.Throws<ArgumentException>(() => Alphabet.Of("1a"));
        Assert.Throws<ArgumentException>(() => Alphabet.Create(Enumerable.Range(0, 65).Select(i => "s" + i)));
        Assert.That(Alphabet.TryParse("{a, b, c}", out var abc, out _), Is.True);
        Assert.That(abc, Is.EqualTo(Alphabet.Of("a", "b", "c")));
        Assert.That(Alphabet.TryParse("a,a", out _, out var error), Is.False);
        Assert.That(error, Does.Contain("twice"));
    }

    [Test]
    public void Words_print_juxtaposed_for_letters_and_spaced_for_identifiers_and_parse_back()
    {
        var ab = Alphabet.Of("a", "b");
        var ids = Alphabet.Of("a", "b0", "b1");
        var w = Word.Parse("abba", ab);
        Assert.That(w.Format(ab), Is.EqualTo("abba"));
        var v = Word.Parse("a b1 b0", ids);
        Assert.That(v.Format(ids), Is.EqualTo("a b1 b0"));
        Assert.That(Word.Parse(v.Format(ids), ids), Is.EqualTo(v));
        Assert.That(Word.Empty.Format(ab), Is.EqualTo("ε"));
        Assert.That(Word.Parse("ε", ab), Is.EqualTo(Word.Empty));
        Assert.That(v.ToNames(ids), Is.EqualTo(new[] { "a", "b1", "b0" }));
        Assert.That(Word.TryParse("abc", ab, out _, out var error), Is.False);
        Assert.That(error, Does.Contain("'c'"));
    }

    [Test]
    public void Shortlex_order_compares_length_first_then_symbols_in_declared_order()
    {
        var ab = Alphabet.Of("a", "b");
        var words = new[] { "ba", "b", "aaa", "ab", "a", "" }.Select(s => Word.Parse(s, ab)).ToList();
        words.Sort();
        Assert.That(words.Select(w => w.Format(ab)), Is.EqualTo(new[] { "ε", "a", "b", "ab", "ba", "aaa" }));
    }

    [Test]
    public void Word_operations_concatenate_repeat_reverse_and_slice()
    {
        var ab = Alphabet.Of("a", "b");
        var w = Word.Parse("ab", ab);
        Assert.That(w.Repeat(3).Format(ab), Is.EqualTo("ababab"));
        Assert.That(w.Concat(Word.Parse("b", ab)).Reverse().Format(ab), Is.EqualTo("bba"));
        Assert.That(w.Repeat(3).Slice(1, 3).Format(ab), Is.EqualTo("bab"));
        Assert.That(w.Append(0), Is.EqualTo(Word.Parse("aba", ab)));
        Assert.That(w.Repeat(0), Is.EqualTo(Word.Empty));
    }

    [Test]
    public void Symbol_sets_are_masks()
    {
        var s = SymbolSet.Single(0).With(3);
        Assert.That(s.Members(), Is.EqualTo(new[] { 0, 3 }));
        Assert.That(s.Complement(4).Members(), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(SymbolSet.FirstN(64).Count, Is.EqualTo(64));
        Assert.That(s.Contains(3) && !s.Contains(2), Is.True);
    }
}
