using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using FormalExpressivity.Classes.Types;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Architectures;

/// <summary>The attention families of theory.md §3–§4.</summary>
public enum ArchitectureKind
{
    /// <summary>Global heads only: strict = LTL[P] = R-trivial (LC25).</summary>
    Global,
    /// <summary>k-local heads only: local(1) = LTL[Y] = definite (LC26).</summary>
    Local,
    /// <summary>Global and k-local heads: hybrid(1) = LTL[P,Y] = LR (LC26).</summary>
    Hybrid,
    /// <summary>Unique-hard attention = LTL[S] = FO[&lt;] = star-free.</summary>
    Uha,
    /// <summary>Any finite-state recognizer (an RNN, MSO): every regular language.</summary>
    Regular,
}

/// <summary>Which positions a head attends to (theory.md §3).</summary>
public enum Masking
{
    /// <summary>Position n attends to m &lt; n (the project default, LC25's strict masking).</summary>
    Strict,
    /// <summary>Position n also attends to itself (m ≤ n): strictly weaker for global heads (LC25 §F, witness bbΣ*).</summary>
    NonStrict,
}

/// <summary>
/// One architecture — kind, window size k, masking and window aggregation — together with its rules
/// as data: the logic fragment it computes (<see cref="Fragment"/>, <see cref="FragmentName"/>,
/// <see cref="Computes"/>), the class that decides it exactly or necessarily (<see cref="ExactClass"/>,
/// <see cref="NecessaryClass"/>) and its inclusions (<see cref="ArchitectureHierarchy"/>).
/// </summary>
/// <remarks>
/// The window aggregation separates what a transformer computes from what the logic says
/// (theory.md §3.1): <see cref="WindowSemantics.Multiset"/> windows are the architectures
/// <c>local:k</c>, <c>hybrid:k</c>; <see cref="WindowSemantics.Set"/> windows are the logic classes
/// <c>Ywin:k</c> = LTL[Y[&lt;=k]] and <c>PYwin:k</c> = LTL[P,Y[&lt;=k]]. For k ≤ 2 the two coincide.
/// Keys (<see cref="Key"/>): <c>global</c>, <c>global-nonstrict</c>, <c>local:k</c>, <c>hybrid:k</c>,
/// <c>Ywin:k</c>, <c>PYwin:k</c>, <c>uha</c>, <c>regular</c>; claims spelling (<see cref="ToString"/>):
/// <c>local(k)</c>, ….
/// </remarks>
/// <param name="Kind">The family.</param>
/// <param name="Window">The window size k ≥ 1 for local and hybrid, 0 otherwise.</param>
/// <param name="Masking">Strict (default) or non-strict; non-strict is supported for global heads only.</param>
/// <param name="Windows">Multiset (the architecture, default) or set (the logic class) windows.</param>
public sealed record Architecture(ArchitectureKind Kind, int Window = 0, Masking Masking = Masking.Strict, WindowSemantics Windows = WindowSemantics.Multiset)
{
    /// <summary>The largest window size accepted.</summary>
    public const int MaxWindow = 64;

    /// <summary><c>global</c>: strict global attention.</summary>
    public static Architecture Global { get; } = new(ArchitectureKind.Global);

    /// <summary><c>global-nonstrict</c>: global attention that also sees the position itself.</summary>
    public static Architecture GlobalNonStrict { get; } = new(ArchitectureKind.Global, 0, Masking.NonStrict);

    /// <summary><c>uha</c>: unique-hard attention.</summary>
    public static Architecture Uha { get; } = new(ArchitectureKind.Uha);

    /// <summary><c>regular</c>: any finite-state recognizer.</summary>
    public static Architecture Regular { get; } = new(ArchitectureKind.Regular);

    /// <summary><c>local:k</c>: k-local heads only (multiset windows).</summary>
    /// <param name="k">The window size, 1 ≤ k ≤ <see cref="MaxWindow"/>.</param>
    public static Architecture Local(int k) => new(ArchitectureKind.Local, CheckWindow(k));

    /// <summary><c>hybrid:k</c>: global and k-local heads (multiset windows).</summary>
    /// <param name="k">The window size, 1 ≤ k ≤ <see cref="MaxWindow"/>.</param>
    public static Architecture Hybrid(int k) => new(ArchitectureKind.Hybrid, CheckWindow(k));

