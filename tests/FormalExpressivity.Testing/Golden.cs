using System.Runtime.CompilerServices;
using System.Text;
using NUnit.Framework;

namespace FormalExpressivity.Testing;

/// <summary>
/// Golden files: <c>golden/NAME.txt</c> next to the calling test file. A missing file is written
/// (and the test passes) unless SNAPSHOOTER_STRICT_MODE=true, as in CI, where it fails. On a mismatch the
/// actual text is written to <c>golden/__mismatch__/NAME.txt</c>.
/// </summary>
public static class Golden
{
    public static void Match(string actual, string name, [CallerFilePath] string callerFile = "")
    {
        var dir = Path.Combine(Path.GetDirectoryName(callerFile)!, "golden");
        var path = Path.Combine(dir, name + ".txt");
        actual = actual.Replace("\r\n", "\n");
        if (!File.Exists(path))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("SNAPSHOOTER_STRICT_MODE"), "true", StringComparison.OrdinalIgnoreCase))
                Assert.Fail($"golden file {path} is missing (strict mode)");
            Directory.CreateDirectory(dir);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (actual == expected) return;
        // As Snapshooter does: the actual text goes to golden/__mismatch__/ (ignored by git), so a deliberate
        // change is accepted by moving that file over the golden one.
        var mismatch = Path.Combine(dir, "__mismatch__", name + ".txt");
        Directory.CreateDirectory(Path.GetDirectoryName(mismatch)!);
        File.WriteAllText(mismatch, actual, new UTF8Encoding(false));
        Assert.That(actual, Is.EqualTo(expected), $"golden file {path} (actual text: {mismatch}; if the change is deliberate, move it over the golden file)");
    }
}
