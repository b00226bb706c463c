using System.Globalization;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using G = FormalExpressivity.Syntax.Antlr.Generated;

namespace FormalExpressivity.Syntax.Claims;

/// <summary>
/// The semantic pass over the parsed lines: the alphabet, the declarations (unique names, string
/// kinds, alphabets) and the claims (resolved names, valid architectures and bounds). Problems are
/// appended to the shared diagnostic list; a statement with a problem is dropped.
/// </summary>
internal sealed class ClaimsReader(string source, List<Diagnostic> diagnostics, IReadOnlySet<string> failedDeclarations)
{
    public ClaimsDocument Read(IReadOnlyList<G.ClaimsParser.StatementContext> statements)
    {
        // Pass 1: the file alphabet (one declaration; it applies wherever it is written).
        Alphabet? fileAlphabet = null;
        bool alphabetSeen = false;
        foreach (var s in statements.OfType<G.ClaimsParser.AlphabetDeclarationContext>())
        {
            if (alphabetSeen)
            {
                Error("CLM010", s.ALPHABET().Symbol, "the alphabet is already declared; a file has one alphabet (use 'over {…}' for another)");
                continue;
            }
            alphabetSeen = true;
            fileAlphabet = ReadAlphabet(s.symbolSet());
        }

        // Pass 2: declarations, names unique.
        var languages = new List<LanguageDeclaration>();
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in statements)
        {
            switch (s)
            {
                case G.ClaimsParser.LanguageDeclarationContext l:
                    AddDeclaration(languages, declared, s, l.name(), l.STRING().Symbol, l.symbolSet(), isModel: false, fileAlphabet, alphabetSeen);
                    break;
                case G.ClaimsParser.ModelDeclarationContext m:
                    AddDeclaration(languages, declared, s, m.name(), m.STRING().Symbol, m.symbolSet(), isModel: true, fileAlphabet, alphabetSeen);
                    break;
            }
        }

