using System.Diagnostics;
using System.Text;
using FormalExpressivity.Automata.Formats;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Automata.Tests.Formats;

/// <summary>
/// Readers stay linear in the file however many problems it has (issue 15): positions of kept
/// diagnostics come from a forward-moving cursor, and dropped diagnostics cost nothing.
/// </summary>
public class LinearDiagnosticsTests
{
    [Test]
    public void Three_hundred_thousand_bad_transitions_are_reported_in_linear_time()
    {
        var text = new StringBuilder("{\"type\":\"dfa\",\"alphabet\":[\"a\"],\"states\":1,\"start\":0,\"accepting\":[],\"transitions\":[");
        for (int i = 0; i < 300_000; i++) text.Append(i == 0 ? "" : ",\n").Append("[0,\"zz\",0]");
        text.Append("]}");
        var watch = Stopwatch.StartNew();
        var result = DfaJson.ReadDfa(text.ToString());
        watch.Stop();
        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error), Is.EqualTo(20));
        Assert.That(watch.Elapsed.TotalSeconds, Is.LessThan(10.0), "300 000 bad transitions (quadratic: > 60 s; release build, whole process: 0.6 s)");
    }

    [Test]
    public void Three_million_repeated_accepting_entries_are_reported_in_linear_time()
    {
        var text = new StringBuilder("{\"type\":\"dfa\",\"alphabet\":[\"a\"],\"states\":1,\"start\":0,\"transitions\":[[0,\"a\",0]],\"accepting\":[");
        for (int i = 0; i < 3_000_000; i++) text.Append(i == 0 ? "0" : ",0");
        text.Append("]}");
        var watch = Stopwatch.StartNew();
        var result = DfaJson.ReadDfa(text.ToString());
        watch.Stop();
        Assert.That(result.Success, Is.True);
        Assert.That(result.Diagnostics.Count(d => d.Code == "JSON016"), Is.EqualTo(20));
        Assert.That(watch.Elapsed.TotalSeconds, Is.LessThan(10.0), "3 M repeated accepting entries (quadratic: > 60 s; release build, whole process: 0.5 s)");
    }

    [Test]
    public void Incremental_positions_agree_with_the_reference_span_computation()
    {
        // Non-ASCII and multi-line text: every kept diagnostic's line, column and offset must equal
        // the obvious quadratic computation (SourceSpan.FromOffset on the text).
        var text = "{\n \"type\":\"dfa\", \"ünknown\": 1,\n\"alphabet\":[\"a\",\"e\"],\n  \"states\":1,\"start\":0,\n\"accepting\":[0,0,\n0],\"transitions\":[[0,\"a\",0],\n [0,\"𝔞\",0],[0,\"b\",0]]}";
        var result = DfaJson.ReadDfa(text);
        Assert.That(result.Diagnostics, Is.Not.Empty);
        foreach (var d in result.Diagnostics)
        {
            var reference = SourceSpan.FromOffset(text, d.Span.Offset, d.Span.Length);
            Assert.That((d.Span.Line, d.Span.Column), Is.EqualTo((reference.Line, reference.Column)), d.ToString());
        }
        var unknownSymbol = result.Diagnostics.First(d => d.Code == "JSON007");
        Assert.That(text.Substring(unknownSymbol.Span.Offset, unknownSymbol.Span.Length), Is.EqualTo("\"𝔞\""));
    }
}
