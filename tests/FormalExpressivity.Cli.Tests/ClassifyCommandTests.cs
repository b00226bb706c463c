using System.Text.Json.Nodes;

namespace FormalExpressivity.Cli.Tests;

public class ClassifyCommandTests
{
    const string AbStar = """
        {"type":"dfa","alphabet":["a","b"],"states":3,"start":0,"accepting":[0],
         "transitions":[[0,"a",1],[0,"b",2],[1,"a",2],[1,"b",0],[2,"a",2],[2,"b",2]]}
        """;

    static (int Code, string Out, string Err) Run(params string[] args) => FexInProcess.Run(args);

    static string Temp(string content, string extension = ".json")
    {
        var path = Path.Combine(Path.GetTempPath(), "fex-classify-" + Guid.NewGuid().ToString("N") + extension);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Issue 16: a budget stop in one class row leaves every other row answered; the stopped rows name the budget and its flag.</summary>
    [Test]
    public void A_semigroup_budget_stop_leaves_the_other_class_rows_answered()
    {
        var (code, output, err) = Run("classify", "re:(ab)*", "--max-semigroup", "3", "--window-sizes", "1", "--json");
        Assert.That(code, Is.EqualTo(0), err);
        var classes = JsonNode.Parse(output)!["classes"]!.AsObject();
        // R, LR, SF, LT, DA and L have DFA tests or inclusions (L ⊆ DA refutes L); LTT of a language in LR but not
        // in LT needs the semigroup (more than 3 elements).
        Assert.That(classes["R"]!["member"]!.GetValue<bool>(), Is.False);
        Assert.That(classes["LR"]!["member"]!.GetValue<bool>(), Is.True);
        Assert.That(classes["SF"]!["member"]!.GetValue<bool>(), Is.True);
        Assert.That(classes["LT"]!["member"]!.GetValue<bool>(), Is.True);
        Assert.That(classes["D"]!["member"]!.GetValue<bool>(), Is.False);
        Assert.That(classes["DA"]!["member"]!.GetValue<bool>(), Is.False, "the DA pattern needs no semigroup");
        Assert.That(classes["L"]!["member"]!.GetValue<bool>(), Is.False, "L ⊆ DA");
        var (ltCode, ltOutput, ltErr) = Run("classify", "re:(a|b|c)*a(a|b|c)*b(a|b|c)*", "--max-semigroup", "3", "--window-sizes", "1", "--json");
        Assert.That(ltCode, Is.EqualTo(0), ltErr);
        var lt = JsonNode.Parse(ltOutput)!["classes"]!.AsObject();
        Assert.That(lt["LT"]!["member"]!.GetValue<bool>(), Is.False, "Kim–McNaughton–McCloskey on the DFA");
        Assert.That(lt["PT"]!["member"]!.GetValue<bool>(), Is.True);
        Assert.That(lt["LTT"]!["member"], Is.Null, "LTT");
        Assert.That(lt["LTT"]!["evidence"]!["kind"]!.GetValue<string>(), Is.EqualTo("budget-stop"));
        Assert.That(lt["LTT"]!["evidence"]!["flag"]!.GetValue<string>(), Is.EqualTo("--max-semigroup"));
        // One wording of a budget stop (VerdictText), in JSON as in text, class rows as verdict rows.
        Assert.That(lt["LTT"]!["evidence"]!["text"]!.GetValue<string>(), Does.StartWith("the budget max-semigroup = 3 (").And.EndWith("; raise --max-semigroup)"));
        var (textCode, text, _) = Run("classify", "re:(a|b|c)*a(a|b|c)*b(a|b|c)*", "--max-semigroup", "3", "--window-sizes", "1", "--classes", "LTT,R");
        Assert.That(textCode, Is.EqualTo(0));
        Assert.That(text, Does.Match(@"LTT +unknown +stopped by the budget max-semigroup = 3 \(.*; raise --max-semigroup\)"));
        Assert.That(text, Does.Contain("R          yes"));
        Assert.That(text, Does.Not.Contain("LR "), "--classes skips the other rows");
        // A partially ordered DFA needs no semigroup for L, J and PT: local confluence decides them (Klíma–Polák 2013).
        var (poCode, po, poErr) = Run("classify", "re:(a|b|c)*a(a|b|c)*b(a|b|c)*", "--max-semigroup", "3", "--classes", "L,J,PT", "--arch", "none", "--json");
        Assert.That(poCode, Is.EqualTo(0), poErr);
        foreach (var row in new[] { "L", "J", "PT" })
        {
            var v = JsonNode.Parse(po)!["classes"]![row]!;
            Assert.That(v["member"]!.GetValue<bool>(), Is.True, row);
            Assert.That(v["decidedBy"]!.GetValue<string>(), Does.Contain("local confluence"), row);
        }
    }

    /// <summary>
    /// Issue 10: the global-nonstrict row of Σ*abΣ* reports the smallest formula of the non-strict grammar, P⁼(b ∧ P⁼ a)
    /// written (P a | a) &amp; b | P ((P a | a) &amp; b): 14 printed nodes, none of size ≤ 13 (the type search's formula had 1 004).
    /// </summary>
    [Test]
    public void The_global_nonstrict_row_of_sigma_ab_sigma_prints_its_smallest_formula()
    {
        var (code, output, err) = Run("classify", "re:(a|b)*ab(a|b)*", "--alphabet", "a,b", "--arch", "global-nonstrict", "--classes", "SF", "--max-formula-size", "14", "--json");
        Assert.That(code, Is.EqualTo(0), err);
        var row = JsonNode.Parse(output)!["architectures"]!["global-nonstrict"]!;
        Assert.That(row["verdict"]!.GetValue<string>(), Is.EqualTo("yes"));
        Assert.That(row["formulaSize"]!.GetValue<int>(), Is.EqualTo(14));
        Assert.That(row["formulaChecked"]!.GetValue<bool>(), Is.True);
        Assert.That(row["smallest"]!["proved"]!.GetValue<bool>(), Is.True);
        Assert.That(row["smallest"]!["grammar"]!.GetValue<string>(), Does.Contain("P<= H<="));
        // The printed size is the tree's: parse the formula back and count.
        var printed = FormalExpressivity.Syntax.Temporal.LtlParser.ParseOrThrow(row["formula"]!.GetValue<string>());
        Assert.That(printed.Size, Is.EqualTo(14), printed.ToString());
        // Under the default max-formula-size (10) no formula is small enough, and the type search's formula is simplified by the tables.
        var (textCode, text, _) = Run("classify", "re:(a|b)*ab(a|b)*", "--alphabet", "a,b", "--arch", "global-nonstrict", "--classes", "SF", "--json");
        Assert.That(textCode, Is.EqualTo(0));
        var fallback = JsonNode.Parse(text)!["architectures"]!["global-nonstrict"]!;
        Assert.That(fallback["smallest"]!["proved"]!.GetValue<bool>(), Is.False);
        Assert.That(fallback["smallest"]!["simplified"]!.GetValue<bool>(), Is.True);
        Assert.That(fallback["formulaSize"]!.GetValue<int>(), Is.LessThan(1004));
    }

    [Test]
    public void Classes_option_rejects_an_unknown_class_with_exit_2()
    {
        var (code, _, err) = Run("classify", "re:a", "--classes", "R,XX");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(err, Does.Contain("--classes: 'XX' is not a class"));
    }

    [Test]
    public void Arch_option_reports_only_the_named_rows_and_none_skips_them()
    {
        var (code, output, err) = Run("classify", "re:(ab)*", "--classes", "SF", "--arch", "global,Ywin:1", "--json");
        Assert.That(code, Is.EqualTo(0), err);
        var root = JsonNode.Parse(output)!.AsObject();
        Assert.That(root["architectures"]!.AsObject().Select(kv => kv.Key), Is.EqualTo(new[] { "global" }));
        Assert.That(root["classes"]!.AsObject().Select(kv => kv.Key), Is.EqualTo(new[] { "SF", "Ywin:1" }));
        Assert.That(root["architectures"]!["global"]!["verdict"]!.GetValue<string>(), Is.EqualTo("no"));
        var (noneCode, text, _) = Run("classify", "re:(ab)*", "--classes", "SF", "--arch", "none");
        Assert.That(noneCode, Is.EqualTo(0));
        Assert.That(text, Does.Contain("SF         yes"));
        Assert.That(text, Does.Not.Contain("architecture").And.Not.Contain("Ywin"));
        var (badCode, _, badErr) = Run("classify", "re:a", "--arch", "local:0");
        Assert.That(badCode, Is.EqualTo(2));
        Assert.That(badErr, Does.Contain("--arch: 'local:0' is not a row of classify"));
    }

    [Test]
    public void Json_report_of_ab_star_has_the_documented_keys_and_verdicts()
    {
        var path = Temp(AbStar);
        try
        {
            var (code, output, err) = Run("classify", path, "--json", "--max-depth", "2", "--window-sizes", "1,2");
            Assert.That(code, Is.EqualTo(0), err);
            var root = JsonNode.Parse(output)!.AsObject();
            Assert.That(root["states"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(root["classes"]!["LR"]!["member"]!.GetValue<bool>(), Is.True);
            Assert.That(root["classes"]!["R"]!["member"]!.GetValue<bool>(), Is.False);
            Assert.That(root["architectures"]!["global"]!["verdict"]!.GetValue<string>(), Is.EqualTo("no"));
            Assert.That(root["architectures"]!["hybrid:1"]!["verdict"]!.GetValue<string>(), Is.EqualTo("yes"));
            Assert.That(root["architectures"]!["hybrid:1"]!["formulaChecked"]!.GetValue<bool>(), Is.True);
            Assert.That(root["architectures"]!.AsObject().Select(kv => kv.Key), Is.EqualTo(new[] { "global", "global-nonstrict", "local:1", "local:2", "hybrid:1", "hybrid:2", "uha" }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Text_report_lists_witness_words_and_formulas()
    {
        var path = Temp(AbStar);
        try
        {
            var (code, output, _) = Run("classify", path, "--max-depth", "2", "--window-sizes", "1");
            Assert.That(code, Is.EqualTo(0));
            Assert.That(output, Does.Contain("global            no"));
            Assert.That(output, Does.Contain("in L: "));
            Assert.That(output, Does.Contain("formula (size"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Declared_alphabet_changes_the_language()
    {
        // Σ*aΣ* style: (ab)* over {a,b,c}: c leads to the sink; still LR.
        var path = Temp(AbStar);
        try
        {
            var (code, output, err) = Run("classify", path, "--json", "--alphabet", "a b c", "--max-depth", "1", "--window-sizes", "1");
            Assert.That(code, Is.EqualTo(0), err);
            var root = JsonNode.Parse(output)!.AsObject();
            Assert.That(root["alphabet"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(new[] { "a", "b", "c" }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase("{\"type\":\"dfa\",\"alphabet\":[\"a\"],\"states\":1,\"start\":0,\"accepting\":[],\"transitions\":[]}", "no transition")]
    [TestCase("{\"type\":\"dfa\",\"alphabet\":[\"a\"],\"states\":1,\"start\":0,\"accepting\":[3],\"transitions\":[[0,\"a\",0]]}", "is out of range")]
    [TestCase("{ not json", "error")]
    public void Malformed_files_exit_with_code_3(string content, string message)
    {
        var path = Temp(content);
        try
        {
            var (code, output, err) = Run("classify", path);
            Assert.That(code, Is.EqualTo(3));
            Assert.That(output, Is.Empty);
            Assert.That(err, Does.Contain(message));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Bad_window_sizes_are_usage_errors_and_missing_files_input_errors()
    {
        var path = Temp(AbStar);
        try
        {
            Assert.That(Run("classify", path, "--window-sizes", "0").Code, Is.EqualTo(2));
            Assert.That(Run("classify", path, "--window-sizes", "x").Code, Is.EqualTo(2));
            Assert.That(Run("classify", path + ".missing.json").Code, Is.EqualTo(3));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>Issue 9: no row of a report contradicts an inclusion of the hierarchy — a yes row's every superset row is yes, a no row's every subset row is no.</summary>
public class ClassifyInclusionTests
{
    [Test]
    public void The_counting_window_example_of_issue_9_has_no_row_contradicting_an_inclusion()
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = FexApp.Run(["classify", "ltl:Y[<=3,>=3] c", "--alphabet", "a,b,c", "--window-sizes", "2,3", "--json"], o, e);
        Assert.That(code, Is.EqualTo(0), e.ToString());
        var json = System.Text.Json.Nodes.JsonNode.Parse(o.ToString())!;
        var rows = new Dictionary<FormalExpressivity.Classes.Architectures.Architecture, string>();
        foreach (var (key, node) in json["architectures"]!.AsObject())
            rows[Parse(key)] = node!["verdict"]!.GetValue<string>();
        foreach (var (key, node) in json["classes"]!.AsObject())
            if (key.Contains(':', StringComparison.Ordinal))
                rows[Parse(key)] = node!["member"] is { } m ? (m.GetValue<bool>() ? "yes" : "no") : "unknown";
        Assert.That(rows, Has.Count.EqualTo(3 + 4 + 4), "global, global-nonstrict, uha, local:2, local:3, hybrid:2, hybrid:3 and Ywin/PYwin at 2 and 3");
        // The rows the issue saw contradicted: local:2 yes next to hybrid:2 unknown, Ywin:k yes next to PYwin:k unknown.
        Assert.That((rows[Parse("local:2")], rows[Parse("hybrid:2")]), Is.EqualTo(("yes", "yes")));
        foreach (int k in new[] { 2, 3 })
            Assert.That((rows[Parse($"Ywin:{k}")], rows[Parse($"PYwin:{k}")]), Is.EqualTo(("yes", "yes")), $"k = {k}");
        int pairs = 0;
        foreach (var (sub, v) in rows)
            foreach (var (super, w) in rows)
            {
                if (sub == super || !FormalExpressivity.Classes.Architectures.ArchitectureHierarchy.IsIncluded(sub, super)) continue;
                pairs++;
                if (v == "yes") Assert.That(w, Is.EqualTo("yes"), $"{sub.Key} yes ⊆ {super.Key}");
                if (w == "no") Assert.That(v, Is.EqualTo("no"), $"{sub.Key} ⊆ {super.Key} no");
            }
        Assert.That(pairs, Is.GreaterThan(10));
    }

    private static FormalExpressivity.Classes.Architectures.Architecture Parse(string key) =>
        FormalExpressivity.Classes.Architectures.Architecture.TryParse(key, out var a) ? a : throw new AssertionException("not an architecture key: " + key);
}
