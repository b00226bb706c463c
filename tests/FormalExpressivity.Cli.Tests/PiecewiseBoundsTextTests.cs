namespace FormalExpressivity.Cli.Tests;

/// <summary>
/// When the budget max-parameter-states stops PT's search for its least k, the text table's parameter column shows the
/// interval k is known to lie in (the letter-block bound and the depth of the minimal DFA, Klíma–Polák 2013), and the
/// JSON row gives it as parameterBounds (the evidence states both bounds in words).
/// </summary>
public class PiecewiseBoundsTextTests
{
    /// <summary>benchmarks/classify-scale/families.py's po_large_monoid(32, 855): a 32-state partially ordered DFA over {a, b}.</summary>
    private const string PoLargeMonoid855 = @"{""type"":""dfa"",""alphabet"":[""a"",""b""],""states"":32,""start"":0,""accepting"":[0,2,3,4,5,7,8,9,10,14,15,16,18,19,21,22,23,26,30],""transitions"":[[0,""a"",1],[0,""b"",0],[1,""a"",9],[1,""b"",2],[2,""a"",8],[2,""b"",3],[3,""a"",3],[3,""b"",4],[4,""a"",21],[4,""b"",5],[5,""a"",5],[5,""b"",6],[6,""a"",6],[6,""b"",7],[7,""a"",8],[7,""b"",29],[8,""a"",9],[8,""b"",8],[9,""a"",10],[9,""b"",24],[10,""a"",11],[10,""b"",24],[11,""a"",12],[11,""b"",25],[12,""a"",13],[12,""b"",18],[13,""a"",16],[13,""b"",14],[14,""a"",15],[14,""b"",15],[15,""a"",16],[15,""b"",20],[16,""a"",17],[16,""b"",27],[17,""a"",18],[17,""b"",20],[18,""a"",19],[18,""b"",31],[19,""a"",26],[19,""b"",20],[20,""a"",21],[20,""b"",21],[21,""a"",29],[21,""b"",22],[22,""a"",31],[22,""b"",23],[23,""a"",30],[23,""b"",24],[24,""a"",25],[24,""b"",27],[25,""a"",26],[25,""b"",25],[26,""a"",27],[26,""b"",26],[27,""a"",27],[27,""b"",28],[28,""a"",30],[28,""b"",29],[29,""a"",30],[29,""b"",30],[30,""a"",30],[30,""b"",31],[31,""a"",31],[31,""b"",31]]}";

    [Test]
    public void Text_parameter_column_shows_the_bounds_of_an_unproved_least_k()
    {
        var dir = Directory.CreateTempSubdirectory("fex-pt-bounds-");
        try
        {
            var path = Path.Combine(dir.FullName, "po-32-s855.json");
            File.WriteAllText(path, PoLargeMonoid855);
            var (code, output, error) = FexInProcess.Run("classify", path, "--classes", "PT", "--arch", "none");
            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(output, Does.Match(@"(?m)^PT +yes +13 ≤ k ≤ 31$"), output);
            var (jsonCode, json, jsonError) = FexInProcess.Run("classify", path, "--classes", "PT", "--arch", "none", "--json");
            Assert.That(jsonCode, Is.EqualTo(0), jsonError);
            var row = System.Text.Json.Nodes.JsonNode.Parse(json)!["classes"]!["PT"]!;
            Assert.That(row["parameter"], Is.Null);
            Assert.That((int)row["parameterBounds"]!["lower"]!, Is.EqualTo(13));
            Assert.That((int)row["parameterBounds"]!["upper"]!, Is.EqualTo(31));
            Assert.That((string)row["evidence"]!["checked"]!, Does.Contain("k ≥ 13").And.Contain("k ≤ 31"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
