using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Corpora.Writers;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Corpora.Tests;

public class CorpusFormatsTests
{
    [Test]
    public void Corpus_strings_round_trip_for_letter_and_identifier_alphabets()
    {
        foreach (var alphabet in new[] { Alphabet.Of("a", "b", "c"), Alphabet.Of("a1", "b0", "c") })
            foreach (var w in RandomDfa.AllWords(alphabet, 4))
            {
                var text = CorpusFormats.FormatWord(w, alphabet);
                Assert.That(CorpusFormats.TryParseWord(text, alphabet, out var back, out var error), Is.True, error);
                Assert.That(back, Is.EqualTo(w), text);
            }
        Assert.That(CorpusFormats.FormatWord(Word.Empty, Alphabet.Of("a")), Is.EqualTo(""));
        Assert.That(CorpusFormats.FormatWord(Word.Of(0, 1), Alphabet.Of("a1", "b0")), Is.EqualTo("a1 b0"));
    }

    [Test]
    public void Parsing_rejects_unknown_symbols_with_their_offset()
    {
        Assert.That(CorpusFormats.TryParseWord("abxa", Alphabet.Of("a", "b"), out var w, out var error), Is.False);
        Assert.That(w, Is.Null);
        Assert.That(error, Does.Contain("'x' at offset 2"));
        Assert.That(CorpusFormats.TryParseWord("ab é", Alphabet.Of("a", "b"), out _, out _), Is.False);
    }
}
