using System.Globalization;
using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Certificates;
using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Classes.Report;
using FormalExpressivity.Syntax.Claims;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Claims;

/// <summary>
/// Checks every claim of a bound claims file (docs/claims.md, "Semantics"):
/// <list type="bullet">
/// <item><c>recognizable by A</c>: the architecture oracle's verdict; when the language was declared by an
/// <c>ltl"…"</c> formula of A's fragment (<see cref="FormulaFragments"/>), that formula is a constructive
/// proof of "yes". A formula behind a "yes" is compiled and proved equivalent to the DFA (bisimulation,
/// re-checked by <see cref="CertificateChecker"/>) and run empirically on a corpus; a failed certificate
/// or a disagreement turns the verdict into unknown, never into a confirmation.</item>
/// <item><c>not recognizable by A</c>: the same verdict, negated; unknown stays unknown.</item>
/// <item><c>in C</c> / <c>in C(k)</c>: the class oracle; with a parameter, the class parameter must be ≤ k.</item>
/// <item><c>X == Y</c>: DFA equivalence with a checked bisimulation or the shortlex-least difference.</item>
/// <item><c>conjecture A ⊆ B up to n states</c>: <see cref="ConjectureChecker"/>.</item>
/// </list>
/// </summary>
public static class ClaimChecker
{
    /// <summary>Checks all claims in file order.</summary>
    /// <param name="claims">The bound file.</param>
    /// <param name="options">Oracles and budgets.</param>
    public static ClaimsReport Check(BoundClaims claims, ClaimCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(options);
        var outcomes = new List<ClaimOutcome>();
        foreach (var statement in claims.Document.Statements)
        {
            outcomes.Add(statement switch
            {
                RecognizabilityClaim r => Recognizability(r, claims.Languages[r.Language.Name], options),
                ClassClaim c => ClassMembership(c, claims.Languages[c.Language.Name], claims.Classes[c], options),
                EquivalenceClaim e => Equivalence(e, claims.Languages[e.Left.Name], claims.Languages[e.Right.Name]),
                Conjecture c => ConjectureOutcome(c, options),
                _ => throw new ArgumentOutOfRangeException(nameof(claims), "unknown statement kind"),
            });
        }
        return new ClaimsReport(outcomes);
    }

    /// <summary>Decides one architecture for one language with the declared-formula rule, the certificate and the empirical check.</summary>
    /// <param name="language">The bound language.</param>
    /// <param name="architecture">The architecture.</param>
    /// <param name="options">Oracles.</param>
    /// <param name="evidence">Receives the evidence lines.</param>
    /// <param name="certificate">The formula ≡ DFA certificate check, when a formula was checked.</param>
    /// <param name="empirical">The empirical result, when it ran.</param>
    public static ArchitectureAnswer Decide(BoundLanguage language, Architecture architecture, ClaimCheckOptions options,
        List<string> evidence, out CheckResult? certificate, out EmpiricalResult? empirical)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(evidence);
        certificate = null;
        empirical = null;
        var dfa = language.Dfa;
        var alphabet = dfa.Alphabet;
        var answer = options.Architectures.Decide(dfa, architecture);
        if (language.Formula is { } declared && FormulaFragments.IsIn(declared, architecture))
        {
            string rule = $"the declared formula is in {FormulaFragments.Name(architecture)}, which {architecture} computes";
            if (answer.Verdict == Verdict.Unknown)
                answer = answer with { Verdict = Verdict.Yes, Formula = declared, Depth = declared.Depth, Reason = rule + $" (the classifier alone: {answer.Reason})" };
            else if (answer.Verdict == Verdict.Yes && (answer.Formula is null || answer.Formula.Size > declared.Size))
                answer = answer with { Formula = declared, Depth = declared.Depth, Reason = answer.Reason + "; the declared formula is in the fragment" };
            else if (answer.Verdict == Verdict.No)
            {
                evidence.Add($"inconsistent: {rule}, but the classifier says no ({answer.Reason})");
                return answer with { Verdict = Verdict.Unknown, Reason = "inconsistent evidence: " + answer.Reason };
            }
        }
        evidence.Add($"{architecture}: {Word(answer.Verdict)} — {answer.Reason}");
        if (answer.Formula is { } formula)
            evidence.Add($"formula: {Shorten(CanonicalFormulaText.Print(formula))} (depth {answer.Depth ?? formula.Depth}, size {formula.Size})");
        if (answer.Evidence is { } e)
            evidence.Add((answer.Verdict == Verdict.Unknown ? "search bound: " : "witness: ") + e.Describe(alphabet));
        else if (answer.Verdict == Verdict.Unknown && answer.Depth is { } depth)
            evidence.Add($"search bound: depth {depth}");
        if (answer.Certificate is { } given) evidence.Add("classifier certificate: " + given);

