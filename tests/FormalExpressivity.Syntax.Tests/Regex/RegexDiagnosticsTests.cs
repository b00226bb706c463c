using System.Text;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Regex;
using Snapshooter.NUnit;

namespace FormalExpressivity.Syntax.Tests.Regex;

public class RegexDiagnosticsTests
{
    private static string DataFile([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "data", "regex-errors.txt"));

    [Test]
    public void Malformed_inputs_give_positioned_diagnostics_with_carets()
    {
        var lines = File.ReadAllLines(DataFile()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.That(lines, Has.Count.GreaterThanOrEqualTo(20));
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            var parts = line.Split('\t', 2);
            var alphabet = parts[0] == "*" ? null : Alphabet.Create(parts[0].Split(','));
            var input = parts[1].Replace("\\n", "\n");
            var result = RegexParser.Parse(input, alphabet);
            Assert.That(result.Success, Is.False, $"'{input}' should be rejected");
            sb.Append("== ").Append(parts[1]).Append("   over ").Append(alphabet?.ToString() ?? "(inferred)").Append('\n');
            sb.Append(DiagnosticFormatter.RenderAll(result.Diagnostics, input));
        }
        Snapshot.Match(sb.ToString());
    }

    [Test]
    public void A_hundred_thousand_nested_parentheses_give_the_nesting_diagnostic()
    {
        var text = new string('(', 100_000) + "a" + new string(')', 100_000);
        var result = RegexParser.Parse(text);
        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("RE004"));
        Assert.That(result.Diagnostics[0].Span.Offset, Is.EqualTo(RegexParser.MaxNestingDepth));
        var unbalanced = RegexParser.Parse(new string('(', 100_000));
        Assert.That(unbalanced.Diagnostics.Single().Code, Is.EqualTo("RE004"));
    }

    [Test]
    public void Nesting_up_to_the_limit_is_accepted()
    {
        int n = RegexParser.MaxNestingDepth;
        var result = RegexParser.Parse(new string('(', n) + "a|b" + new string(')', n) + "*");
        Assert.That(result.Success, Is.True, () => string.Join("; ", result.Diagnostics));
        Assert.That(RegexPrinter.Print(result.Value), Is.EqualTo("Σ*"));
    }

    [Test]
    public void Long_flat_inputs_do_not_recurse()
    {
        var run = RegexParser.Parse(string.Concat(Enumerable.Repeat("ab", 50_000)));
        Assert.That(run.Success, Is.True);
        var spaced = RegexParser.Parse(string.Join(" | ", Enumerable.Repeat("a b*", 20_000)));
        Assert.That(spaced.Success, Is.True);
        var negations = RegexParser.Parse(new string('~', 100_001) + "a");
        Assert.That(RegexPrinter.Print(negations.Value), Is.EqualTo("~a"));
        var printed = RegexPrinter.Print(run.Value);
        Assert.That(printed, Has.Length.EqualTo(100_000));
    }

    [Test]
    public void Deeply_stacked_repetitions_give_the_nesting_diagnostic()
    {
        var result = RegexParser.Parse("a" + string.Concat(Enumerable.Repeat("{2}", 100_000)));
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("RE004"));
    }

    [Test]
    public void Random_garbage_gives_diagnostics_only_never_an_exception()
    {
        const int seed = 4242;
        var random = new Random(seed);
        const string pool = "ab0c1 ()[]^|&-~!¬*+?{},.Σε∅<>_\n$#xyzeps∪∩∖2";
        var alphabet = Alphabet.Of("a", "b", "c", "b0", "x");
        int successes = 0;
        for (int trial = 0; trial < 10_000; trial++)
        {
            int length = random.Next(0, 24);
            var chars = new char[length];
            for (int i = 0; i < length; i++) chars[i] = pool[random.Next(pool.Length)];
            var text = new string(chars);
            var given = random.Next(2) == 0 ? alphabet : null;
            ParseResult<RegexNode> result;
            try
            {
                result = RegexParser.Parse(text, given);
            }
            catch (Exception e)
            {
                Assert.Fail($"seed {seed}, trial {trial}: '{text}' threw {e}");
                return;
            }
            if (result.Success)
            {
                successes++;
                var node = result.Value;
                var again = RegexParser.Parse(RegexPrinter.Print(node), node.Builder);
                Assert.That(again.Success && ReferenceEquals(again.Value, node), Is.True, $"seed {seed}, trial {trial}: '{text}' printed '{node}'");
                continue;
            }
            foreach (var d in result.Diagnostics)
            {
                Assert.That(d.Code, Does.Match("^RE00[1-9]$"), $"seed {seed}, trial {trial}: '{text}'");
                Assert.That(d.Span.Offset + d.Span.Length, Is.LessThanOrEqualTo(text.Length), $"seed {seed}, trial {trial}: '{text}'");
                Assert.DoesNotThrow(() => DiagnosticFormatter.Render(d, text));
            }
        }
        Assert.That(successes, Is.GreaterThan(100), "the pool should also produce valid expressions");
    }
}
