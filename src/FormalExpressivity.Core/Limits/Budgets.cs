namespace FormalExpressivity.Core.Limits;

/// <summary>
/// The named budgets of every computation that can grow large, with their documented defaults — one
/// value passed from the command line (one flag per budget, <c>--max-states</c> etc.) to every library
/// that builds automata, semigroups or types. A computation that would exceed a budget ends with a
/// <see cref="Text.BudgetExceededException"/> naming the budget (<see cref="Budget.Name"/>), which is also
/// the command-line flag that raises it. The list of budgets with their names, defaults and ranges is
/// <see cref="All"/>; adding a budget is one property, one default constant and one line in <see cref="All"/>.
/// </summary>
public sealed record Budgets
{
    /// <summary>
    /// The least default of <see cref="MaxStates"/> (and the default of library calls made without
    /// budgets); the default of <see cref="Default"/> is <see cref="MachineMaxStates"/>, which is never lower.
    /// </summary>
    public const int DefaultMaxStates = 200_000;

    /// <summary>Bytes of memory set aside per automaton state when the default <c>max-states</c> is derived from the machine.</summary>
    public const int BytesPerState = 1024;

    /// <summary>The largest default <c>max-states</c> derived from memory.</summary>
    public const int MaxDerivedStates = 64_000_000;

    /// <summary>
    /// The default of <see cref="MaxStates"/> on this machine: the memory available to the process
    /// (<see cref="GC.GetGCMemoryInfo()"/>, which respects container limits) divided by
    /// <see cref="BytesPerState"/> — room for the constructions' working sets (tables, subsets, partitions),
    /// not just the result — clamped to [<see cref="DefaultMaxStates"/>, <see cref="MaxDerivedStates"/>].
    /// With 4 GB free that is about 4 million states, so a 2^20- or 2^21-state language compiles at the
    /// first try; a small container keeps the fixed floor.
    /// </summary>
    public static int MachineMaxStates { get; } = DeriveMaxStates(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);

    /// <summary>The default <c>max-states</c> for <paramref name="availableBytes"/> bytes of memory (see <see cref="MachineMaxStates"/>).</summary>
    /// <param name="availableBytes">Memory available to the process.</param>
    public static int DeriveMaxStates(long availableBytes) =>
        (int)Math.Clamp(availableBytes / BytesPerState, DefaultMaxStates, MaxDerivedStates);

    /// <summary>Default of <see cref="MaxVariables"/>.</summary>
    public const int DefaultMaxVariables = 10;

    /// <summary>Default of <see cref="MaxSemigroup"/>.</summary>
    public const int DefaultMaxSemigroup = 100_000;

    /// <summary>Default of <see cref="MaxSemigroupMib"/>: 512 MiB.</summary>
    public const int DefaultMaxSemigroupMib = 512;

    /// <summary>Default of <see cref="MaxParameterStates"/>.</summary>
    public const int DefaultMaxParameterStates = 50_000;

    /// <summary>Default of <see cref="MaxPairStates"/>.</summary>
    public const long DefaultMaxPairStates = 50_000_000;

    /// <summary>Default of <see cref="MaxDepth"/>.</summary>
    public const int DefaultMaxDepth = 3;

    /// <summary>Default of <see cref="MaxTypes"/>.</summary>
    public const int DefaultMaxTypes = 50_000;

    /// <summary>Default of <see cref="MaxTypeStates"/>.</summary>
    public const int DefaultMaxTypeStates = 400_000;

    /// <summary>Default of <see cref="MaxLanguages"/>.</summary>
    public const long DefaultMaxLanguages = 5_000_000;

    /// <summary>Default of <see cref="MaxStrings"/>.</summary>
    public const long DefaultMaxStrings = 20_000_000;

    /// <summary>Default of <see cref="MaxCertificateStates"/>.</summary>
    public const int DefaultMaxCertificateStates = 250_000;