        // Pass 3: claims and conjectures.
        var byName = languages.ToDictionary(l => l.Name.Name, StringComparer.Ordinal);
        var claims = new List<ClaimStatement>();
        foreach (var s in statements)
        {
            ClaimStatement? claim = s switch
            {
                G.ClaimsParser.RecognizableClaimContext r => ReadRecognizable(r, byName, declared),
                G.ClaimsParser.ClassClaimContext c => ReadClass(c, byName, declared),
                G.ClaimsParser.EquivalenceClaimContext e => ReadEquivalence(e, byName, declared),
                G.ClaimsParser.ConjectureContext c => ReadConjecture(c, fileAlphabet, alphabetSeen),
                _ => null,
            };
            if (claim is not null) claims.Add(claim);
        }
        return new ClaimsDocument(source, fileAlphabet, languages, claims);
    }

    private void AddDeclaration(List<LanguageDeclaration> languages, HashSet<string> declared, ParserRuleContext statement,
        G.ClaimsParser.NameContext nameContext, IToken text, G.ClaimsParser.SymbolSetContext? over, bool isModel, Alphabet? fileAlphabet, bool alphabetSeen)
    {
        var name = Name(nameContext);
        if (!declared.Add(name.Name))
        {
            Error("CLM020", name.Span, $"'{name.Name}' is already declared");
            return;
        }
        string token = text.Text;
        int quote = token.IndexOf('"', StringComparison.Ordinal);
        string prefix = token[..quote];
        string content = token[(quote + 1)..^1];
        LanguageSourceKind? kind = (prefix, isModel) switch
        {
            ("re", false) => LanguageSourceKind.Regex,
            ("ltl", false) => LanguageSourceKind.Ltl,
            ("fo", false) => LanguageSourceKind.Fo,
            ("file", true) => LanguageSourceKind.File,
            _ => null,
        };
        bool ok = true;
        if (kind is null)
        {
            string wanted = isModel ? "a model is given as file\"path\"" : "a language is given as re\"…\", ltl\"…\" or fo\"…\"";
            string got = prefix.Length == 0 ? "the string has no kind prefix" : $"unknown string kind '{prefix}'";
            Error("CLM015", text.StartIndex, Math.Max(1, prefix.Length), $"{got}; {wanted}");
            ok = false;
        }
        else if (content.Trim().Length == 0)
        {
            Error("CLM008", text.StartIndex, token.Length, isModel ? "the model's file path is empty" : "the formula is empty");
            ok = false;
        }
        Alphabet? alphabet;
        if (over is not null) alphabet = ReadAlphabet(over);
        else
        {
            alphabet = fileAlphabet;
            if (alphabet is null && !alphabetSeen)
                Error("CLM014", name.Span, $"'{name.Name}' has no alphabet: add 'over {{…}}' or an 'alphabet {{…}}' declaration");
        }
        if (!ok || alphabet is null) return;
        var textSpan = SourceSpan.FromOffset(source, text.StartIndex + quote + 1, content.Length);
        languages.Add(new LanguageDeclaration(name, kind!.Value, content, textSpan, alphabet, SpanOf(statement)));
    }

    private RecognizabilityClaim? ReadRecognizable(G.ClaimsParser.RecognizableClaimContext c, Dictionary<string, LanguageDeclaration> byName, HashSet<string> declared)
    {
        var language = Resolve(c.name(), byName, declared);
        var architecture = ReadArchitecture(c.architecture());
        if (language is null || architecture is null) return null;
        return new RecognizabilityClaim(SpanOf(c), TextOf(c), language.Value, c.NOT() is not null, architecture);
    }

    private ClassClaim? ReadClass(G.ClaimsParser.ClassClaimContext c, Dictionary<string, LanguageDeclaration> byName, HashSet<string> declared)
    {
        var language = Resolve(c.name(0), byName, declared);
        var className = Name(c.name(1));
        int? parameter = null;
        var parameterSpan = className.Span;
        if (c.parameter() is { } p)
        {
            parameterSpan = SpanOf(p);
            parameter = ReadInt(p, 0, ClaimsParser.MaxClassParameter, "the class parameter");
            if (parameter is null) return null;
        }
        if (language is null) return null;
        return new ClassClaim(SpanOf(c), TextOf(c), language.Value, c.NOT() is not null, className, parameter, parameterSpan);
    }

    private EquivalenceClaim? ReadEquivalence(G.ClaimsParser.EquivalenceClaimContext c, Dictionary<string, LanguageDeclaration> byName, HashSet<string> declared)
    {
        var left = Resolve(c.name(0), byName, declared);
        var right = Resolve(c.name(1), byName, declared);
        if (left is null || right is null) return null;
        var a = byName[left.Value.Name].Alphabet;
        var b = byName[right.Value.Name].Alphabet;
        if (!a.HasSameSymbols(b)) // the same symbols in another declared order are the same alphabet
        {
            Error("CLM022", SpanOf(c), $"'{left.Value.Name}' is over {a} but '{right.Value.Name}' is over {b}; languages over different alphabets are never equal");
            return null;
        }
        return new EquivalenceClaim(SpanOf(c), TextOf(c), left.Value, right.Value);
    }

    private Conjecture? ReadConjecture(G.ClaimsParser.ConjectureContext c, Alphabet? fileAlphabet, bool alphabetSeen)
    {
        var left = ReadArchitecture(c.architecture(0));
        var right = ReadArchitecture(c.architecture(1));
        var boundToken = c.INT().Symbol;
        int? bound = int.TryParse(boundToken.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : null;
        bool ok = left is not null && right is not null;
        if (bound is null || bound < 1 || bound > ClaimsParser.MaxConjectureStates)
        {
            Error("CLM033", boundToken, $"the state bound must be between 1 and {ClaimsParser.MaxConjectureStates}");
            ok = false;
        }
        Alphabet? alphabet = c.symbolSet() is { } over ? ReadAlphabet(over) : fileAlphabet;
        if (alphabet is null)
        {
            if (c.symbolSet() is null && !alphabetSeen)
                Error("CLM014", c.CONJECTURE().Symbol, "the conjecture has no alphabet: add 'over {…}' or an 'alphabet {…}' declaration");
            ok = false;
        }
        if (!ok) return null;
        return new Conjecture(SpanOf(c), TextOf(c), left!, right!, bound!.Value, alphabet!);
    }

    private ArchitectureSpelling? ReadArchitecture(G.ClaimsParser.ArchitectureContext c)
    {
        var id = c.IDENT().Symbol;
        var name = new NameReference(id.Text, SourceSpan.FromOffset(source, id.StartIndex, id.StopIndex - id.StartIndex + 1));
        if (!ArchitectureSpelling.Names.Contains(name.Name))
        {
            Error("CLM030", name.Span, $"unknown architecture '{name.Name}'; expected global, global-nonstrict, local(k), hybrid(k), uha or regular");
            return null;
        }
        bool windowed = ArchitectureSpelling.TakesWindow(name.Name);
        var p = c.parameter();
        if (windowed && p is null)
        {
            Error("CLM031", name.Span, $"'{name.Name}' needs a window size: write {name.Name}(k) with 1 ≤ k ≤ {ArchitectureSpelling.MaxWindow}");
            return null;
        }
        if (!windowed && p is not null)
        {
            Error("CLM031", SpanOf(p), $"'{name.Name}' takes no window size");
            return null;
        }
        var span = SourceSpan.FromOffset(source, c.Start.StartIndex, c.Stop.StopIndex - c.Start.StartIndex + 1);
        if (!windowed) return new ArchitectureSpelling(name.Name, null, span);
        int? k = ReadInt(p!, 1, ArchitectureSpelling.MaxWindow, "the window size k");
        return k is null ? null : new ArchitectureSpelling(name.Name, k.Value, span);
    }

    private int? ReadInt(G.ClaimsParser.ParameterContext p, int min, int max, string what)
    {
        bool negative = p.MINUS() is not null;
        bool parsed = int.TryParse(p.INT().GetText(), NumberStyles.None, CultureInfo.InvariantCulture, out int value);
        if (negative) value = -value;
        if (!parsed || value < min || value > max)
        {
            Error("CLM032", SpanOf(p), $"{what} must be between {min} and {max}, not {(negative ? "-" : "")}{CodePoints.Clip(p.INT().GetText())}");
            return null;
        }
        return value;
    }

    private NameReference? Resolve(G.ClaimsParser.NameContext c, Dictionary<string, LanguageDeclaration> byName, HashSet<string> declared)
    {
        var name = Name(c);
        if (byName.ContainsKey(name.Name)) return name;
        // A name declared with an error already has its diagnostic; do not add a second one.
        if (declared.Contains(name.Name) || failedDeclarations.Contains(name.Name)) return null;
        string known = byName.Count == 0 ? "no language is declared" : "declared: " + string.Join(", ", byName.Keys.Take(8)) + (byName.Count > 8 ? ", …" : "");
        Error("CLM021", name.Span, $"unknown language '{name.Name}' ({known})");
        return null;
    }

    private Alphabet? ReadAlphabet(G.ClaimsParser.SymbolSetContext c)
    {
        var names = new List<string>();
        bool ok = true;
        foreach (var n in c.name())
        {
            var r = Name(n);
            if (!Alphabet.IsValidName(r.Name))
            {
                Error("CLM012", r.Span, $"'{r.Name}' is not a valid symbol name (a letter or underscore, then letters, digits or underscores)");
                ok = false;
            }
            else if (names.Contains(r.Name))
            {
                Error("CLM011", r.Span, $"the symbol '{r.Name}' is listed twice");
                ok = false;
            }
            else names.Add(r.Name);
        }
        if (!ok) return null;
        if (names.Count == 0 || names.Count > Alphabet.MaxSymbols)
        {
            Error("CLM013", SpanOf(c), names.Count == 0 ? "an alphabet needs at least one symbol" : $"an alphabet has at most {Alphabet.MaxSymbols} symbols, not {names.Count}");
            return null;
        }
        return Alphabet.Create(names);
    }

    private NameReference Name(G.ClaimsParser.NameContext c) => new(c.GetText(), SpanOf(c));

    private SourceSpan SpanOf(ParserRuleContext c)
    {
        int start = c.Start.StartIndex;
        int stop = c.Stop is { } s && s.Type != TokenConstants.EOF ? s.StopIndex : start - 1;
        return SourceSpan.FromOffset(source, start, Math.Max(0, stop - start + 1));
    }

    private string TextOf(ParserRuleContext c)
    {
        var span = SpanOf(c);
        return source.Substring(span.Offset, span.Length);
    }

    private void Error(string code, IToken token, string message) =>
        Error(code, token.StartIndex, token.StopIndex - token.StartIndex + 1, message);

    private void Error(string code, SourceSpan span, string message) => Error(code, span.Offset, span.Length, message);

    private void Error(string code, int offset, int length, string message) =>
        diagnostics.Add(Diagnostic.Error(code, source, offset, length, message));
}