    /// <summary>The logic class <c>Ywin:k</c> = LTL[Y[&lt;=k]] (set windows).</summary>
    /// <param name="k">The window size.</param>
    public static Architecture WindowLogic(int k) => new(ArchitectureKind.Local, CheckWindow(k), Masking.Strict, WindowSemantics.Set);

    /// <summary>The logic class <c>PYwin:k</c> = LTL[P,Y[&lt;=k]] (set windows).</summary>
    /// <param name="k">The window size.</param>
    public static Architecture PastWindowLogic(int k) => new(ArchitectureKind.Hybrid, CheckWindow(k), Masking.Strict, WindowSemantics.Set);

    /// <summary>True for the families with a window size (local, hybrid).</summary>
    public bool HasWindow => Kind is ArchitectureKind.Local or ArchitectureKind.Hybrid;

    /// <summary>True for the logic classes <c>Ywin:k</c>, <c>PYwin:k</c> (set windows).</summary>
    public bool IsLogicClass => HasWindow && Windows == WindowSemantics.Set;

    /// <summary>True when the family has global heads (a P component): global and hybrid.</summary>
    public bool HasGlobalHeads => Kind is ArchitectureKind.Global or ArchitectureKind.Hybrid;

    /// <summary>The report key: <c>global</c>, <c>global-nonstrict</c>, <c>local:2</c>, <c>Ywin:2</c>, ….</summary>
    public string Key => (Kind, IsLogicClass) switch
    {
        (ArchitectureKind.Local, true) => string.Create(CultureInfo.InvariantCulture, $"Ywin:{Window}"),
        (ArchitectureKind.Hybrid, true) => string.Create(CultureInfo.InvariantCulture, $"PYwin:{Window}"),
        (ArchitectureKind.Local, _) => string.Create(CultureInfo.InvariantCulture, $"local:{Window}"),
        (ArchitectureKind.Hybrid, _) => string.Create(CultureInfo.InvariantCulture, $"hybrid:{Window}"),
        _ => BaseName,
    };

    /// <summary>The claims-file spelling: <c>global</c>, <c>local(2)</c>, <c>Ywin(3)</c>, ….</summary>
    public override string ToString() => HasWindow
        ? string.Create(CultureInfo.InvariantCulture, $"{(IsLogicClass ? (Kind == ArchitectureKind.Local ? "Ywin" : "PYwin") : BaseName)}({Window})")
        : BaseName;

    private string BaseName => Kind switch
    {
        ArchitectureKind.Global => Masking == Masking.NonStrict ? "global-nonstrict" : "global",
        ArchitectureKind.Local => "local",
        ArchitectureKind.Hybrid => "hybrid",
        ArchitectureKind.Uha => "uha",
        _ => "regular",
    };

    /// <summary>
    /// The fragment whose depth-r types decide this architecture by the bounded search of theory.md §6
    /// (<c>null</c> for uha and regular, which have exact criteria).
    /// </summary>
    public TypeFragment? Fragment => (Kind, Windows) switch
    {
        (ArchitectureKind.Global, _) => Masking == Masking.NonStrict ? TypeFragment.PastNonStrict : TypeFragment.PastOnly,
        (ArchitectureKind.Local, WindowSemantics.Set) => TypeFragment.WindowLogic(Window),
        (ArchitectureKind.Local, _) => TypeFragment.Local(Window),
        (ArchitectureKind.Hybrid, WindowSemantics.Set) => TypeFragment.PastWindowLogic(Window),
        (ArchitectureKind.Hybrid, _) => TypeFragment.Hybrid(Window),
        _ => null,
    };

    /// <summary>The logic of the architecture for reports: <c>LTL[P]</c>, <c>LTL[Y[&lt;=2]]</c>, <c>LTL[S]</c>, <c>MSO</c>, ….</summary>
    public string FragmentName => Kind switch
    {
        ArchitectureKind.Global => Masking == Masking.NonStrict ? "non-strict LTL[P]" : "LTL[P]",
        ArchitectureKind.Local => Window == 1 ? "LTL[Y]" : string.Create(CultureInfo.InvariantCulture, $"LTL[Y[<={Window}]]"),
        ArchitectureKind.Hybrid => Window == 1 ? "LTL[P,Y]" : string.Create(CultureInfo.InvariantCulture, $"LTL[P,Y[<={Window}]]"),
        ArchitectureKind.Uha => "LTL[S]",
        _ => "MSO",
    };