    /// <summary>Default of <see cref="MaxLassoPrefix"/>.</summary>
    public const int DefaultMaxLassoPrefix = 3;
    /// <summary>Default of <see cref="MaxLassoLoop"/>.</summary>
    public const int DefaultMaxLassoLoop = 4;
    /// <summary>Default of <see cref="MaxLassoTails"/>.</summary>
    public const int DefaultMaxLassoTails = 128;
    /// <summary>Default of <see cref="MaxLassoCandidates"/>.</summary>
    public const int DefaultMaxLassoCandidates = 200;
    /// <summary>Default of <see cref="MaxSearchWork"/>.</summary>
    public const long DefaultMaxSearchWork = 20_000;
    /// <summary>Default of <see cref="MaxFormulaSize"/>.</summary>
    public const int DefaultMaxFormulaSize = 10;
    /// <summary>Default of <see cref="MaxFormulaWork"/>.</summary>
    public const long DefaultMaxFormulaWork = 1_000_000;
    /// <summary>The defaults.</summary>
    public static Budgets Default { get; } = new();

    /// <summary>
    /// <c>max-states</c>: the most states of any automaton built from a language or a model (regex
    /// derivatives, Thompson NFA and subset construction, past-LTL and FO[&lt;] constructions, products,
    /// near-miss automata, the DFA of a transformer model, the proof of a synthesized formula).
    /// </summary>
    public int MaxStates { get; init; } = MachineMaxStates;

    /// <summary><c>max-variables</c>: the most free first-order variables of one FO[&lt;] subformula (its track alphabet has |Σ|·2^k letters).</summary>
    public int MaxVariables { get; init; } = DefaultMaxVariables;

    /// <summary><c>max-semigroup</c>: the most elements of a transition semigroup or monoid enumerated by the class deciders.</summary>
    public int MaxSemigroup { get; init; } = DefaultMaxSemigroup;

    /// <summary>
    /// <c>max-semigroup-mib</c>: the most memory (MiB) one transition semigroup may hold — whatever
    /// <see cref="MaxSemigroup"/> says, a DFA with many states stops here instead of exhausting the machine.
    /// </summary>
    public int MaxSemigroupMib { get; init; } = DefaultMaxSemigroupMib;

    /// <summary><c>max-parameter-states</c>: the largest product automaton built to find the least k of LT and PT (beyond it the parameter is reported unknown).</summary>
    public int MaxParameterStates { get; init; } = DefaultMaxParameterStates;

    /// <summary><c>max-pair-states</c>: the most state pairs of the pair graph used by the SL, D and LR tests.</summary>
    public long MaxPairStates { get; init; } = DefaultMaxPairStates;

    /// <summary><c>max-depth</c>: the largest operator depth r of the bounded type search and of witness checks.</summary>
    public int MaxDepth { get; init; } = DefaultMaxDepth;

    /// <summary><c>max-types</c>: the most depth-r types interned by the bounded type search.</summary>
    public int MaxTypes { get; init; } = DefaultMaxTypes;

    /// <summary><c>max-type-states</c>: the most states of a type automaton and of its product with the DFA.</summary>
    public int MaxTypeStates { get; init; } = DefaultMaxTypeStates;

    /// <summary><c>max-languages</c>: the most languages enumerated to test one conjecture of a claims file.</summary>
    public long MaxLanguages { get; init; } = DefaultMaxLanguages;

    /// <summary><c>max-strings</c>: the most strings of one generated corpus.</summary>
    public long MaxStrings { get; init; } = DefaultMaxStrings;

    /// <summary>
    /// <c>max-memory</c>: the most bytes of managed memory a run may use (default: three quarters of the
    /// memory available). Checked through the ambient <see cref="MemoryBudget"/> where large structures grow;
    /// on the command line a recursive option of every command taking sizes such as <c>4G</c>.
    /// </summary>
    public long MaxMemory { get; init; } = MemoryBudget.DefaultBytes;

    /// <summary>
    /// <c>max-input-bytes</c>: the largest input file read (default <see cref="IO.InputFile.DefaultMaxBytes"/>).
    /// Enforced by the one reader <see cref="IO.InputFile"/>; on the command line a recursive option of every command.
    /// </summary>
    public long MaxInputBytes { get; init; } = IO.InputFile.DefaultMaxBytes;

    /// <summary><c>max-certificate-states</c>: the largest DFA for which a minimality certificate (separating suffixes) is built.</summary>
    public int MaxCertificateStates { get; init; } = DefaultMaxCertificateStates;

