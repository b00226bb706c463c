using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Syntax.Claims;

/// <summary>How a declared language is given.</summary>
public enum LanguageSourceKind
{
    /// <summary><c>re"…"</c>: an extended regular expression (grammars/Regex.g4).</summary>
    Regex,
    /// <summary><c>ltl"…"</c>: a temporal-logic formula, accepted at the end position N+1 (theory.md §1–§2).</summary>
    Ltl,
    /// <summary><c>fo"…"</c>: a first-order formula over positions.</summary>
    Fo,
    /// <summary><c>model NAME = file"…"</c>: an automaton read from a file (path relative to the claims file).</summary>
    File,
}

/// <summary>A name as written in the file, with its position.</summary>
/// <param name="Name">The name.</param>
/// <param name="Span">Where it is written.</param>
public readonly record struct NameReference(string Name, SourceSpan Span);

/// <summary>
/// <c>language NAME = re"…" [over {…}]</c> or <c>model NAME = file"…" [over {…}]</c>.
/// </summary>
/// <param name="Name">The declared name and its position.</param>
/// <param name="Kind">Regex, LTL, FO or file.</param>
/// <param name="Text">The text between the quotes (formula or path).</param>
/// <param name="TextSpan">The position of <paramref name="Text"/> in the claims file (after the opening quote);
/// diagnostics of the embedded parser are shifted by its offset.</param>
/// <param name="Alphabet">The <c>over</c> alphabet, else the file's alphabet.</param>
/// <param name="Span">The whole declaration.</param>
public sealed record LanguageDeclaration(NameReference Name, LanguageSourceKind Kind, string Text, SourceSpan TextSpan, Alphabet Alphabet, SourceSpan Span);

/// <summary>A claim or conjecture: one line of the file.</summary>
/// <param name="Span">The whole statement.</param>
/// <param name="Text">The statement as written (comments and surrounding blanks removed).</param>
public abstract record ClaimStatement(SourceSpan Span, string Text);

/// <summary><c>claim NAME [not] recognizable by ARCH</c>.</summary>
/// <param name="Span">The whole statement.</param>
/// <param name="Text">The statement as written.</param>
/// <param name="Language">The language named.</param>
/// <param name="Negated">True for <c>not recognizable</c>.</param>
/// <param name="Architecture">The architecture.</param>
public sealed record RecognizabilityClaim(SourceSpan Span, string Text, NameReference Language, bool Negated, ArchitectureSpelling Architecture)
    : ClaimStatement(Span, Text);

/// <summary>
/// <c>claim NAME [not] in CLASS[(k)]</c>. The class name is validated against the classes the
/// deciders know when the file is bound (it is not part of the syntax).
/// </summary>
/// <param name="Span">The whole statement.</param>
/// <param name="Text">The statement as written.</param>
/// <param name="Language">The language named.</param>
/// <param name="Negated">True for <c>not in</c>.</param>
/// <param name="ClassName">The class name as written (<c>LT</c>, <c>LR</c>, …) and its position.</param>
/// <param name="Parameter">The parameter of <c>LT(2)</c>, else <c>null</c>.</param>
/// <param name="ParameterSpan">Where the parameter is written (the class name's span when absent).</param>
public sealed record ClassClaim(SourceSpan Span, string Text, NameReference Language, bool Negated, NameReference ClassName, int? Parameter, SourceSpan ParameterSpan)
    : ClaimStatement(Span, Text);

/// <summary><c>claim NAME == NAME2</c>: the two languages are equal (over the same alphabet).</summary>
/// <param name="Span">The whole statement.</param>
/// <param name="Text">The statement as written.</param>
/// <param name="Left">The first language.</param>
/// <param name="Right">The second language.</param>
public sealed record EquivalenceClaim(SourceSpan Span, string Text, NameReference Left, NameReference Right)
    : ClaimStatement(Span, Text);

/// <summary>
/// <c>conjecture A ⊆ B up to N states [over {…}]</c>: every language whose minimal complete DFA has
/// at most <paramref name="MaxStates"/> states over <paramref name="Alphabet"/> and is recognizable
/// by <paramref name="Left"/> is recognizable by <paramref name="Right"/>.
/// </summary>
/// <param name="Span">The whole statement.</param>
/// <param name="Text">The statement as written.</param>
/// <param name="Left">The architecture claimed to be included.</param>
/// <param name="Right">The including architecture.</param>
/// <param name="MaxStates">The state bound n.</param>
/// <param name="Alphabet">The alphabet enumerated.</param>
public sealed record Conjecture(SourceSpan Span, string Text, ArchitectureSpelling Left, ArchitectureSpelling Right, int MaxStates, Alphabet Alphabet)
    : ClaimStatement(Span, Text);

/// <summary>
/// A parsed claims file: the alphabet, the declared languages and the claims in file order. Names
/// are resolved (every claim names a declared language) and alphabets are known; embedded formulas
/// are not yet compiled (that needs the automata layer, see <c>ClaimsBinder</c>).
/// </summary>
/// <param name="Source">The whole file text (diagnostics refer to it).</param>
/// <param name="Alphabet">The <c>alphabet</c> declaration, if any.</param>
/// <param name="Languages">Declared languages and models in file order.</param>
/// <param name="Statements">Claims and conjectures in file order.</param>
public sealed record ClaimsDocument(string Source, Alphabet? Alphabet, IReadOnlyList<LanguageDeclaration> Languages, IReadOnlyList<ClaimStatement> Statements)
{
    /// <summary>The declaration named <paramref name="name"/>.</summary>
    /// <param name="name">A declared name.</param>
    public LanguageDeclaration Language(string name) =>
        Languages.FirstOrDefault(l => l.Name.Name == name) ?? throw new KeyNotFoundException($"no language named '{name}' is declared");
}
