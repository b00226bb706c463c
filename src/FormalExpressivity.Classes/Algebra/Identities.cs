namespace FormalExpressivity.Classes.Algebra;

/// <summary>
/// The semigroup identities the deciders test, as text in the syntax <see cref="IdentityEvaluator"/>
/// parses: single-letter variables, juxtaposition for the product (x·y)(q) = y(x(q)), parentheses and
/// the idempotent power <c>^ω</c>. Variables range over the syntactic <b>semigroup</b> S (non-empty words).
/// </summary>
public static class Identities
{
    /// <summary>Aperiodic (star-free; Schützenberger 1965): x^ω x = x^ω.</summary>
    public const string Aperiodic = "x^ω x = x^ω";

    /// <summary>R-trivial (Brzozowski &amp; Fich 1980; Eilenberg): (xy)^ω x = (xy)^ω.</summary>
    public const string RTrivial = "(xy)^ω x = (xy)^ω";

    /// <summary>L-trivial: y (xy)^ω = (xy)^ω.</summary>
    public const string LTrivial = "y (xy)^ω = (xy)^ω";

    /// <summary>DA (Schützenberger 1976; Thérien &amp; Wilke 1998): (xy)^ω x (xy)^ω = (xy)^ω.</summary>
    public const string DA = "(xy)^ω x (xy)^ω = (xy)^ω";

    /// <summary>Definite (Perles, Rabin &amp; Shamir 1963): s e^ω = e^ω.</summary>
    public const string Definite = "s e^ω = e^ω";

    /// <summary>Reverse definite: e^ω s = e^ω.</summary>
    public const string ReverseDefinite = "e^ω s = e^ω";

    /// <summary>Generalized definite (locally trivial): e^ω s e^ω = e^ω.</summary>
    public const string GeneralizedDefinite = "e^ω s e^ω = e^ω";

    /// <summary>Locally R-trivial (eSe R-trivial for every idempotent e): the R identity inside e^ω S e^ω.</summary>
    public const string LocallyRTrivial = "(e^ω x e^ω y e^ω)^ω e^ω x e^ω = (e^ω x e^ω y e^ω)^ω";

    /// <summary>Locally testable, idempotence of eSe (Brzozowski &amp; Simon 1973; McNaughton 1974).</summary>
    public const string LocallyIdempotent = "e^ω x e^ω x e^ω = e^ω x e^ω";

    /// <summary>Locally testable, commutativity of eSe.</summary>
    public const string LocallyCommutative = "e^ω x e^ω y e^ω = e^ω y e^ω x e^ω";

    /// <summary>Locally threshold testable beyond aperiodicity (Thérien &amp; Weiss 1985).</summary>
    public const string TherienWeiss = "e^ω x f^ω y e^ω z f^ω = e^ω z f^ω y e^ω x f^ω";
}
