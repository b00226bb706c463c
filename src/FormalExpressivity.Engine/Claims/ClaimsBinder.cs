using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Classes;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Claims;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Engine.Claims;

/// <summary>A declared language with its canonical minimal DFA.</summary>
/// <param name="Declaration">The declaration.</param>
/// <param name="Dfa">The canonical minimal complete DFA over the declared alphabet.</param>
/// <param name="Formula">The declared formula of an <c>ltl"…"</c> language, else <c>null</c>.</param>
public sealed record BoundLanguage(LanguageDeclaration Declaration, Dfa Dfa, LtlFormula? Formula);

/// <summary>A claims file whose languages are compiled and whose class names are resolved.</summary>
/// <param name="Document">The parsed file.</param>
/// <param name="Languages">The compiled languages by name.</param>
/// <param name="Classes">For each class claim (by reference), the class it names.</param>
public sealed record BoundClaims(ClaimsDocument Document, IReadOnlyDictionary<string, BoundLanguage> Languages, IReadOnlyDictionary<ClassClaim, LanguageClass> Classes);

/// <summary>
/// Second stage of reading a claims file: compiles every declared language through an
/// <see cref="ILanguageCompiler"/> (diagnostics of embedded formulas are moved into the claims
/// file's coordinates), minimizes it, and resolves class names.
/// <list type="table">
/// <item><term>CLM040</term><description>an unknown class name</description></item>
/// <item><term>CLM041</term><description>a parameter on a class that takes none (only SL, LT, PT and D do)</description></item>
/// <item><term>CLM050</term><description>a model file that cannot be read (its reader's problems follow, at the path)</description></item>
/// <item><term>CLM051</term><description>compiling a language exceeded a budget</description></item>
/// <item><term>CLM052</term><description>a compiled automaton is over another alphabet than the declared one</description></item>
/// </list>
/// Formula problems keep the embedded parser's own codes (RE…, LTL…, FO…).
/// </summary>
public static class ClaimsBinder
{
    /// <summary>The classes whose claims may carry a parameter (the ones classify reports one for): SL_k, LT_k, PT_k, D and K of degree ≤ k; k ≥ 0.</summary>
    public static IReadOnlySet<LanguageClass> ParameterizedClasses { get; } = new HashSet<LanguageClass> { LanguageClass.SL, LanguageClass.LT, LanguageClass.PT, LanguageClass.D, LanguageClass.K };

    /// <summary>Binds <paramref name="document"/>; never throws on bad input.</summary>
    /// <param name="document">The parsed file.</param>
    /// <param name="compiler">Compiles declarations.</param>
    /// <param name="baseDirectory">The folder model paths are relative to (the claims file's folder).</param>
    public static ParseResult<BoundClaims> Bind(ClaimsDocument document, ILanguageCompiler compiler, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(compiler);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        var source = document.Source;
        var diagnostics = new List<Diagnostic>();
        var languages = new Dictionary<string, BoundLanguage>(StringComparer.Ordinal);
        foreach (var declaration in document.Languages)
        {
            ParseResult<CompiledLanguage> compiled;
            try
            {
                compiled = compiler.Compile(declaration.Kind, declaration.Text, declaration.Alphabet, baseDirectory);
            }
            catch (BudgetExceededException e)
            {
                diagnostics.Add(Diagnostic.Error("CLM051", source, declaration.TextSpan.Offset, declaration.TextSpan.Length, $"compiling '{declaration.Name.Name}': {e.Message}"));
                continue;
            }
            if (!compiled.Success)
            {
                if (declaration.Kind == LanguageSourceKind.File)
                {
                    if (!compiled.Diagnostics.Any(d => d.Code == "CLM050"))
                        diagnostics.Add(Diagnostic.Error("CLM050", source, declaration.TextSpan.Offset, declaration.TextSpan.Length, $"the model file '{declaration.Text}' cannot be used"));
                    diagnostics.AddRange(compiled.Diagnostics.Select(d => d with
                    {
                        Span = SourceSpan.FromOffset(source, declaration.TextSpan.Offset, declaration.TextSpan.Length),
                        Message = d.Span.Length > 0 || d.Span.Offset > 0 ? $"{declaration.Text}:{d.Span.Line}:{d.Span.Column}: {d.Message}" : d.Message,
                    }));
                }
                else diagnostics.AddRange(EmbeddedDiagnostics.MapAll(compiled.Diagnostics, source, declaration.TextSpan));
                continue;
            }
            var dfa = compiled.Value.Dfa;
            if (!dfa.Alphabet.Equals(declaration.Alphabet))
            {
                diagnostics.Add(Diagnostic.Error("CLM052", source, declaration.TextSpan.Offset, declaration.TextSpan.Length,
                    $"'{declaration.Name.Name}' is declared over {declaration.Alphabet} but its automaton is over {dfa.Alphabet}"));
                continue;
            }
            languages[declaration.Name.Name] = new BoundLanguage(declaration, dfa.Minimize().Canonicalize(), compiled.Value.Formula);
        }

        var classes = new Dictionary<ClassClaim, LanguageClass>(ReferenceEqualityComparer.Instance);
        foreach (var claim in document.Statements.OfType<ClassClaim>())
        {
            if (!Enum.TryParse<LanguageClass>(claim.ClassName.Name, ignoreCase: false, out var cls) || !Enum.IsDefined(cls) || char.IsDigit(claim.ClassName.Name[0]))
            {
                diagnostics.Add(Diagnostic.Error("CLM040", source, claim.ClassName.Span.Offset, claim.ClassName.Span.Length,
                    $"unknown class '{claim.ClassName.Name}'; expected one of {string.Join(", ", Enum.GetNames<LanguageClass>())}"));
                continue;
            }
            if (claim.Parameter is not null && !ParameterizedClasses.Contains(cls))
            {
                diagnostics.Add(Diagnostic.Error("CLM041", source, claim.ParameterSpan.Offset, claim.ParameterSpan.Length,
                    $"the class {cls} takes no parameter (only {string.Join(", ", ParameterizedClasses.Order())} do)"));
                continue;
            }
            classes[claim] = cls;
        }

        var sorted = diagnostics.OrderBy(d => d.Span.Offset).ToList();
        return sorted.Count > 0
            ? ParseResult<BoundClaims>.Fail(sorted)
            : ParseResult<BoundClaims>.Ok(new BoundClaims(document, languages, classes));
    }
}