    /// <summary><c>max-lasso-prefix</c>: the longest prefix p of a lasso family p·vⁿ·x / p·vⁿ·y tried for an all-depth "no".</summary>
    public int MaxLassoPrefix { get; init; } = DefaultMaxLassoPrefix;
    /// <summary><c>max-lasso-loop</c>: the longest loop v of a lasso family tried.</summary>
    public int MaxLassoLoop { get; init; } = DefaultMaxLassoLoop;
    /// <summary><c>max-lasso-tails</c>: the most nodes of the tail trie (all tails x, y up to the longest length that fits).</summary>
    public int MaxLassoTails { get; init; } = DefaultMaxLassoTails;
    /// <summary><c>max-lasso-candidates</c>: the most (p, v) pairs whose limit graph is refined.</summary>
    public int MaxLassoCandidates { get; init; } = DefaultMaxLassoCandidates;
    /// <summary>
    /// <c>max-search-work</c>: the one work budget of an open architecture row, shared by its type search (one unit per
    /// 64 product nodes) and its lasso search (one unit per (p, v) candidate), which run side by side.
    /// </summary>
    public long MaxSearchWork { get; init; } = DefaultMaxSearchWork;
    /// <summary><c>max-formula-size</c>: the largest formula size (tree nodes) of the smallest-formula enumeration.</summary>
    public int MaxFormulaSize { get; init; } = DefaultMaxFormulaSize;
    /// <summary><c>max-formula-work</c>: the most product states the smallest-formula enumeration explores to build its candidates' machines (its cost; over all sizes, per alphabet and fragment).</summary>
    public long MaxFormulaWork { get; init; } = DefaultMaxFormulaWork;
    /// <summary>Every budget: its name (the flag without <c>--</c>), description, default and range. Names are unique.</summary>
    public static IReadOnlyList<Budget> All { get; } =
    [
        new("max-states", "the most states of any automaton built (constructions, products, model DFAs); the default is derived from available memory", MachineMaxStates, 1, int.MaxValue,
            b => b.MaxStates, (b, v) => b with { MaxStates = (int)v }),
        new("max-variables", "the most free variables of one FO[<] subformula", DefaultMaxVariables, 1, 24,
            b => b.MaxVariables, (b, v) => b with { MaxVariables = (int)v }),
        new("max-semigroup", "the most elements of a transition semigroup enumerated", DefaultMaxSemigroup, 1, int.MaxValue,
            b => b.MaxSemigroup, (b, v) => b with { MaxSemigroup = (int)v }),
        new("max-semigroup-mib", "the most memory in MiB one transition semigroup may hold (a many-state DFA stops here before max-semigroup)", DefaultMaxSemigroupMib, 1, 1 << 24,
            b => b.MaxSemigroupMib, (b, v) => b with { MaxSemigroupMib = (int)v }),
        new("max-parameter-states", "the largest product automaton built for the least k of LT and PT", DefaultMaxParameterStates, 1, int.MaxValue,
            b => b.MaxParameterStates, (b, v) => b with { MaxParameterStates = (int)v }),
        new("max-pair-states", "the most state pairs of the pair graph (pair-graph tests of SL, D, LR, LT, LTT, DA, L)", DefaultMaxPairStates, 1, 1_000_000_000,
            b => b.MaxPairStates, (b, v) => b with { MaxPairStates = v }),
        new("max-depth", "the largest operator depth of the bounded type search", DefaultMaxDepth, 0, 12,
            b => b.MaxDepth, (b, v) => b with { MaxDepth = (int)v }),
        new("max-types", "the most types interned by the bounded type search", DefaultMaxTypes, 1, int.MaxValue,
            b => b.MaxTypes, (b, v) => b with { MaxTypes = (int)v }),
        new("max-type-states", "the most states of a type automaton and its product with the DFA", DefaultMaxTypeStates, 1, int.MaxValue,
            b => b.MaxTypeStates, (b, v) => b with { MaxTypeStates = (int)v }),
        new("max-languages", "the most languages enumerated per conjecture", DefaultMaxLanguages, 1, long.MaxValue,
            b => b.MaxLanguages, (b, v) => b with { MaxLanguages = v }),
        new("max-strings", "the most strings of one corpus", DefaultMaxStrings, 1, long.MaxValue,
            b => b.MaxStrings, (b, v) => b with { MaxStrings = v }),
        new("max-memory", "the most bytes of memory a run may use (sizes such as 4G; every command)", MemoryBudget.DefaultBytes, 1L << 20, 1L << 62,
            b => b.MaxMemory, (b, v) => b with { MaxMemory = v }),
        new("max-input-bytes", "the largest input file read (sizes such as 64M; every command)", IO.InputFile.DefaultMaxBytes, 1, IO.InputFile.MaxTextBytes,
            b => b.MaxInputBytes, (b, v) => b with { MaxInputBytes = v }),
        new("max-certificate-states", "the largest DFA given a minimality certificate", DefaultMaxCertificateStates, 1, int.MaxValue,
            b => b.MaxCertificateStates, (b, v) => b with { MaxCertificateStates = (int)v }),
        new("max-lasso-prefix", "the longest prefix p of the lasso families searched for an all-depth no", DefaultMaxLassoPrefix, 0, 12,
            b => b.MaxLassoPrefix, (b, v) => b with { MaxLassoPrefix = (int)v }),
        new("max-lasso-loop", "the longest loop v of the lasso families searched", DefaultMaxLassoLoop, 1, 12,
            b => b.MaxLassoLoop, (b, v) => b with { MaxLassoLoop = (int)v }),
        new("max-lasso-tails", "the most nodes of the lasso search's tail trie (all tails up to the longest length that fits)", DefaultMaxLassoTails, 1, 1_000_000,
            b => b.MaxLassoTails, (b, v) => b with { MaxLassoTails = (int)v }),
        new("max-lasso-candidates", "the most (prefix, loop) pairs the lasso search refines", DefaultMaxLassoCandidates, 1, int.MaxValue,
            b => b.MaxLassoCandidates, (b, v) => b with { MaxLassoCandidates = (int)v }),
        new("max-search-work", "the work shared by an open row's type search (a unit per 64 product nodes) and lasso search (a unit per (prefix, loop) pair), run side by side", DefaultMaxSearchWork, 1, long.MaxValue,
            b => b.MaxSearchWork, (b, v) => b with { MaxSearchWork = v }),
        new("max-formula-size", "the largest formula size (nodes) of the smallest-formula enumeration; 0 turns it off", DefaultMaxFormulaSize, 0, 64,
            b => b.MaxFormulaSize, (b, v) => b with { MaxFormulaSize = (int)v }),
        new("max-formula-work", "the most product states the smallest-formula enumeration explores (its cost, all sizes)", DefaultMaxFormulaWork, 1, long.MaxValue,
            b => b.MaxFormulaWork, (b, v) => b with { MaxFormulaWork = v }),
    ];

