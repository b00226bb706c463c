using System.Globalization;
using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Enumeration;
using FormalExpressivity.Classes.Exact;
using FormalExpressivity.Classes.Report;
using FormalExpressivity.Classes.Synthesis;
using FormalExpressivity.Classes.Verdicts;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Randomness;

namespace FormalExpressivity.Classes.Census;

/// <summary>Options of a census run.</summary>
public sealed record CensusOptions
{
    /// <summary>Σ.</summary>
    public required Alphabet Alphabet { get; init; }

    /// <summary>The largest number of minimal states n (every language with 1..n states).</summary>
    public required int MaxStates { get; init; }

    /// <summary>Window sizes k for local:k, hybrid:k, Ywin:k and PYwin:k (default 1, 2, 3, 4).</summary>
    public IReadOnlyList<int> WindowSizes { get; init; } = [1, 2, 3, 4];

    /// <summary>The decider chain and its budgets.</summary>
    public VerdictEngine Engine { get; init; } = VerdictEngine.Default;

    /// <summary>When set: a seeded uniform sample of this many languages (kept in canonical order); null: every language.</summary>
    public int? Sample { get; init; }

    /// <summary>The seed of the sample.</summary>
    public ulong Seed { get; init; } = 2026;

    /// <summary>Budget <c>max-languages</c> of the enumeration.</summary>
    public long MaxLanguages { get; init; } = MinimalDfaEnumeration.DefaultMaxLanguages;
}

/// <summary>A language of the census: its canonical index, key and minimal DFA.</summary>
/// <param name="Index">0-based position in the canonical enumeration.</param>
/// <param name="Key">The canonical text key (table | accepting states).</param>
/// <param name="Minimal">The canonical minimal DFA.</param>
public sealed record CensusLanguage(long Index, string Key, Dfa Minimal);

/// <summary>
/// The census (<c>fex census</c>): every minimal DFA up to n states over Σ (the enumeration of the
/// conjecture checks, <see cref="MinimalDfaEnumeration"/>) through every architecture and window logic.
/// </summary>
public static class CensusRunner
{
    /// <summary>The row keys for one language, in row order: global, global-nonstrict, local:k…, hybrid:k…, uha, Ywin:k…, PYwin:k….</summary>
    /// <param name="windowSizes">The window sizes.</param>
    public static IReadOnlyList<string> Keys(IReadOnlyList<int> windowSizes)
    {
        ArgumentNullException.ThrowIfNull(windowSizes);
        var ks = windowSizes.Distinct().Order().ToArray();
        return Rows(ks).Select(a => a.Key).ToList();
    }

    /// <summary>The languages of the census in canonical order (all, or the seeded sample).</summary>
    /// <param name="options">The options.</param>
    /// <param name="total">The number of languages in the full enumeration.</param>
    public static IReadOnlyList<CensusLanguage> Languages(CensusOptions options, out long total)
    {
        ArgumentNullException.ThrowIfNull(options);
        var all = MinimalDfaEnumeration.Enumerate(options.Alphabet, options.MaxStates, options.MaxLanguages)
            .Select((dfa, i) => new CensusLanguage(i, KeyOf(dfa), dfa)).ToList();
        total = all.Count;
        if (options.Sample is not int size || size >= all.Count) return all;
        // Floyd's algorithm: a uniform sample of `size` distinct indices, then canonical order.
        var random = new SplitMix64(options.Seed);
        var chosen = new HashSet<int>();
        for (int j = all.Count - size; j < all.Count; j++)
        {
            int t = random.NextInt(j + 1);
            if (!chosen.Add(t)) chosen.Add(j);
        }
        return chosen.Order().Select(i => all[i]).ToList();
    }

    /// <summary>The canonical text key of a minimal DFA: the transition table then the accepting states.</summary>
    /// <param name="dfa">A canonical minimal DFA.</param>
    public static string KeyOf(Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        return string.Join(',', dfa.Table.ToArray()) + "|" + string.Join(',', dfa.AcceptingStates().Elements());
    }

    /// <summary>The DFA of a key written by <see cref="KeyOf"/> (start state 0, as every canonical DFA).</summary>
    /// <param name="alphabet">The DFA's alphabet.</param>
    /// <param name="key">The key.</param>
    /// <exception cref="FormatException">The key is not a DFA over <paramref name="alphabet"/>.</exception>
    public static Dfa FromKey(Alphabet alphabet, string key)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        ArgumentNullException.ThrowIfNull(key);
        var halves = key.Split('|');
        if (halves.Length != 2) throw new FormatException("a DFA key is TABLE|ACCEPTING");
        static int[] Numbers(string text) => text.Length == 0 ? [] : text.Split(',').Select(t => int.Parse(t, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
        var table = Numbers(halves[0]);
        if (table.Length == 0 || table.Length % alphabet.Count != 0) throw new FormatException($"a DFA table over {alphabet} has a multiple of {alphabet.Count} entries, not {table.Length}");
        var accepting = new Core.Collections.BitSet(table.Length / alphabet.Count);
        foreach (int q in Numbers(halves[1]))
        {
            if (q >= accepting.Capacity) throw new FormatException($"accepting state {q} is not a state");
            accepting.Add(q);
        }
        try { return Dfa.Create(alphabet, 0, table, accepting); }
        catch (ArgumentException e) { throw new FormatException(e.Message, e); }
    }

    /// <summary>The rows of one language, in the order of <see cref="Keys"/>.</summary>
    /// <param name="language">The language.</param>
    /// <param name="options">The options.</param>
    public static IReadOnlyList<CensusRow> Rows(CensusLanguage language, CensusOptions options)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(options);
        var rows = Rows(options.WindowSizes.Distinct().Order().ToArray());
        var session = options.Engine.Open(language.Minimal);
        var verdicts = session.Decide(rows);
        string classes = ClassesOf(session.Context);
        return rows.Select(a => Row(language, a, verdicts[a]) with { Classes = classes }).ToList();
    }

