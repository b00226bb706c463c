namespace FormalExpressivity.Playground.Compute;

/// <summary>The claims files of examples/ (embedded at build time, like docs/hierarchy.dot): the claims editor's "load example" list.</summary>
public static class ClaimsExamples
{
    private const string Prefix = "examples/";

    /// <summary>The file names, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(ClaimsExamples).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".claims", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..]).Order(StringComparer.Ordinal).ToList();

    /// <summary>The text of the example <paramref name="name"/>.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    public static string Text(string name)
    {
        using var stream = typeof(ClaimsExamples).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new ArgumentException($"no embedded example {name}", nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
