using System.Reflection;
using FormalExpressivity.Testing;
using PublicApiGenerator;

namespace FormalExpressivity.Engine.Tests;

/// <summary>
/// The public surface of every library is a decision, not an accident: each library's public API text
/// (PublicApiGenerator) is compared with the committed file <c>golden/publicapi_NAME.txt</c>. A change
/// to a public type or member fails here until the golden file is updated with the change. Generated
/// ANTLR classes and parsing helpers are internal and therefore never appear.
/// </summary>
public class PublicApiTests
{
    /// <summary>The libraries under src/ (the CLI and the Playground are applications, not libraries).</summary>
    public static readonly string[] Libraries =
    [
        "FormalExpressivity.Core",
        "FormalExpressivity.Syntax",
        "FormalExpressivity.Automata",
        "FormalExpressivity.Classes",
        "FormalExpressivity.Transformers",
        "FormalExpressivity.Corpora",
        "FormalExpressivity.Engine",
    ];

    private static readonly ApiGeneratorOptions Options = new()
    {
        // The assembly attributes (target framework, metadata) say nothing about the surface.
        IncludeAssemblyAttributes = false,
    };

    [TestCaseSource(nameof(Libraries))]
    public void Public_api_matches_the_committed_surface(string library)
    {
        var api = Assembly.Load(library).GeneratePublicApi(Options);
        Golden.Match(api, "publicapi_" + library["FormalExpressivity.".Length..]);
    }

    [TestCaseSource(nameof(Libraries))]
    public void No_generated_parser_type_is_public(string library)
    {
        // ANTLR emits public classes; the Syntax build makes them internal (AntlrTool.targets).
        var leaked = Assembly.Load(library).GetExportedTypes()
            .Where(t => t.Namespace?.Contains(".Antlr", StringComparison.Ordinal) == true
                || t.GetCustomAttributes<System.CodeDom.Compiler.GeneratedCodeAttribute>().Any(a => a.Tool == "ANTLR"))
            .Select(t => t.FullName)
            .ToList();
        Assert.That(leaked, Is.Empty);
    }
}
