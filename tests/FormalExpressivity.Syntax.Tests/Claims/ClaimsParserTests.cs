using CsCheck;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Claims;
using NUnit.Framework;

namespace FormalExpressivity.Syntax.Tests.Claims;

public class ClaimsParserTests
{
    private const string Good = """
        # LC26 languages
        alphabet {a, b}
        language LAST = re"Σ*a"        // a comment after a declaration
        language FIRST = ltl"P(a & !P true)"
        language LT-2 = re"Σ*abΣ*" over {a, b, c}
        language F2 = fo"exists x. a(x)"
        model M = file"models/last.dfa.json"

        claim LAST recognizable by local(1)
        claim FIRST not recognizable by hybrid(4)
        claim LT-2 in LT(2)
        claim FIRST not in D
        claim LAST == M
        claim LAST recognizable by global-nonstrict
        conjecture hybrid(2) ⊆ hybrid(1) up to 3 states over {a,b}
        conjecture global <= uha up to 2 states
        conjecture uha subset regular up to 1 states over {x}
        """;

    [Test]
    public void Parses_every_statement_kind()
    {
        var result = ClaimsParser.Parse(Good);
        Assert.That(result.Success, Is.True, string.Join("\n", result.Diagnostics));
        var doc = result.Value;
        Assert.That(doc.Alphabet, Is.EqualTo(Alphabet.Of("a", "b")));
        Assert.That(doc.Languages.Select(l => (l.Name.Name, l.Kind)), Is.EqualTo(new[]
        {
            ("LAST", LanguageSourceKind.Regex), ("FIRST", LanguageSourceKind.Ltl), ("LT-2", LanguageSourceKind.Regex),
            ("F2", LanguageSourceKind.Fo), ("M", LanguageSourceKind.File),
        }));
        Assert.That(doc.Language("LT-2").Alphabet, Is.EqualTo(Alphabet.Of("a", "b", "c")));
        Assert.That(doc.Language("M").Text, Is.EqualTo("models/last.dfa.json"));
        Assert.That(doc.Statements, Has.Count.EqualTo(9));
        Assert.That(doc.Statements[0], Is.EqualTo(new RecognizabilityClaim(doc.Statements[0].Span, "claim LAST recognizable by local(1)",
            doc.Statements[0] is RecognizabilityClaim r ? r.Language : default, false, new ArchitectureSpelling("local", 1, default))));
        var negated = (RecognizabilityClaim)doc.Statements[1];
        Assert.That((negated.Negated, negated.Architecture), Is.EqualTo((true, new ArchitectureSpelling("hybrid", 4, default))));
        var cls = (ClassClaim)doc.Statements[2];
        Assert.That((cls.Language.Name, cls.ClassName.Name, cls.Parameter, cls.Negated), Is.EqualTo(("LT-2", "LT", (int?)2, false)));
        var notD = (ClassClaim)doc.Statements[3];
        Assert.That((notD.ClassName.Name, notD.Parameter, notD.Negated), Is.EqualTo(("D", (int?)null, true)));
        var eq = (EquivalenceClaim)doc.Statements[4];
        Assert.That((eq.Left.Name, eq.Right.Name), Is.EqualTo(("LAST", "M")));
        Assert.That(((RecognizabilityClaim)doc.Statements[5]).Architecture.ToString(), Is.EqualTo("global-nonstrict"));
        var c1 = (Conjecture)doc.Statements[6];
        Assert.That((c1.Left, c1.Right, c1.MaxStates, c1.Alphabet), Is.EqualTo((new ArchitectureSpelling("hybrid", 2, default), new ArchitectureSpelling("hybrid", 1, default), 3, Alphabet.Of("a", "b"))));
        var c2 = (Conjecture)doc.Statements[7];
        Assert.That((c2.Left.Name, c2.Right.Name, c2.MaxStates, c2.Alphabet), Is.EqualTo(("global", "uha", 2, Alphabet.Of("a", "b"))));
        var c3 = (Conjecture)doc.Statements[8];
        Assert.That((c3.Right.Name, c3.Alphabet), Is.EqualTo(("regular", Alphabet.Of("x"))));
    }

    [Test]
    public void Text_span_points_inside_the_quotes()
    {
        var doc = ClaimsParser.ParseOrThrow(Good);
        foreach (var l in doc.Languages)
        {
            Assert.That(Good.Substring(l.TextSpan.Offset, l.TextSpan.Length), Is.EqualTo(l.Text));
            Assert.That(Good[l.TextSpan.Offset - 1], Is.EqualTo('"'));
        }
        Assert.That(doc.Language("FIRST").TextSpan.Line, Is.EqualTo(4));
        Assert.That(doc.Language("FIRST").TextSpan.Column, Is.EqualTo("language FIRST = ltl\"".Length + 1));
    }

