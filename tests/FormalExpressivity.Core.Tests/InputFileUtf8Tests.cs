using System.Text;
using FormalExpressivity.Core.IO;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Core.Tests;

/// <summary><see cref="InputFile.ReadAllUtf8"/> sees the same text as <see cref="InputFile.ReadAllText"/>, under the same limit.</summary>
public class InputFileUtf8Tests
{
    private static IEnumerable<TestCaseData> Encodings()
    {
        const string text = "0 1 a\n1 0 b\r\n# é ✓ 𝔄\n";
        yield return new TestCaseData(Encoding.UTF8.GetBytes(text), text).SetName("UTF-8");
        yield return new TestCaseData(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(), text).SetName("UTF-8 with BOM");
        yield return new TestCaseData(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(), text).SetName("UTF-16 LE with BOM");
        yield return new TestCaseData(Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(text)).ToArray(), text).SetName("UTF-16 BE with BOM");
        yield return new TestCaseData(new byte[] { (byte)'a', 0xFF, (byte)'b' }, "a\uFFFDb").SetName("invalid UTF-8");
        yield return new TestCaseData(Array.Empty<byte>(), "").SetName("empty");
    }

    [TestCaseSource(nameof(Encodings))]
    public void The_bytes_decode_to_the_text_reader_s_text(byte[] content, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fex-utf8-{Guid.NewGuid():N}.att");
        try
        {
            File.WriteAllBytes(path, content);
            using var utf8 = InputFile.ReadAllUtf8(path);
            Assert.That(utf8.Decode(), Is.EqualTo(expected));
            Assert.That(utf8.Decode(), Is.EqualTo(InputFile.ReadAllText(path)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_large_file_is_read_whole_and_the_limit_still_holds()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fex-utf8-{Guid.NewGuid():N}.att");
        try
        {
            var content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 50_000).Select(i => $"{i} {i + 1} a\n")));
            File.WriteAllBytes(path, content);
            using (var utf8 = InputFile.ReadAllUtf8(path)) Assert.That(utf8.Bytes.ToArray(), Is.EqualTo(content));
            using (InputFile.Use(new InputFile(content.Length - 1)))
                Assert.Throws<BudgetExceededException>(() => InputFile.ReadAllUtf8(path).Dispose());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