    /// <summary>The budget named <paramref name="name"/> (with or without the leading <c>--</c>), or null.</summary>
    /// <param name="name">A budget name such as <c>max-states</c>.</param>
    public static Budget? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.StartsWith("--", StringComparison.Ordinal)) name = name[2..];
        foreach (var b in All) if (b.Name == name) return b;
        return null;
    }
}

/// <summary>One named budget: how to read and set it on a <see cref="Budgets"/> value.</summary>
/// <param name="Name">The name, also the command-line flag without <c>--</c> (e.g. <c>max-states</c>).</param>
/// <param name="Description">What it bounds (one line, for <c>--help</c> and the docs).</param>
/// <param name="DefaultValue">The documented default.</param>
/// <param name="Minimum">The least allowed value.</param>
/// <param name="Maximum">The largest allowed value.</param>
/// <param name="Get">Reads the budget.</param>
/// <param name="With">Returns a copy with the budget set (the value must be within range).</param>
public sealed record Budget(string Name, string Description, long DefaultValue, long Minimum, long Maximum,
    Func<Budgets, long> Get, Func<Budgets, long, Budgets> With)
{
    /// <summary>The command-line flag, <c>--</c> followed by <see cref="Name"/>.</summary>
    public string Flag => "--" + Name;

    /// <summary>Why <paramref name="value"/> is not allowed (<see cref="FormalExpressivity.Core.Text.NumberRange"/>'s wording, as the CLI's parser says it), or null when it is within [<see cref="Minimum"/>, <see cref="Maximum"/>].</summary>
    /// <param name="value">A value for this budget.</param>
    public string? RangeProblem(long value) => FormalExpressivity.Core.Text.NumberRange.Check(Flag, value, Minimum, Maximum);
}