    /// <summary>
    /// The rows of <paramref name="languages"/> (<paramref name="rows"/>, in order, as <see cref="Rows(CensusLanguage, CensusOptions)"/>
    /// gave them) with the smallest formulas the machine tables left open settled by signatures: every yes row of a
    /// formula grammar whose formula is not proved smallest names its language for that grammar; one
    /// <see cref="SmallestFormulaSearch.Prime"/> per grammar answers all of them at once (over a two-letter alphabet,
    /// <c>max-formula-size</c> ≤ <see cref="SmallestFormulaSearch.MaxPrimedSize"/>), and those languages are decided
    /// again. Only languages in a row's class are enumerated for it, so the signature tables stay those of
    /// docs/theory.md §Smallest formulas. Rows with the same grammar (local:k and Ywin:k, hybrid:k and PYwin:k) share
    /// one enumeration.
    /// </summary>
    /// <param name="languages">The census's languages (a shard's own).</param>
    /// <param name="rows">Their rows.</param>
    /// <param name="options">The options.</param>
    public static IReadOnlyList<CensusRow> SettleSmallestFormulas(IReadOnlyList<CensusLanguage> languages, IReadOnlyList<CensusRow> rows, CensusOptions options)
    {
        ArgumentNullException.ThrowIfNull(languages);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        var engine = options.Engine.Options;
        int maxSize = engine.Smallest.MaxSize;
        if (!engine.SynthesizeFormulas || maxSize < 3 || maxSize > SmallestFormulaSearch.MaxPrimedSize || options.Alphabet.Count != 2) return rows;
        var architectures = Rows(options.WindowSizes.Distinct().Order().ToArray()).ToDictionary(a => a.Key);
        var byIndex = languages.ToDictionary(l => l.Index);
        // Per grammar: a row of it, and the languages (canonical order) whose yes row of it has no proved smallest formula.
        var open = new SortedDictionary<string, (Architecture Row, SortedSet<long> Languages)>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (r.Verdict != "yes" || r.FormulaSmallest == true || !architectures.TryGetValue(r.Architecture, out var a) || FormulaGrammar.For(a) is not { } grammar) continue;
            string key = grammar.Describe();
            if (!open.TryGetValue(key, out var entry)) open[key] = entry = (a, []);
            entry.Languages.Add(r.Index);
        }
        if (open.Count == 0) return rows;
        var redo = new SortedSet<long>();
        foreach (var (row, indices) in open.Values)
            if (SmallestFormulaSearch.Prime(indices.Select(i => byIndex[i].Minimal).ToList(), row, maxSize, engine.Smallest.MaxWork))
                redo.UnionWith(indices);
        if (redo.Count == 0) return rows;
        var again = redo.ToDictionary(i => i, i => Rows(byIndex[i], options));
        var result = new List<CensusRow>(rows.Count);
        long last = -1;
        foreach (var r in rows)
        {
            if (!again.TryGetValue(r.Index, out var replaced)) result.Add(r);
            else if (r.Index != last) result.AddRange(replaced);
            last = r.Index;
        }
        return result;
    }

    /// <summary>The <see cref="CensusRow.Classes"/> text of a language: its member classes in <see cref="LanguageClass"/> order, <c>?</c> after an undecided one.</summary>
    /// <param name="context">The language's verdict context (its class verdicts are computed once).</param>
    public static string ClassesOf(VerdictContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var names = new List<string>();
        foreach (var c in ClassDeciders.All)
        {
            var verdict = context.Class(c);
            if (verdict is null) names.Add(c + "?");
            else if (verdict.Member) names.Add(c.ToString());
        }
        return string.Join(',', names);
    }

    private static List<Architecture> Rows(int[] ks)
    {
        var rows = Architecture.Defaults(ks).ToList();
        rows.AddRange(ks.Select(Architecture.WindowLogic));
        rows.AddRange(ks.Select(Architecture.PastWindowLogic));
        return rows;
    }

    private static CensusRow Row(CensusLanguage language, Architecture a, Verdict v)
    {
        string evidence = v switch
        {
            { Answer: Answer.Yes, Formula: not null } => "formula",
            { Answer: Answer.Yes } => "criterion",
            { Certificate: { } c } => CertificateJson.Kind(c),
            { Answer: Answer.No, Identity: not null } => "identity",
            { Answer: Answer.No } => "witness",
            _ => "bound",
        };
        return new CensusRow(language.Index, language.Key, language.Minimal.StateCount, a.Key, VerdictText.Word(v.Answer), evidence,
            v.Certificate is LassoCertificate or StutterCertificate ? null : v.Depth,
            v.Answer == Answer.Yes ? v.Formula?.Formula.Size : null,
            v.Answer == Answer.Yes && v.Formula is not null ? v.Formula.Proved : null,
            v.Answer == Answer.Yes && v.Formula is not null ? v.Smallest?.Proved ?? false : null);
    }
}
