using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using NUnit.Framework;

namespace FormalExpressivity.Playground.Tests;

/// <summary>For every language of examples/ and tests/data/claims, the page's verdicts and parameters (read from the DOM) equal <c>fex classify --json</c>'s.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ClassifyParityTests
{
    private IPage _page = null!;

    [OneTimeSetUp]
    public async Task OpenAsync() => _page = await Browser.OpenAsync();

    [OneTimeTearDown]
    public async Task CloseAsync() => await _page.Context.CloseAsync();

    public static IEnumerable<LanguageCase> Cases() => Languages.All();

    [Test]
    public void The_examples_hold_enough_languages() =>
        Assert.That(Languages.All().Count(), Is.GreaterThanOrEqualTo(30));

    [TestCaseSource(nameof(Cases))]
    public async Task Page_verdicts_and_parameters_equal_fex_classify_json(LanguageCase language)
    {
        var (code, stdout, stderr) = Fex.Run(language.CliArguments);
        await Browser.ClassifyAsync(_page, language.Text, language.Alphabet);
        var error = await _page.QuerySelectorAsync("#error");
        if (code != 0)
        {
            // A bad language of tests/data/claims/bad: the page shows the CLI's message.
            Assert.That(code, Is.EqualTo(3), stderr);
            Assert.That(error, Is.Not.Null, "the page shows the error");
            Assert.That(await error!.TextContentAsync(), Is.EqualTo(stderr));
            Assert.That(await _page.QuerySelectorAsync("#classes"), Is.Null, "no stale report next to an error");
            return;
        }
        Assert.That(error, Is.Null, error is null ? "" : await error.TextContentAsync());
        var expected = System.Text.Json.Nodes.JsonNode.Parse(stdout)!.AsObject();

        var classes = await ReadRowsAsync("#classes tr[data-key]", "data-member", "data-parameter");
        var archs = await ReadRowsAsync("#architectures tr[data-key]", "data-verdict", "data-depth");
        var expectedClasses = expected["classes"]!.AsObject().ToDictionary(
            kv => kv.Key,
            kv => (Member(kv.Value!["member"]), Int(kv.Value!["parameter"])));
        var expectedArchs = expected["architectures"]!.AsObject().ToDictionary(
            kv => kv.Key,
            kv => (kv.Value!["verdict"]!.GetValue<string>(), Int(kv.Value!["depth"])));
        Assert.Multiple(() =>
        {
            Assert.That(classes, Is.EquivalentTo(expectedClasses), "classes: member and parameter");
            Assert.That(archs, Is.EquivalentTo(expectedArchs), "architectures: verdict and depth");
        });
        Assert.That(await _page.GetAttributeAsync("#dfa", "data-states"), Is.EqualTo(expected["states"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture)));
    }

    private async Task<Dictionary<string, (string, string)>> ReadRowsAsync(string selector, string first, string second)
    {
        var rows = await _page.QuerySelectorAllAsync(selector);
        var result = new Dictionary<string, (string, string)>();
        foreach (var row in rows)
            result[(await row.GetAttributeAsync("data-key"))!] = ((await row.GetAttributeAsync(first)) ?? "", (await row.GetAttributeAsync(second)) ?? "");
        return result;
    }

    private static string Member(JsonNode? n) => n is null ? "null" : n.GetValue<bool>() ? "true" : "false";

    private static string Int(JsonNode? n) => n is null ? "" : n.GetValue<int>().ToString(CultureInfo.InvariantCulture);
}
