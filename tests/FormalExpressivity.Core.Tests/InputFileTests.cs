using System.Text;
using FormalExpressivity.Core.IO;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Randomness;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Core.Tests;

/// <summary>
/// The bounded input reader: its own line splitter agrees with <see cref="StreamReader.ReadLine"/> (the twin)
/// on every mix of \n, \r\n and \r, also across buffer boundaries, and one endless line stops at the memory
/// budget or the input limit instead of growing without bound.
/// </summary>
public sealed class InputFileTests
{
    private static List<string> Twin(string text)
    {
        using var reader = new StringReader(text);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return lines;
    }

    [Test]
    public void Lines_agree_with_StreamReader_on_random_line_breaks()
    {
        var random = new SplitMix64(15);
        string[] pieces = ["a", "bc", "\n", "\r", "\r\n", "\n\r", "😀", "", new string('x', 70_000)];
        var path = Path.GetTempFileName();
        try
        {
            for (int trial = 0; trial < 200; trial++)
            {
                var sb = new StringBuilder();
                int count = random.NextInt(12);
                for (int i = 0; i < count; i++) sb.Append(pieces[random.NextInt(pieces.Length)]);
                var text = sb.ToString();
                File.WriteAllText(path, text, new UTF8Encoding(false));
                Assert.That(InputFile.ReadLines(path).ToList(), Is.EqualTo(Twin(text)), $"trial {trial}: {text.Replace("\r", "\\r").Replace("\n", "\\n")[..Math.Min(200, text.Length)]}");
            }
            // A \r\n split exactly at the 64 Ki-character buffer boundary.
            var boundary = new string('y', (1 << 16) - 1) + "\r\nz";
            File.WriteAllText(path, boundary, new UTF8Encoding(false));
            Assert.That(InputFile.ReadLines(path).ToList(), Is.EqualTo(Twin(boundary)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A FIFO fed endlessly from /dev/zero by a <c>cat</c> process (ended when the reader closes the pipe or the scope ends).</summary>
    private sealed class EndlessPipe : IDisposable
    {
        private readonly System.Diagnostics.Process _writer;

        public EndlessPipe(string path)
        {
            Path = path;
            if (!File.Exists(path))
                using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path])) mkfifo.WaitForExit();
            _writer = System.Diagnostics.Process.Start("sh", ["-c", $"exec cat /dev/zero > '{path}'"])!;
        }

        public string Path { get; }

        public void Dispose()
        {
            if (!_writer.HasExited) _writer.Kill();
            _writer.WaitForExit();
            _writer.Dispose();
        }
    }

    [Test]
    public void An_endless_line_stops_at_the_memory_budget()
    {
        if (!File.Exists("/dev/zero") || !OperatingSystem.IsLinux()) Assert.Ignore("no /dev/zero");
        var dir = Directory.CreateTempSubdirectory("fex-input-");
        try
        {
            var fifo = System.IO.Path.Combine(dir.FullName, "endless");
            using var budget = MemoryBudget.Use(new MemoryBudget(64L << 20));
            using var input = InputFile.Use(new InputFile(1L << 30));
            using (new EndlessPipe(fifo))
            {
                var e = Assert.Throws<BudgetExceededException>(() => InputFile.ReadLines(fifo).First());
                Assert.That(e!.BudgetName, Is.EqualTo("max-memory"));
            }
            using var smaller = InputFile.Use(new InputFile(1L << 20));
            using (new EndlessPipe(fifo))
            {
                var limit = Assert.Throws<BudgetExceededException>(() => InputFile.ReadLines(fifo).First());
                Assert.That(limit!.BudgetName, Is.EqualTo("max-input-bytes"));
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>A character device, directly or through a link, is refused before a byte is read, by every reader.</summary>
    [Test]
    public void A_device_is_refused_before_it_is_read()
    {
        if (!File.Exists("/dev/zero") || !OperatingSystem.IsLinux()) Assert.Ignore("no /dev/zero");
        var dir = Directory.CreateTempSubdirectory("fex-input-");
        try
        {
            var link = System.IO.Path.Combine(dir.FullName, "z.json");
            File.CreateSymbolicLink(link, "/dev/urandom");
            Assert.That(FileKind.IsDevice("/dev/zero"), Is.True);
            Assert.That(FileKind.IsDevice(link), Is.True);
            Assert.That(FileKind.IsDevice(dir.FullName), Is.False);
            foreach (var path in new[] { "/dev/zero", "/dev/urandom", link })
            {
                Assert.That(Assert.Throws<IOException>(() => InputFile.ReadAllText(path))!.Message, Does.Contain("it is a device"));
                Assert.Throws<IOException>(() => InputFile.ReadLines(path).First());
                Assert.Throws<IOException>(() => InputFile.ReadAllUtf8(path).Dispose());
                Assert.Throws<IOException>(() => InputFile.Current.OpenSeekable(path).Dispose());
            }
            Assert.That(Assert.Throws<IOException>(() => InputFile.ReadAllText(link))!.Message, Does.Contain("through a symbolic link"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
