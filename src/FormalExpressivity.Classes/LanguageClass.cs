namespace FormalExpressivity.Classes;

/// <summary>
/// The language classes the classifier reports (theory.md §4). Literature abbreviations are the
/// member names, as in CLI output and JSON keys.
/// </summary>
public enum LanguageClass
{
    /// <summary>Strictly local SL_k (parameter: least k).</summary>
    SL,
    /// <summary>Locally testable LT_k (parameter: least k); semigroup: eSe idempotent and commutative.</summary>
    LT,
    /// <summary>Locally threshold testable: aperiodic + Thérien–Weiss condition.</summary>
    LTT,
    /// <summary>Piecewise testable PT_k (parameter: least k); J-trivial monoid (Simon 1975).</summary>
    PT,
    /// <summary>Definite (parameter: degree); semigroup s·e = e; LTL[Y]; local(1).</summary>
    D,
    /// <summary>Reverse definite: e·s = e.</summary>
    K,
    /// <summary>Generalized definite: e·s·e = e.</summary>
    LI,
    /// <summary>R-trivial monoid = partially ordered DFA = LTL[P]; global attention (Brzozowski &amp; Fich 1980).</summary>
    R,
    /// <summary>L-trivial monoid.</summary>
    L,
    /// <summary>J-trivial monoid = piecewise testable.</summary>
    J,
    /// <summary>DA = FO²[&lt;] = LTL[P,F] (Thérien &amp; Wilke 1998).</summary>
    DA,
    /// <summary>Locally R-trivial LR = R∗D = LTL[P,Y]; hybrid(1).</summary>
    LR,
    /// <summary>Star-free = aperiodic = FO[&lt;] = LTL[S] (Schützenberger, McNaughton–Papert); unique-hard attention.</summary>
    SF,
    /// <summary>Regular (every DFA language).</summary>
    REG,
}
