using System.Globalization;
using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Certificates;
using FormalExpressivity.Automata.Construction;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Classes;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Certificates;
using FormalExpressivity.Classes.Enumeration;
using FormalExpressivity.Classes.Report;
using FormalExpressivity.Classes.Verdicts;
using FormalExpressivity.Syntax.Claims;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Engine.Claims;

/// <summary>
/// Checks every claim of a bound claims file (docs/claims.md, "Semantics"):
/// <list type="bullet">
/// <item><c>recognizable by A</c>: the verdict of the one decider chain (<see cref="VerdictEngine"/>), with
/// every architecture claimed for a language decided jointly; a declared <c>ltl"…"</c> formula that A
/// computes (<see cref="Architecture.Computes"/>) is a constructive proof of "yes". A formula behind a
/// "yes" is proved equivalent to the DFA again (bisimulation, re-checked by <see cref="CertificateChecker"/>)
/// and run empirically on a corpus; a failed certificate or a disagreement turns the verdict into unknown,
/// never into a confirmation.</item>
/// <item><c>not recognizable by A</c>: the same verdict, negated; unknown stays unknown.</item>
/// <item><c>in C</c> / <c>in C(k)</c>: the class decider (its certificate re-checked by <see cref="ClassCertificateChecker"/>);
/// with a parameter, the class parameter must be ≤ k.</item>
/// <item><c>X == Y</c>: DFA equivalence with a checked bisimulation or the shortlex-least difference.</item>
/// <item><c>conjecture A ⊆ B up to n states</c>: <see cref="ConjectureChecker"/>.</item>
/// </list>
/// </summary>
public static partial class ClaimChecker
{
    /// <summary>Checks all claims in file order.</summary>
    /// <param name="claims">The bound file.</param>
    /// <param name="options">The engine and budgets.</param>
    public static ClaimsReport Check(BoundClaims claims, ClaimCheckOptions options) => new(CheckEach(claims, options).ToList());

    /// <summary>
    /// Checks the claims one at a time, in file order: each outcome is computed when it is enumerated, so a
    /// caller can stop between claims or yield to its user interface (the playground does both).
    /// <see cref="Check"/> is this enumeration collected.
    /// </summary>
    /// <param name="claims">The bound file.</param>
    /// <param name="options">The engine and budgets.</param>
    public static IEnumerable<ClaimOutcome> CheckEach(BoundClaims claims, ClaimCheckOptions options) =>
        CheckStepwise(claims, options).OfType<ClaimOutcome>();

    /// <summary>
    /// <see cref="CheckEach"/> in bounded steps: a null element stands for one step of deciding a language's
    /// claimed rows (<see cref="VerdictSession.DecideStepwise"/>: opening its session, one stage on one row, one
    /// bounded piece of a search); a non-null element is the next claim's outcome, in file order. A user
    /// interface yields to its event loop between steps and may stop at any one (Cancel).
    /// </summary>
    /// <param name="claims">The bound file.</param>
    /// <param name="options">The engine and budgets.</param>
    public static IEnumerable<ClaimOutcome?> CheckStepwise(BoundClaims claims, ClaimCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(options);
        return Outcomes(claims, options);
    }

    private static IEnumerable<ClaimOutcome?> Outcomes(BoundClaims claims, ClaimCheckOptions options)
    {
        // One session per language; every architecture claimed for it is decided jointly, so the
        // claims of one file never contradict an inclusion.
        var sessions = new Dictionary<string, VerdictSession>(StringComparer.Ordinal);
        IEnumerable<ClaimOutcome?> Open(string name)
        {
            var language = claims.Languages[name];
            var s = options.Engine.Open(language.Dfa, language.Formula);
            yield return null;
            foreach (var _ in s.DecideStepwise(claims.Document.Statements.OfType<RecognizabilityClaim>().Where(r => r.Language.Name == name).Select(r => Architecture.From(r.Architecture))))
                yield return null;
            sessions[name] = s;
        }
        VerdictSession Session(string name) => sessions[name];
        foreach (var statement in claims.Document.Statements)
        {
            string? language = statement switch { RecognizabilityClaim r => r.Language.Name, ClassClaim c => c.Language.Name, _ => null };
            if (language is not null && !sessions.ContainsKey(language))
                foreach (var step in Open(language)) yield return step;
            yield return statement switch
            {
                RecognizabilityClaim r => Recognizability(r, claims.Languages[r.Language.Name], Session(r.Language.Name), options),
                ClassClaim c => ClassMembership(c, claims.Languages[c.Language.Name], claims.Classes[c], Session(c.Language.Name)),
                EquivalenceClaim e => Equivalence(e, claims.Languages[e.Left.Name], claims.Languages[e.Right.Name]),
                Conjecture c => ConjectureOutcome(c, options),
                _ => throw new ArgumentOutOfRangeException(nameof(claims), "unknown statement kind"),
            };
        }
    }

