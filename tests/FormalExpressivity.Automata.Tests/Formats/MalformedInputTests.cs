using FormalExpressivity.Automata.Formats;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Automata.Tests.Formats;

/// <summary>Golden tests: every malformed input gives positioned diagnostics, rendered with carets.</summary>
public class MalformedInputTests
{
    private const string Ok = """{"type":"dfa","alphabet":["a","b"],"states":2,"start":0,"accepting":[1],"transitions":[[0,"a",1],[0,"b",0],[1,"a",1],[1,"b",0]]}""";

    public static IEnumerable<TestCaseData> JsonCases()
    {
        yield return Case("json_empty", "", "JSON001");
        yield return Case("json_truncated", "{\n  \"alphabet\": [\"a\"],\n  \"states\": 1", "JSON001");
        yield return Case("json_bare_word", "{\n  \"alphabet\": [a]\n}", "JSON001");
        yield return Case("json_top_level_array", "[1, 2]", "JSON002");
        yield return Case("json_states_string", Ok.Replace("\"states\":2", "\"states\":\"2\""), "JSON002");
        yield return Case("json_missing_start", Ok.Replace("\"start\":0,", ""), "JSON003");
        yield return Case("json_duplicate_key", Ok.Replace("\"start\":0,", "\"start\":0,\n\"start\":1,"), "JSON004");
        yield return Case("json_invalid_symbol_name", Ok.Replace("[\"a\",\"b\"]", "[\"a\",\"1x\"]"), "JSON006");
        yield return Case("json_duplicate_symbol", Ok.Replace("[\"a\",\"b\"]", "[\"a\",\"a\"]"), "JSON006");
        yield return Case("json_unknown_symbol", Ok.Replace("[1,\"b\",0]", "[1,\"c\",0]"), "JSON007");
        yield return Case("json_target_out_of_range", Ok.Replace("[1,\"a\",1]", "[1,\"a\",7]"), "JSON008");
        yield return Case("json_accepting_out_of_range", Ok.Replace("\"accepting\":[1]", "\"accepting\":[2]"), "JSON008");
        yield return Case("json_duplicate_transition", Ok.Replace("[1,\"b\",0]]", "[1,\"b\",0],\n[1,\"b\",1]]"), "JSON009");
        yield return Case("json_missing_transition", Ok.Replace(",[1,\"b\",0]", ""), "JSON010");
        yield return Case("json_nfa_where_dfa_required", Ok.Replace("\"dfa\"", "\"nfa\""), "JSON011");
        yield return Case("json_unknown_type", Ok.Replace("\"dfa\"", "\"pda\""), "JSON011");
        yield return Case("json_zero_states", Ok.Replace("\"states\":2", "\"states\":0"), "JSON012");
        yield return Case("json_short_transition", Ok.Replace("[1,\"b\",0]", "[1,\"b\"]"), "JSON013");
        yield return Case("json_epsilon_in_dfa", Ok.Replace("[1,\"b\",0]", "[1,null,0]"), "JSON014");
        yield return Case("json_two_starts", Ok.Replace("\"start\":0", "\"start\":[0,1]"), "JSON015");
    }

    public static IEnumerable<TestCaseData> AttCases()
    {
        yield return Case("att_empty", "\n\n", "ATT001");
        yield return Case("att_too_many_fields", "0 1 a a 0.5 extra\n1\n", "ATT002");
        yield return Case("att_state_not_a_number", "0 1 a\n1 x b\n", "ATT003");
        yield return Case("att_state_too_large", "0 1 a\n1 99999999999 a\n", "ATT004");
        yield return Case("att_unknown_symbol", "0 1 a\n0 0 b\n1 1 a\n1 0 c\n1\n", "ATT005");
        yield return Case("att_invalid_symbol", "0 1 a\n0 0 b-c\n", "ATT005");
        yield return Case("att_transducer", "0 1 a b\n1\n", "ATT006");
        yield return Case("att_bad_weight", "0 1 a a heavy\n1\n", "ATT007");
        yield return Case("att_epsilon_in_dfa", "0 1 a\n0 1 <eps>\n1 1 a\n1\n", "ATT008");
        yield return Case("att_duplicate_arc", "0 1 a\n0 0 a\n1 1 a\n1\n", "ATT009");
        yield return Case("att_missing_arc", "0 1 a\n0 0 b\n1 1 a\n1\n", "ATT010");
        yield return Case("att_state_without_arcs", "0 2 a\n2 0 a\n2\n", "ATT010");
    }

    private static TestCaseData Case(string name, string text, string code) => new TestCaseData(name, text, code).SetName(name);

    [TestCaseSource(nameof(JsonCases))]
    public void Malformed_json_gives_positioned_diagnostics(string name, string text, string code)
    {
        var result = DfaJson.ReadDfa(text);
        Check(name, text, code, result);
    }

    [TestCaseSource(nameof(AttCases))]
    public void Malformed_att_gives_positioned_diagnostics(string name, string text, string code)
    {
        var alphabet = name == "att_unknown_symbol" ? Alphabet.Of("a", "b") : null;
        var result = AttFormat.ReadDfa(text, alphabet);
        Check(name, text, code, result);
    }

    private static void Check(string name, string text, string code, ParseResult<Dfa> result)
    {
        Assert.That(result.Success, Is.False, name);
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain(code), name);
        foreach (var d in result.Diagnostics)
        {
            Assert.That(d.Span.Offset, Is.InRange(0, text.Length), name);
            Assert.That(SourceSpan.FromOffset(text, d.Span.Offset, d.Span.Length), Is.EqualTo(d.Span), $"{name}: line/column agree with the offset");
        }
        Golden.Match(DiagnosticFormatter.RenderAll(result.Diagnostics, text, name + ".in"), name);
    }

    [Test]
    public void The_well_formed_base_case_reads()
    {
        var dfa = DfaJson.ReadDfa(Ok).GetValueOrThrow();
        Assert.That(dfa.StateCount, Is.EqualTo(2));
        Assert.That(dfa.Accepts(Word.Parse("ba", dfa.Alphabet)), Is.True);
        Assert.That(dfa.Accepts(Word.Parse("ab", dfa.Alphabet)), Is.False);
    }

    [Test]
    public void Unknown_keys_are_warnings_not_errors()
    {
        var result = DfaJson.ReadDfa(Ok.Replace("{", "{\"comment\":\"x\","));
        Assert.That(result.Success, Is.True);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("JSON005"));
    }
}
