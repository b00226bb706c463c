using System.Globalization;
using FormalExpressivity.Classes.Exact;
using FormalExpressivity.Classes.Verdicts;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Report;

/// <summary>The prose of every kind of evidence (<see cref="ClassEvidence.Describe"/> renders through here): the evidence records hold data only.</summary>
public static partial class VerdictText
{
    /// <summary>One line for people on any evidence, as <see cref="ClassEvidence.Describe"/> shows it.</summary>
    /// <param name="evidence">The evidence.</param>
    /// <param name="alphabet">Σ, for the words.</param>
    public static string Describe(ClassEvidence evidence, Alphabet alphabet)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(alphabet);
        string Fmt(Word w) => w.Length == 0 ? "ε" : w.Format(alphabet);
        switch (evidence)
        {
            case FormulaEvidence f: return Describe(f, alphabet);
            case BudgetStop s: return Describe(s, alphabet);
            case PastOfWindowBound pw: return Describe(pw, alphabet);
            case LeastDepth l: return Describe(l, alphabet);
            case SmallestFormula sf: return Describe(sf, alphabet);
            case RefutationBound r: return Describe(r, alphabet);
            case SearchBound b: return Describe(b, alphabet);
            case InclusionEvidence i: return Describe(i, alphabet);
            case ClassCriterion c: return Describe(c, alphabet);
            case EvidenceSet set:
                return string.Join("; ", set.Items.Select(i => Describe(i, alphabet)));
            case ClassMembership m:
                return $"{m.Criterion}: {m.Checked}";
            case IdentityViolation id:
                return $"violates {id.Identity} with " + string.Join(", ", id.Assignment.Select(kv => $"{kv.Key} = {kv.Value.Format(alphabet)}"));
            case WitnessPair w:
                return $"{w.InLanguage.Format(alphabet)} ∈ L and {w.NotInLanguage.Format(alphabet)} ∉ L agree on every {w.Fragment} formula of depth ≤ {w.Depth}";
            case LrConfiguration lr:
                return $"forbidden configuration p = {lr.P}, q = {lr.Q}, r = {lr.R}, r' = {lr.RPrime}, u = {lr.U.Format(alphabet)}, x = {lr.X.Format(alphabet)}, y = {lr.Y.Format(alphabet)}";
            case SuffixSubstitutionViolation v:
            {
                string Joined(Word a, Word b, Word c) => a.Concat(b).Concat(c).Format(alphabet);
                return $"{Joined(v.U1, v.X, v.V1)} ∈ L and {Joined(v.U2, v.X, v.V2)} ∈ L but {Joined(v.U1, v.X, v.V2)} ∉ L (shared factor of length {v.X.Length})";
            }
            case StutterCertificate st:
                return $"stuttering: {Fmt(st.Single)} and {Fmt(st.Doubled)} differ only by a doubled {alphabet[st.Letter]} and lie on different sides of L; under non-strict masking doubling a letter changes no type at any depth (docs/theory.md §Stuttering)";
            case LassoCertificate lasso:
            {
                string cls = lasso.Period == 1 ? $"n ≥ {lasso.MinRepetition}" : $"n ≥ {lasso.MinRepetition}, n ≡ {lasso.MinRepetition % lasso.Period} (mod {lasso.Period})";
                var (u, v) = lasso.WordsAt(lasso.RepetitionFor(3));
                return string.Create(CultureInfo.InvariantCulture,
                    $"lasso p = {Fmt(lasso.Prefix)}, v = {Fmt(lasso.Loop)}, x = {Fmt(lasso.InTail)}, y = {Fmt(lasso.OutTail)}: p·vⁿ·x ∈ L and p·vⁿ·y ∉ L for {cls}, and they agree on every {lasso.Fragment.Name} formula of every depth (limit graph, docs/theory.md §Lasso certificates); at depth ≤ 3 e.g. {Fmt(u)} ∈ L and {Fmt(v)} ∉ L");
            }
            case PumpingCertificate p:
            {
                var (u, v) = p.WordsFor(2);
                return string.Create(CultureInfo.InvariantCulture,
                    $"pumping s = {Fmt(p.Prefix)}, x = {Fmt(p.Loop)}, z = {Fmt(p.Suffix)}, ω = {p.Omega}: s·x^n·z and s·x^(n+1)·z lie on different sides of L for every multiple n of ω, and agree on every FO[<] sentence of quantifier rank ≤ r once n ≥ 2^r (Ehrenfeucht–Fraïssé); rank 2: {Fmt(u)} vs {Fmt(v)}");
            }
            default:
                return evidence.GetType().Name;
        }
    }
}