    /// <summary>
    /// The verdict of <paramref name="architecture"/> for <paramref name="language"/> with its certificate and
    /// empirical check: the chain's verdict, unless the formula's certificate fails or the simulated recognizer
    /// disagrees with the DFA (then unknown).
    /// </summary>
    /// <param name="language">The bound language.</param>
    /// <param name="architecture">The architecture.</param>
    /// <param name="session">The language's session of the decider chain.</param>
    /// <param name="options">The empirical check.</param>
    /// <param name="evidence">Receives the evidence lines.</param>
    /// <param name="certificate">The formula ≡ DFA certificate check, when a formula was checked.</param>
    /// <param name="empirical">The empirical result, when it ran.</param>
    public static Verdict Decide(BoundLanguage language, Architecture architecture, VerdictSession session, ClaimCheckOptions options,
        List<string> evidence, out CheckResult? certificate, out EmpiricalResult? empirical)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(evidence);
        certificate = null;
        empirical = null;
        var dfa = language.Dfa;
        var alphabet = dfa.Alphabet;
        var verdict = session.Decide([architecture])[architecture];
        var lines = VerdictText.Lines(verdict, architecture, alphabet);
        evidence.Add($"{architecture}: {VerdictText.Word(verdict.Answer)} — {lines[0]}");
        evidence.AddRange(lines.Skip(1).Select(Shorten));
        if (verdict.Answer == Answer.Yes && verdict.Formula is { } f)
        {
            certificate = CheckFormula(f.Formula, dfa);
            if (!certificate.Valid)
            {
                evidence.Add("certificate: FAILED — " + certificate.Reason);
                return new Verdict(Answer.Unknown, null, verdict.Evidence);
            }
            evidence.Add("certificate: formula DFA ≡ language DFA (bisimulation re-checked)");
            if (options.Empirical is { } check)
            {
                empirical = check.Check(f.Formula, architecture, dfa);
                evidence.Add("empirical: " + Describe(empirical, alphabet));
                if (empirical.Note is null && empirical.Disagreement is not null)
                    return new Verdict(Answer.Unknown, null, verdict.Evidence);
            }
        }
        return verdict;
    }

    private static ClaimOutcome Recognizability(RecognizabilityClaim claim, BoundLanguage language, VerdictSession session, ClaimCheckOptions options)
    {
        var architecture = Architecture.From(claim.Architecture);
        var evidence = new List<string>();
        var verdict = Decide(language, architecture, session, options, evidence, out var certificate, out var empirical);
        var status = verdict.Answer switch
        {
            Answer.Yes => claim.Negated ? ClaimStatus.Refuted : ClaimStatus.Confirmed,
            Answer.No => claim.Negated ? ClaimStatus.Confirmed : ClaimStatus.Refuted,
            _ => ClaimStatus.Unknown,
        };
        string summary = verdict.Answer switch
        {
            Answer.Yes => $"{claim.Language.Name} is recognizable by {architecture}",
            Answer.No => $"{claim.Language.Name} is not recognizable by {architecture}",
            _ => $"open: whether {claim.Language.Name} is recognizable by {architecture}",
        };
        return new ClaimOutcome(claim, status, summary, evidence)
        {
            Architecture = architecture, Verdict = verdict, Certificate = certificate, Empirical = empirical, Alphabet = language.Dfa.Alphabet,
        };
    }

    private static ClaimOutcome ClassMembership(ClassClaim claim, BoundLanguage language, LanguageClass cls, VerdictSession session)
    {
        var evidence = new List<string>();
        var context = session.Context;
        var verdict = context.Class(cls);
        string name = claim.Parameter is { } k ? $"{cls}({k})" : cls.ToString();
        if (verdict is null)
        {
            string why = context.ClassBudget(cls) is { } stop ? VerdictText.Describe(stop, language.Dfa.Alphabet) : "no decider";
            return new ClaimOutcome(claim, ClaimStatus.Unknown, $"{cls} was not decided", [$"class {cls}: not decided — {why}"]) { Alphabet = language.Dfa.Alphabet };
        }
        var problems = ClassCertificateChecker.Check(context.Minimal, verdict, context.Options.Deciders);
        if (problems.Count > 0)
            return new ClaimOutcome(claim, ClaimStatus.Unknown, $"the {cls} certificate did not check", problems.Select(p => "certificate: FAILED — " + p).ToList()) { Alphabet = language.Dfa.Alphabet };
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
        var result = options.ConjectureResults?.Invoke(conjecture) ?? ConjectureChecker.Check(conjecture, options.Engine, options.MaxConjectureLanguages);
        var left = result.Left;
        var right = result.Right;
        var evidence = new List<string>();
        if (result.Inclusion is { } rules)
        {
            evidence.Add($"{left} ⊆ {right} holds for every language by the hierarchy: {string.Join(", ", rules.Select(VerdictText.Rule))} (docs/theory.md §4.2)");
            return new ClaimOutcome(conjecture, ClaimStatus.Confirmed, "holds by the hierarchy of architectures", evidence) { Conjecture = result };
        }
        string scope = $"{VerdictText.Count(result.LanguagesChecked, "language")} with ≤ {VerdictText.Count(conjecture.MaxStates, "state")} over {conjecture.Alphabet}";
        switch (result.Status)
        {
            case ClaimStatus.Refuted:
            {
                var c = result.Counterexample!;
                evidence.Add($"smallest counterexample ({VerdictText.Count(c.Dfa.StateCount, "state")}): {left} yes, {right} no");
                evidence.AddRange(DfaTable.Format(c.Dfa).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "  " + l));
                var full = options.Engine.Decide(c.Dfa, left);
                if (full.Formula is { } f) evidence.Add($"formula ({left.FragmentName}): {Shorten(VerdictText.FormulaText(f.Formula))}");
                evidence.Add($"{left}: {VerdictText.Reason(c.Left, left, c.Dfa.Alphabet)}");
                evidence.Add($"{right}: {VerdictText.Reason(c.Right, right, c.Dfa.Alphabet)}");
                if (c.Right.Witnesses is { } w) evidence.Add("witness: " + w.Describe(c.Dfa.Alphabet));
                else if (c.Right.Identity is { } id) evidence.Add("identity: " + id.Describe(c.Dfa.Alphabet));
                return new ClaimOutcome(conjecture, ClaimStatus.Refuted, $"refuted after {scope}", evidence) { Conjecture = result };
            }
            case ClaimStatus.Unknown:
            {
                var u = result.FirstUnknown!;
                evidence.Add($"{VerdictText.Count(result.UnknownCount, "language")} left open, no counterexample; the first ({VerdictText.Count(u.Dfa.StateCount, "state")}):");
                evidence.AddRange(DfaTable.Format(u.Dfa).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "  " + l));
                evidence.Add($"{left}: {VerdictText.Word(u.Left.Answer)} — {VerdictText.Reason(u.Left, left, u.Dfa.Alphabet)}");
                evidence.Add($"{right}: {VerdictText.Word(u.Right.Answer)} — {VerdictText.Reason(u.Right, right, u.Dfa.Alphabet)}");
                if (u.Right.Witnesses is { } e) evidence.Add("search bound: " + e.Describe(u.Dfa.Alphabet));
                return new ClaimOutcome(conjecture, ClaimStatus.Unknown, $"open after {scope}", evidence) { Conjecture = result };
            }
            default:
                evidence.Add($"every language recognizable by {left} is recognizable by {right}");
                return new ClaimOutcome(conjecture, ClaimStatus.Confirmed, $"holds for all {scope}", evidence) { Conjecture = result };
        }
    }

    /// <summary>The longest formula printed in full in evidence lines (JSON output always has the whole formula).</summary>
    public const int MaxFormulaText = 160;

    /// <summary>
    /// A line clipped to <see cref="MaxFormulaText"/> characters; a limit flag in the clipped part (a budget note
    /// after a long formula) is never cut in two and is kept as <c>(raise --max-…)</c>, so every limit shown still
    /// names its flag.
    /// </summary>
    private static string Shorten(string text)
    {
        if (text.Length <= MaxFormulaText) return text;
        int cut = MaxFormulaText;
        foreach (System.Text.RegularExpressions.Match m in LimitFlag().Matches(text))
            if (m.Index < cut && m.Index + m.Length > cut) cut = m.Index;
        var flags = LimitFlag().Matches(text[cut..]).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        return text[..cut] + " …" + (flags.Count == 0 ? "" : " (raise " + string.Join(", ", flags) + ")");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"--max-[a-z-]*[a-z]")]
    private static partial System.Text.RegularExpressions.Regex LimitFlag();

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
}