    /// <summary>
    /// The class equal to this architecture, when one is known (theory.md §4): global = R, local(1) = Ywin:1 = D,
    /// hybrid(1) = PYwin:1 = LR, uha = SF, regular = REG; <c>null</c> for the bounded cases.
    /// </summary>
    public LanguageClass? ExactClass => (Kind, Window, Masking) switch
    {
        (ArchitectureKind.Global, _, Masking.Strict) => LanguageClass.R,
        (ArchitectureKind.Local, 1, _) => LanguageClass.D,
        (ArchitectureKind.Hybrid, 1, _) => LanguageClass.LR,
        (ArchitectureKind.Uha, _, _) => LanguageClass.SF,
        (ArchitectureKind.Regular, _, _) => LanguageClass.REG,
        _ => null,
    };

    /// <summary>
    /// A class containing every language of this architecture (theory.md §4): R for global-nonstrict,
    /// D for local(k), LR for hybrid(k), and the exact class where there is one. Failing it proves "no".
    /// </summary>
    public LanguageClass NecessaryClass => ExactClass ?? Kind switch
    {
        ArchitectureKind.Global => LanguageClass.R,
        ArchitectureKind.Local => LanguageClass.D,
        _ => LanguageClass.LR,
    };

    /// <summary>
    /// True when every temporal operator of <paramref name="formula"/> is one this architecture computes
    /// directly (theory.md §8), so a language defined by the formula is recognizable: P and H for global
    /// heads; Y[&lt;=k] (Y when k = 1) for k-local heads, and the counting window Y[&lt;=k,&gt;=c] only with
    /// multiset windows (§3.1); every past operator for uha; every formula for regular. Global-nonstrict computes
    /// the non-strict P⁼φ and H⁼φ, which the strict syntax writes φ ∨ P φ and φ ∧ H φ: a formula qualifies when
    /// every P and H node occurs only in that shape (<see cref="NonStrictOnly"/>).
    /// </summary>
    /// <param name="formula">A formula read at N+1.</param>
    public bool Computes(LtlFormula formula)
    {
        ArgumentNullException.ThrowIfNull(formula);
        if (Kind == ArchitectureKind.Regular) return true;
        if (Masking == Masking.NonStrict) return Kind == ArchitectureKind.Global && NonStrictOnly(formula);
        foreach (var f in formula.Subformulas())
        {
            bool ok = f.Kind switch
            {
                < LtlKind.Yesterday => true,
                LtlKind.Past or LtlKind.Historically => HasGlobalHeads || Kind == ArchitectureKind.Uha,
                LtlKind.Yesterday => Kind == ArchitectureKind.Uha || (HasWindow && Window == 1),
                LtlKind.WindowYesterday => Kind == ArchitectureKind.Uha || (HasWindow && Window == f.Window),
                LtlKind.WindowCount => Kind == ArchitectureKind.Uha || (HasWindow && Window == f.Window && Windows == WindowSemantics.Multiset),
                LtlKind.Since => Kind == ArchitectureKind.Uha,
                _ => false, // future operators: not computable by causal attention read at N+1
            };
            if (!ok) return false;
        }
        return true;
    }

    /// <summary>
    /// True when <paramref name="formula"/> is a formula of non-strict LTL[P] written with strict operators: Boolean
    /// connectives, atoms and constants, and P and H nodes only as the right-hand operand of φ ∨ P φ and φ ∧ H φ
    /// respectively (every occurrence of the shared node, and never at the root). Replacing each such pattern by
    /// P⁼φ (H⁼φ) gives a formula of the non-strict logic with the same value at every position.
    /// </summary>
    private static bool NonStrictOnly(LtlFormula formula)
    {
        if (formula.Kind is LtlKind.Past or LtlKind.Historically) return false;
        foreach (var f in formula.Subformulas())
        {
            if (f.Kind is LtlKind.Past or LtlKind.Historically) continue; // checked at each parent
            if (f.IsTemporal) return false;
            foreach (var c in f.Children)
            {
                if (c.Kind is not (LtlKind.Past or LtlKind.Historically)) continue;
                var shape = c.Kind == LtlKind.Past ? LtlKind.Or : LtlKind.And;
                if (f.Kind != shape || !f.Children.Contains(c.Left)) return false;
            }
        }
        return true;
    }

