using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace FormalExpressivity.Playground.Compute;

/// <summary>
/// The class lattice of docs/hierarchy.dot (embedded at build time: one source for the docs and the
/// page) with a language's classes filled in: members green with their parameter, non-members grey,
/// unknown white with a dashed border.
/// </summary>
public static class Lattice
{
    private static readonly Lazy<string> Source = new(() =>
    {
        using var stream = typeof(Lattice).Assembly.GetManifestResourceStream("hierarchy.dot")
            ?? throw new InvalidOperationException("the embedded resource hierarchy.dot is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The lattice's DOT source as committed in docs/.</summary>
    public static string Dot => Source.Value;

    /// <summary>The node names of the lattice (class keys of the report; J stands for J = PT).</summary>
    public static IReadOnlyList<string> Nodes { get; } = ["SL", "D", "K", "LI", "LT", "LTT", "J", "R", "L", "DA", "LR", "SF", "REG"];

    /// <summary>The lattice DOT with the report's classes (its <c>classes</c> object) filled in.</summary>
    /// <param name="classes">The <c>classes</c> object of <c>fex classify --json</c>.</param>
    public static string Filled(JsonObject classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var dot = Dot;
        var sb = new StringBuilder();
        foreach (var node in Nodes)
        {
            if (classes[node] is not JsonObject c) continue;
            bool? member = c["member"]?.GetValue<bool>();
            string fill = member switch { true => "#a5d6a7", false => "#eeeeee", null => "#ffffff" };
            string style = member is null ? "rounded,dashed,filled" : "rounded,filled";
            string label = Label(dot, node);
            if (member == true && c["parameter"] is JsonNode p) label += "\\n" + Parameter(node, p.GetValue<int>());
            if (node == "J" && member == true && classes["PT"]?["parameter"] is JsonNode pt) label += "\\nPT k = " + pt.GetValue<int>().ToString(CultureInfo.InvariantCulture);
            sb.Append(CultureInfo.InvariantCulture, $"  {node} [style=\"{style}\", fillcolor=\"{fill}\", label=\"{label}\", id=\"lattice-{node}\"];\n");
        }
        int end = dot.LastIndexOf('}');
        return dot[..end] + sb + dot[end..];
    }

    private static string Parameter(string node, int value) => node switch
    {
        "D" or "K" or "LI" => "degree " + value.ToString(CultureInfo.InvariantCulture),
        _ => "k = " + value.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The label of <paramref name="node"/> in the DOT source (its <c>label="…"</c>).</summary>
    private static string Label(string dot, string node)
    {
        foreach (var line in dot.Split('\n'))
        {
            var t = line.Trim();
            if (!t.StartsWith(node + " ", StringComparison.Ordinal) || !t.Contains("label=\"", StringComparison.Ordinal)) continue;
            int start = t.IndexOf("label=\"", StringComparison.Ordinal) + 7;
            int end = t.IndexOf('"', start);
            return t[start..end];
        }
        return node;
    }
}
