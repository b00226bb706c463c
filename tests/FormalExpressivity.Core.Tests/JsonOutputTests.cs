using System.Text.Json.Nodes;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Core.Tests;

public sealed class JsonOutputTests
{
    [Test]
    public void Output_is_indented_with_lf_in_insertion_order_and_readable_utf8()
    {
        var text = JsonOutput.Write(new JsonObject { ["z"] = "≤ Σ + <>", ["a"] = new JsonArray(1, 2), ["m"] = null });
        Assert.That(text, Is.EqualTo("{\n  \"z\": \"≤ Σ + <>\",\n  \"a\": [\n    1,\n    2\n  ],\n  \"m\": null\n}\n"));
        Assert.That(JsonOutput.Quote("a\"b\\σ"), Is.EqualTo("\"a\\\"b\\\\σ\""));
    }

    [Test]
    public void Numbers_are_written_in_invariant_round_trip_form()
    {
        Assert.That(JsonOutput.Write(w => { w.WriteStartArray(); w.WriteNumberValue(0.1 + 0.2); w.WriteNumberValue(-12345678901L); w.WriteEndArray(); }),
            Is.EqualTo("[\n  0.30000000000000004,\n  -12345678901\n]\n"));
    }
}