    /// <summary>The default report rows: global, global-nonstrict, local:k and hybrid:k for each k, uha.</summary>
    /// <param name="windowSizes">Window sizes k ≥ 1.</param>
    public static IReadOnlyList<Architecture> Defaults(IEnumerable<int> windowSizes)
    {
        var ks = CheckWindows(windowSizes);
        var list = new List<Architecture> { Global, GlobalNonStrict };
        list.AddRange(ks.Select(Local));
        list.AddRange(ks.Select(Hybrid));
        list.Add(Uha);
        return list;
    }

    /// <summary>The logic-class rows: <c>Ywin:k</c> and <c>PYwin:k</c> for each k, in that order per k.</summary>
    /// <param name="windowSizes">Window sizes k ≥ 1.</param>
    public static IReadOnlyList<Architecture> LogicClasses(IEnumerable<int> windowSizes) =>
        CheckWindows(windowSizes).SelectMany(k => new[] { WindowLogic(k), PastWindowLogic(k) }).ToList();

    /// <summary>
    /// Parses a report key (<c>local:2</c>, <c>Ywin:3</c>, <c>global-nonstrict</c>) or a claims-file
    /// spelling (<c>local(2)</c>, <c>Ywin(3)</c>).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="architecture">The architecture when valid.</param>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Architecture? architecture)
    {
        architecture = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        string name = text;
        int? k = null;
        int cut = text.IndexOfAny([':', '(']);
        if (cut > 0)
        {
            name = text[..cut];
            string rest = text[(cut + 1)..];
            if (text[cut] == '(')
            {
                if (!rest.EndsWith(')')) return false;
                rest = rest[..^1];
            }
            if (!int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed)) return false;
            k = parsed;
        }
        return TryCreate(name, k, out architecture);
    }

    /// <summary>The architecture named <paramref name="name"/> with window <paramref name="window"/> (the claims grammar's parts).</summary>
    /// <param name="name"><c>global</c>, <c>global-nonstrict</c>, <c>local</c>, <c>hybrid</c>, <c>Ywin</c>, <c>PYwin</c>, <c>uha</c>, <c>regular</c>.</param>
    /// <param name="window">The window size for the windowed names, else <c>null</c>.</param>
    /// <param name="architecture">The architecture when valid.</param>
    public static bool TryCreate(string name, int? window, [NotNullWhen(true)] out Architecture? architecture)
    {
        architecture = null;
        Func<int, Architecture>? windowed = name switch
        {
            "local" => Local,
            "hybrid" => Hybrid,
            "Ywin" => WindowLogic,
            "PYwin" => PastWindowLogic,
            _ => null,
        };
        if (windowed is not null)
        {
            if (window is not int k || k < 1 || k > MaxWindow) return false;
            architecture = windowed(k);
            return true;
        }
        if (window is not null) return false;
        architecture = name switch
        {
            "global" => Global,
            "global-nonstrict" => GlobalNonStrict,
            "uha" => Uha,
            "regular" => Regular,
            _ => null,
        };
        return architecture is not null;
    }

    /// <summary>The architecture a claims file names (its names are validated by the claims reader).</summary>
    /// <param name="spelling">The parsed spelling.</param>
    /// <exception cref="ArgumentException">The spelling names no architecture (the reader prevents this).</exception>
    public static Architecture From(Syntax.Claims.ArchitectureSpelling spelling)
    {
        ArgumentNullException.ThrowIfNull(spelling);
        return TryCreate(spelling.Name, spelling.Window, out var a) ? a : throw new ArgumentException($"'{spelling}' names no architecture", nameof(spelling));
    }

    private static int[] CheckWindows(IEnumerable<int> windowSizes)
    {
        ArgumentNullException.ThrowIfNull(windowSizes);
        var ks = windowSizes.Distinct().Order().ToArray();
        foreach (int k in ks) CheckWindow(k);
        return ks;
    }

    private static int CheckWindow(int k) =>
        k is >= 1 and <= MaxWindow ? k : throw new ArgumentOutOfRangeException(nameof(k), k, $"the window size must be in 1..{MaxWindow}");
}