    [Test]
    public void Keywords_may_be_names_and_an_alphabet_may_follow_its_use()
    {
        var doc = ClaimsParser.ParseOrThrow("language in = re\"a\"\nclaim in in LT\nalphabet {a, by}\n");
        var c = (ClassClaim)doc.Statements.Single();
        Assert.That((c.Language.Name, c.ClassName.Name), Is.EqualTo(("in", "LT")));
        Assert.That(doc.Alphabet, Is.EqualTo(Alphabet.Of("a", "by")));
    }

    [Test]
    public void Empty_and_comment_only_files_are_valid()
    {
        Assert.That(ClaimsParser.Parse("").Value.Statements, Is.Empty);
        Assert.That(ClaimsParser.Parse("# nothing\n// still nothing\n\n").Value.Languages, Is.Empty);
    }

    [Test]
    public void Reports_errors_on_several_lines_not_only_the_first()
    {
        var result = ClaimsParser.Parse("alphabet {a}\nclaim X recognizable by global\nclaim Y recognizable by global\n");
        Assert.That(result.Diagnostics.Select(d => (d.Code, d.Span.Line)), Is.EqualTo(new[] { ("CLM021", 2), ("CLM021", 3) }));
    }

    [Test]
    public void Architecture_spellings_keep_name_and_window_and_ignore_position()
    {
        var doc = ClaimsParser.Parse("alphabet {a}\nlanguage A = re\"a\"\nclaim A recognizable by local(3)\nclaim A recognizable by  local(3)\n").Value;
        var (x, y) = (((RecognizabilityClaim)doc.Statements[0]).Architecture, ((RecognizabilityClaim)doc.Statements[1]).Architecture);
        Assert.That((x.Name, x.Window, x.ToString()), Is.EqualTo(("local", (int?)3, "local(3)")));
        Assert.That(x, Is.EqualTo(y));
        Assert.That(x.Span, Is.Not.EqualTo(y.Span));
        Assert.That(ArchitectureSpelling.Names.Where(ArchitectureSpelling.TakesWindow), Is.EqualTo(new[] { "local", "hybrid" }));
    }

    [Test]
    public void Embedded_diagnostics_move_into_file_coordinates()
    {
        const string file = "alphabet {a}\nlanguage A = re\"a|c\"\n";
        var doc = ClaimsParser.ParseOrThrow(file);
        var embedded = doc.Language("A").TextSpan;
        var inner = Diagnostic.Error("RE009", "a|c", 2, 1, "'c' is not a symbol");
        var mapped = EmbeddedDiagnostics.Map(inner, file, embedded);
        Assert.That((mapped.Code, mapped.Span.Line, mapped.Span.Column, mapped.Span.Length), Is.EqualTo(("RE009", 2, 19, 1)));
        Assert.That(file[mapped.Span.Offset], Is.EqualTo('c'));
    }

    [Test]
    public void Embedded_mapping_is_a_shift_for_every_inner_span()
    {
        Gen.Select(Gen.String[Gen.Char["ab\n c"], 0, 30], Gen.String[Gen.Char["xy z"], 1, 20], Gen.Int[0, 40], Gen.Int[0, 5])
            .Sample((prefix, inner, offset, length) =>
            {
                var source = prefix + "\"" + inner + "\"\n";
                var embedded = SourceSpan.FromOffset(source, prefix.Length + 1, inner.Length);
                var d = new Diagnostic("X", SourceSpan.FromOffset(inner, offset, length), "m");
                var m = EmbeddedDiagnostics.Map(d, source, embedded);
                int expected = embedded.Offset + Math.Min(d.Span.Offset, inner.Length);
                return m.Span.Offset == expected && m.Span == SourceSpan.FromOffset(source, m.Span.Offset, m.Span.Length)
                    && m.Span.Offset + m.Span.Length <= embedded.Offset + embedded.Length;
            }, seed: "0N0XIzNsQ0O2");
    }

    [Test]
    public void Never_throws_and_every_diagnostic_is_inside_the_text()
    {
        var pieces = new[] { "alphabet", "language", "model", "claim", "conjecture", "not", "recognizable", "by", "in", "over", "up", "to", "states",
            "{", "}", "(", ")", ",", "-", "=", "==", "⊆", "<=", "re\"a*\"", "ltl\"P a\"", "file\"x\"", "re\"", "A", "B", "a", "b", "local", "hybrid",
            "global", "3", "0", "\n", " ", "#c\n", "@", "LT" };
        Gen.Int[0, pieces.Length - 1].Array[0, 40].Select(ix => string.Concat(ix.Select(i => pieces[i] + " ")))
            .Sample(text =>
            {
                var r = ClaimsParser.Parse(text);
                return r.Diagnostics.All(d => d.Span.Offset >= 0 && d.Span.Offset + d.Span.Length <= text.Length && d.Code.StartsWith("CLM", StringComparison.Ordinal))
                    && (r.Success || r.Diagnostics.Count > 0);
            }, iter: 2000, seed: "0N0XIzNsQ0O2");
    }
}
