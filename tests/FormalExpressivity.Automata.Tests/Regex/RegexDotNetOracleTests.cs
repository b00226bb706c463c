using System.Text.RegularExpressions;
using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Regex;
using FormalExpressivity.Testing;
using DotNetRegex = System.Text.RegularExpressions.Regex;

namespace FormalExpressivity.Automata.Tests.Regex;

public class RegexDotNetOracleTests
{
    [Test]
    public void Membership_agrees_with_System_Text_RegularExpressions_on_plain_regexes()
    {
        const int seed = 20261129;
        var random = new Random(seed);
        for (int trial = 0; trial < 600; trial++)
        {
            var alphabet = RandomDfa.Letters(1 + random.Next(3));
            var raw = RandomRegex.Create(random, alphabet.Count, 1 + random.Next(14), extended: false);
            var text = raw.ToText(alphabet, random.Next(6));
            var pattern = "^(?:" + raw.ToDotNet(alphabet) + @")\z";
            var oracle = new DotNetRegex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            foreach (var construction in new[] { RegexConstruction.Derivatives, RegexConstruction.Thompson })
            {
                var dfa = RegexCompiler.ToDfa(RegexParser.Parse(text, alphabet).Value, new RegexCompilerOptions { Construction = construction });
                for (int i = 0; i < 40; i++)
                {
                    var symbols = new int[random.Next(0, 12)];
                    for (int j = 0; j < symbols.Length; j++) symbols[j] = random.Next(alphabet.Count);
                    var word = Word.Of(symbols);
                    var s = word.Format(alphabet);
                    if (s == "ε") s = "";
                    Assert.That(dfa.Accepts(word), Is.EqualTo(oracle.IsMatch(s)),
                        $"seed {seed}, trial {trial}, {construction}: '{text}' vs /{pattern}/ on '{s}'");
                }
            }
        }
    }
}