        if (answer.Verdict == Verdict.Yes && answer.Formula is { } f)
        {
            certificate = CheckFormula(f, dfa);
            if (!certificate.Valid)
            {
                evidence.Add("certificate: FAILED — " + certificate.Reason);
                return answer with { Verdict = Verdict.Unknown, Reason = "the formula could not be proved equivalent: " + certificate.Reason };
            }
            evidence.Add("certificate: formula DFA ≡ language DFA (bisimulation re-checked)");
            if (options.Empirical is { } check)
            {
                empirical = check.Check(f, architecture, dfa);
                evidence.Add("empirical: " + Describe(empirical, alphabet));
                if (empirical.Note is null && empirical.Disagreement is not null)
                    return answer with { Verdict = Verdict.Unknown, Reason = "the simulated recognizer disagrees with the DFA" };
            }
        }
        return answer;
    }

    private static ClaimOutcome Recognizability(RecognizabilityClaim claim, BoundLanguage language, ClaimCheckOptions options)
    {
        var evidence = new List<string>();
        var answer = Decide(language, claim.Architecture, options, evidence, out var certificate, out var empirical);
        var status = answer.Verdict switch
        {
            Verdict.Yes => claim.Negated ? ClaimStatus.Refuted : ClaimStatus.Confirmed,
            Verdict.No => claim.Negated ? ClaimStatus.Confirmed : ClaimStatus.Refuted,
            _ => ClaimStatus.Unknown,
        };
        string summary = answer.Verdict switch
        {
            Verdict.Yes => $"{claim.Language.Name} is recognizable by {claim.Architecture}",
            Verdict.No => $"{claim.Language.Name} is not recognizable by {claim.Architecture}",
            _ => $"open: whether {claim.Language.Name} is recognizable by {claim.Architecture}",
        };
        return new ClaimOutcome(claim, status, summary, evidence) { Answer = answer, Certificate = certificate, Empirical = empirical, Alphabet = language.Dfa.Alphabet };
    }

    private static ClaimOutcome ClassMembership(ClassClaim claim, BoundLanguage language, LanguageClass cls, ClaimCheckOptions options)
    {
        var evidence = new List<string>();
        var verdict = options.Classes.Decide(language.Dfa, cls);
        string name = claim.Parameter is { } k ? $"{cls}({k})" : cls.ToString();
        if (verdict is null)
            return new ClaimOutcome(claim, ClaimStatus.Unknown, $"no decider for {cls} is available", ["class " + cls + ": not decided by the available deciders"]) { Alphabet = language.Dfa.Alphabet };
        bool? member = verdict.Answer;
        if (verdict.Answer == true && claim.Parameter is { } bound)
            member = verdict.Parameter is { } p ? p <= bound : null;
        evidence.Add($"{cls}: {(verdict.Answer switch { true => "member", false => "not a member", null => "unknown" })}{(verdict.Parameter is { } param ? $", parameter {param}" : "")} — {verdict.Evidence.Describe(language.Dfa.Alphabet)}");
        var status = member switch
        {
            null => ClaimStatus.Unknown,
            true => claim.Negated ? ClaimStatus.Refuted : ClaimStatus.Confirmed,
            false => claim.Negated ? ClaimStatus.Confirmed : ClaimStatus.Refuted,
        };
        string summary = member switch
        {
            null when !verdict.Decided => $"open: whether {claim.Language.Name} is in {cls} ({verdict.Evidence.Describe(language.Dfa.Alphabet)})",
            null => $"{claim.Language.Name} is in {cls}, but its parameter was not computed",
            true => $"{claim.Language.Name} is in {name}",
            false => $"{claim.Language.Name} is not in {name}",
        };
        return new ClaimOutcome(claim, status, summary, evidence) { ClassVerdict = verdict, Alphabet = language.Dfa.Alphabet };
    }

    private static ClaimOutcome Equivalence(EquivalenceClaim claim, BoundLanguage left, BoundLanguage rightLanguage)
    {
        // The same symbols declared in another order are the same alphabet: compare in the left one's order.
        var rightDfa = rightLanguage.Dfa.Alphabet.Equals(left.Dfa.Alphabet) ? rightLanguage.Dfa : rightLanguage.Dfa.WithAlphabet(left.Dfa.Alphabet);
        var result = Decisions.Equivalent(left.Dfa, rightDfa);
        var check = CertificateChecker.CheckEquivalence(left.Dfa, rightDfa, result);
        var evidence = new List<string>();
        if (!check.Valid)
        {
            evidence.Add("certificate: FAILED — " + check.Reason);
            return new ClaimOutcome(claim, ClaimStatus.Unknown, "the equivalence certificate did not check", evidence) { Equivalence = result, Alphabet = left.Dfa.Alphabet };
        }
        var alphabet = left.Dfa.Alphabet;
        if (result.Equivalent)
        {
            evidence.Add($"certificate: bisimulation of {result.Bisimulation!.Count} state pairs re-checked");
            return new ClaimOutcome(claim, ClaimStatus.Confirmed, $"{claim.Left.Name} and {claim.Right.Name} are the same language", evidence) { Equivalence = result, Alphabet = left.Dfa.Alphabet };
        }
        var w = result.Counterexample!;
        string where = left.Dfa.Accepts(w) ? $"in {claim.Left.Name}, not in {claim.Right.Name}" : $"in {claim.Right.Name}, not in {claim.Left.Name}";
        evidence.Add($"shortlex-least difference: {w.Format(alphabet)} ({where})");
        return new ClaimOutcome(claim, ClaimStatus.Refuted, $"{claim.Left.Name} and {claim.Right.Name} differ", evidence) { Equivalence = result, Alphabet = left.Dfa.Alphabet };
    }

    private static ClaimOutcome ConjectureOutcome(Conjecture conjecture, ClaimCheckOptions options)
    {
        var result = ConjectureChecker.Check(conjecture, options.ConjectureArchitectures ?? options.Architectures, options.MaxConjectureLanguages);
        var evidence = new List<string>();
        string scope = $"{result.LanguagesChecked.ToString(CultureInfo.InvariantCulture)} languages with ≤ {conjecture.MaxStates} states over {conjecture.Alphabet}";
        switch (result.Status)
        {
            case ClaimStatus.Refuted:
            {
                var c = result.Counterexample!;
                evidence.Add($"smallest counterexample ({c.Dfa.StateCount} states): {conjecture.Left} yes, {conjecture.Right} no");
                evidence.AddRange(DfaTable.Format(c.Dfa).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "  " + l));
                var full = c.Left.Formula is null ? options.Architectures.Decide(c.Dfa, conjecture.Left) : c.Left;
                if (full.Formula is { } f) evidence.Add($"formula ({FormulaFragments.Name(conjecture.Left)}): {Shorten(CanonicalFormulaText.Print(f))}");
                evidence.Add($"{conjecture.Left}: {c.Left.Reason}");
                evidence.Add($"{conjecture.Right}: {c.Right.Reason}");
                if (c.Right.Evidence is { } e) evidence.Add("witness: " + e.Describe(c.Dfa.Alphabet));
                return new ClaimOutcome(conjecture, ClaimStatus.Refuted, $"refuted after {scope}", evidence) { Conjecture = result };
            }
            case ClaimStatus.Unknown:
            {
                var u = result.FirstUnknown!;
                evidence.Add($"{result.UnknownCount.ToString(CultureInfo.InvariantCulture)} languages left open, no counterexample; the first ({u.Dfa.StateCount} states):");
                evidence.AddRange(DfaTable.Format(u.Dfa).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "  " + l));
                evidence.Add($"{conjecture.Left}: {Word(u.Left.Verdict)} — {u.Left.Reason}");
                evidence.Add($"{conjecture.Right}: {Word(u.Right.Verdict)} — {u.Right.Reason}");
                if (u.Right.Evidence is { } e) evidence.Add("search bound: " + e.Describe(u.Dfa.Alphabet));
                return new ClaimOutcome(conjecture, ClaimStatus.Unknown, $"open after {scope}", evidence) { Conjecture = result };
            }
            default:
                evidence.Add($"every language recognizable by {conjecture.Left} is recognizable by {conjecture.Right}");
                return new ClaimOutcome(conjecture, ClaimStatus.Confirmed, $"holds for all {scope}", evidence) { Conjecture = result };
        }
    }

    /// <summary>The longest formula printed in full in evidence lines (JSON output always has the whole formula).</summary>
    public const int MaxFormulaText = 160;

    private static string Shorten(string text) => text.Length <= MaxFormulaText ? text : text[..MaxFormulaText] + " …";

    private static CheckResult CheckFormula(LtlFormula formula, Dfa dfa)
    {
        if (!formula.IsPastOnly) return CheckResult.Fail("the formula uses future operators; only past formulas are compiled here");
        Dfa formulaDfa;
        try
        {
            formulaDfa = PastLtlCompiler.ToDfa(formula, dfa.Alphabet);
        }
        catch (BudgetExceededException e)
        {
            return CheckResult.Fail(e.Message);
        }
        var result = Decisions.Equivalent(formulaDfa, dfa);
        var check = CertificateChecker.CheckEquivalence(formulaDfa, dfa, result);
        if (!check.Valid) return check;
        return result.Equivalent ? CheckResult.Ok : CheckResult.Fail($"the formula and the DFA differ on {result.Counterexample!.Format(dfa.Alphabet)}");
    }

    private static string Describe(EmpiricalResult r, Alphabet alphabet) =>
        r.Note is { } note ? "not run — " + note
        : r.Disagreement is { } w ? $"DISAGREES on {w.Format(alphabet)} ({r.Method})"
        : $"agrees on {r.Words.ToString(CultureInfo.InvariantCulture)} words (all of length ≤ {r.ExhaustiveUpTo}, {r.RandomWords} random of length ≤ {r.MaxLength}, seed {r.Seed}) — {r.Method}";

    /// <summary>yes / no / unknown.</summary>
    /// <param name="verdict">A verdict.</param>
    public static string Word(Verdict verdict) => verdict switch { Verdict.Yes => "yes", Verdict.No => "no", _ => "unknown" };
}
