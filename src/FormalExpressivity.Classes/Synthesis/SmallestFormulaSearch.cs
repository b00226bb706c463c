using System.Runtime.CompilerServices;
using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Limits;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Synthesis;

/// <summary>Budgets of the smallest-formula enumeration.</summary>
/// <param name="MaxSize">Budget <c>max-formula-size</c>: the largest formula size (tree nodes) enumerated.</param>
/// <param name="MaxWork">Budget <c>max-formula-work</c>: the most product states explored to build the candidates' machines, over all sizes (the enumeration's cost).</param>
public sealed record SmallestFormulaOptions(int MaxSize = Budgets.DefaultMaxFormulaSize, long MaxWork = Budgets.DefaultMaxFormulaWork)
{
    /// <summary>The budgets of <paramref name="budgets"/>.</summary>
    /// <param name="budgets">The named budgets.</param>
    public static SmallestFormulaOptions From(Budgets budgets)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        return new SmallestFormulaOptions(budgets.MaxFormulaSize, budgets.MaxFormulaWork);
    }
}

/// <summary>
/// The outcome of a smallest-formula search: the smallest formula of the grammar defining L (null when none
/// of size ≤ <paramref name="SearchedSize"/> exists), every size up to <paramref name="SearchedSize"/> searched
/// completely, and the budget that ended the search before <see cref="SmallestFormulaOptions.MaxSize"/>.
/// </summary>
/// <param name="Formula">The smallest formula, or null.</param>
/// <param name="SearchedSize">Every formula of size ≤ this was considered (up to equivalence).</param>
/// <param name="Grammar">The grammar's operators (<c>! P H Y &amp; |</c>).</param>
/// <param name="StoppedBy">The budget that stopped the enumeration, else null.</param>
public sealed record SmallestFormulaResult(LtlFormula? Formula, int SearchedSize, string Grammar, BudgetStop? StoppedBy)
{
    /// <summary>The candidate formulas built for the sizes searched (shared by every language of the alphabet and fragment).</summary>
    public long Candidates { get; init; }

    /// <summary>The distinct meanings (representatives) among them.</summary>
    public int Meanings { get; init; }
}

/// <summary>
/// Smallest formulas by bottom-up enumeration with semantic deduplication (docs/theory.md §"Smallest formulas").
/// Formulas of the row's <see cref="FormulaGrammar"/> are built by increasing size from one representative per
/// meaning: a candidate of size s is an operator applied to representatives whose sizes add up to s − 1, its
/// meaning is its canonical <see cref="PositionMachine"/>, and it becomes a representative only when that
/// meaning is new. Equal machines are equal meanings (never a merge of inequivalent formulas), and replacing
/// every subformula of a formula by its representative gives an equivalent formula no larger, so every meaning
/// of size ≤ s has a representative of size ≤ s: the first representative whose end language is L is a
/// smallest formula for L. The tables depend only on the alphabet and the grammar, not on L, so they are built
/// once per process (lazily, size by size) and shared by every language; a language is then one lookup of its
/// canonical machine. The reported formula is proved equivalent to L independently (<see cref="FormulaProof"/>).
/// </summary>
public static class SmallestFormulaSearch
{
    // Keyed by the alphabet and the grammar's operators: rows with the same operators (hybrid:1 and PYwin:1, local:2 and Ywin:2 …) share one table.
    private static readonly Dictionary<(string Symbols, string Operators), Table> Tables = [];

    /// <summary>The smallest formula of <paramref name="architecture"/>'s grammar defining L, or null when the architecture has none (regular, windows above 16).</summary>
    /// <param name="dfa">The language.</param>
    /// <param name="architecture">The row.</param>
    /// <param name="options">Budgets.</param>
    public static SmallestFormulaResult? Find(Dfa dfa, Architecture architecture, SmallestFormulaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        ArgumentNullException.ThrowIfNull(architecture);
        options ??= new SmallestFormulaOptions();
        if (FormulaGrammar.For(architecture) is not { } grammar) return null;
        var table = TableFor(dfa.Alphabet, grammar);
        var language = PositionMachine.OfLanguage(dfa);
        SmallestFormulaResult result;
        lock (table) result = table.Find(language, options);
        return result.Formula is null && PrimedAnswer(dfa.Alphabet, grammar, language) is { } primed ? WithPrimed(result, primed.Answer, primed.MaxSize, options) : result;
    }

    // Answers of the signature enumeration (Prime), by alphabet and grammar: the language's canonical machine, the answer and the size it was enumerated to.
    private static readonly Dictionary<(string Symbols, string Operators), Dictionary<ulong, List<(PositionMachine Language, SignatureAnswer Answer, int MaxSize)>>> Primed = [];

    /// <summary>
    /// Settles the smallest formulas of a batch of languages over a two-letter alphabet by one
    /// <see cref="SignatureEnumeration"/> (n = 8, a second pass at n = <see cref="MaxPrimedLength"/> for the inconclusive ones), for the
    /// languages whose machine tables stop before <paramref name="maxSize"/>: <see cref="Find"/> still searches the
    /// machine tables first, and only when they give no formula (a budget stop, or none up to its size) it answers
    /// from these — the proved smallest formula (checked by <see cref="FormulaProof"/> in the enumeration), or that
    /// none of size ≤ <paramref name="maxSize"/> exists, or a lower bound. One enumeration answers the whole batch,
    /// so a census pays its tables once per grammar instead of once per language (docs/theory.md §Smallest
    /// formulas, *Signatures*). Sizes above <see cref="MaxPrimedSize"/> and other alphabets are not primed.
    /// </summary>
    /// <param name="languages">The languages, over one two-letter alphabet.</param>
    /// <param name="architecture">The row (rows with the same grammar share the answers).</param>
    /// <param name="maxSize">The largest formula size enumerated (the census's <c>max-formula-size</c>).</param>
    /// <returns>False when nothing was primed (no grammar, not two letters, a size out of range, an empty batch, or the budget or the tables' memory bound ended the enumeration).</returns>
    /// <param name="maxWork">Budget <c>max-formula-work</c>: the enumeration may build <see cref="CandidatesPerWork"/> candidates per unit; beyond, nothing is primed.</param>
    public static bool Prime(IReadOnlyList<Dfa> languages, Architecture architecture, int maxSize, long maxWork = Budgets.DefaultMaxFormulaWork)
    {
        ArgumentNullException.ThrowIfNull(languages);
        ArgumentNullException.ThrowIfNull(architecture);
        if (languages.Count == 0 || maxSize < 3 || maxSize > MaxPrimedSize || FormulaGrammar.For(architecture) is not { } grammar) return false;
        var alphabet = languages[0].Alphabet;
        if (alphabet.Count != 2 || languages.Any(d => !d.Alphabet.Equals(alphabet))) return false;
        SignatureRun run;
        try
        {
            run = SignatureEnumeration.Run(languages, architecture, maxSize, 8, MaxPrimedLength, maxWork > long.MaxValue / CandidatesPerWork ? long.MaxValue : maxWork * CandidatesPerWork);
        }
        catch (Exception e) when (e is BudgetExceededException or InvalidOperationException)
        {
            // Over the budget or the tables' memory bound: the machine tables' answers stand.
            return false;
        }
        var key = (string.Join(",", alphabet.Symbols), grammar.Describe());
        lock (Primed)
        {
            if (!Primed.TryGetValue(key, out var byHash)) Primed[key] = byHash = [];
            for (int i = 0; i < languages.Count; i++)
            {
                var language = PositionMachine.OfLanguage(languages[i]);
                ulong hash = language.MeaningHash(PositionMachine.End);
                if (!byHash.TryGetValue(hash, out var list)) byHash[hash] = list = [];
                list.Add((language, run.Answers[i], maxSize));
            }
        }
        return true;
    }

    /// <summary>Drops every answer of <see cref="Prime"/> (<see cref="Find"/> then answers from the machine tables alone).</summary>
    public static void ClearPrimed()
    {
        lock (Primed) Primed.Clear();
    }

    /// <summary>
    /// The longest words of <see cref="Prime"/>'s signatures: a pass at n = 9 (645 MB of tables for hybrid:4 to size 12)
    /// settles the false matches of n = 8 on the ≤ 3-state languages; one at n = 10 would need 1.7 GB (measured on the
    /// N = 4 census sample, docs/census.md), so what n = 9 leaves inconclusive keeps the machine tables' answer.
    /// </summary>
    public const int MaxPrimedLength = 9;

    /// <summary>
    /// Signature candidates per unit of <c>max-formula-work</c> (a unit is one product state of the machine tables, which
    /// costs far more than the few word operations of a candidate): the census's 4·10⁶ allow 5.1·10⁸ candidates,
    /// above the 3.0·10⁸ of hybrid:4's two passes to size 12 (docs/theory.md).
    /// </summary>
    public const long CandidatesPerWork = 128;

    /// <summary>The largest size <see cref="Prime"/> enumerates (its tables were measured to size 12: docs/theory.md).</summary>
    public const int MaxPrimedSize = 12;

    private static (SignatureAnswer Answer, int MaxSize)? PrimedAnswer(Alphabet alphabet, FormulaGrammar grammar, PositionMachine language)
    {
        lock (Primed)
        {
            if (!Primed.TryGetValue((string.Join(",", alphabet.Symbols), grammar.Describe()), out var byHash)) return null;
            if (!byHash.TryGetValue(language.MeaningHash(PositionMachine.End), out var list)) return null;
            foreach (var entry in list)
                if (entry.Language.Means(language, PositionMachine.End)) return (entry.Answer, entry.MaxSize);
            return null;
        }
    }

    // The machine search gave no formula: complete its answer with the signature enumeration's. A smallest formula of
    // size ≤ the caller's maximum is the answer; one above it, or "none up to the primed size" covering the caller's
    // maximum, means no formula up to that maximum; otherwise the lower bound can only raise the searched size.
    private static SmallestFormulaResult WithPrimed(SmallestFormulaResult result, SignatureAnswer answer, int primedSize, SmallestFormulaOptions options)
    {
        switch (answer.Verdict)
        {
            case SignatureVerdict.Smallest when answer.Formula!.Size <= options.MaxSize:
                return result with { Formula = answer.Formula, SearchedSize = answer.Formula.Size, StoppedBy = null };
            case SignatureVerdict.Smallest:
            case SignatureVerdict.None when primedSize >= options.MaxSize:
                return result with { SearchedSize = options.MaxSize, StoppedBy = null };
            default:
                int bound = Math.Min(options.MaxSize, answer.LowerBound - 1);
                return bound > result.SearchedSize ? result with { SearchedSize = bound } : result;
        }
    }

    // The process-wide tables of one alphabet and grammar (created on first use).
    private static Table TableFor(Alphabet alphabet, FormulaGrammar grammar)
    {
        lock (Tables)
        {
            var key = (string.Join(",", alphabet.Symbols), grammar.Describe());
            if (!Tables.TryGetValue(key, out var table)) Tables[key] = table = new Table(alphabet, grammar);
            return table;
        }
    }

    /// <summary>
    /// Simplifies a formula of <paramref name="architecture"/>'s fragment: bottom-up, every subformula whose meaning
    /// (<see cref="PositionMachine"/>) has a smaller representative in the enumeration tables is replaced by it. The
    /// meaning is a congruence (docs/theory.md §Smallest formulas), so the result is equivalent to the input at every
    /// position and never larger; it uses only the sizes already completed within <paramref name="options"/>' work
    /// budget. Subformulas outside the machines (→, ↔, future operators, windows above 16) are kept as they are.
    /// </summary>
    /// <param name="formula">A past formula over the DFA's alphabet.</param>
    /// <param name="alphabet">Σ.</param>
    /// <param name="architecture">The row (its grammar supplies the replacements).</param>
    /// <param name="options">Budgets; <see cref="SmallestFormulaOptions.MaxWork"/> also bounds the machines built here (each counted as explored states × result states, the cost of Moore's refinement).</param>
    public static LtlFormula Simplify(LtlFormula formula, Alphabet alphabet, Architecture architecture, SmallestFormulaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(alphabet);
        ArgumentNullException.ThrowIfNull(architecture);
        options ??= new SmallestFormulaOptions();
        if (FormulaGrammar.For(architecture) is not { } grammar) return formula;
        var table = TableFor(alphabet, grammar);
        lock (table) return table.Simplify(formula, options.MaxWork);
    }

    /// <summary>
    /// Advances the enumeration for L by one bounded step of at most <paramref name="stepWork"/> product states
    /// (plus the one candidate that crosses it): true when <see cref="Find"/> with the same
    /// <paramref name="options"/> now needs no further building (the formula is found, the sizes are done or the
    /// budget is spent). A size is built in as many steps as it needs and resumed where the last step stopped,
    /// in the same candidate order, so the tables — and every answer — are the ones a single call builds.
    /// </summary>
    /// <param name="dfa">The language.</param>
    /// <param name="architecture">The row.</param>
    /// <param name="options">Budgets.</param>
    /// <param name="stepWork">The product states one step may explore.</param>
    internal static bool Advance(Dfa dfa, Architecture architecture, SmallestFormulaOptions options, long stepWork)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(options);
        if (FormulaGrammar.For(architecture) is not { } grammar) return true;
        var table = TableFor(dfa.Alphabet, grammar);
        lock (table) return table.Advance(PositionMachine.OfLanguage(dfa), options, stepWork);
    }

    /// <summary>The enumeration tables of one alphabet and grammar.</summary>
    private sealed class Table
    {
        private const byte Both = PositionMachine.Out | PositionMachine.End;

        private readonly Alphabet _alphabet;
        private readonly GrammarOperator[] _operators;
        private readonly string _grammar;
        private readonly List<Representative> _reps = [];
        // Representatives by meaning hash and by end-language hash: the first id of a hash, then a chain through _nextMeaning / _nextLanguage (ascending ids).
        private readonly Dictionary<ulong, int> _byMeaning = [];
        private readonly List<int> _nextMeaning = [];
        private readonly Dictionary<ulong, int> _byLanguage = [];
        private readonly List<int> _nextLanguage = [];
        private readonly Dictionary<ulong, int> _lastOfLanguage = [];
        private readonly Dictionary<ulong, int> _lastOfMeaning = [];
        // _levels[s] = the representatives of size s; _work[s], _candidates[s] = product states explored and candidates built for sizes ≤ s.
        private readonly List<List<int>> _levels = [[]];
        private readonly List<long> _work = [0];
        private readonly List<long> _candidates = [0];
        // The size under construction (null between sizes): resumed by the next call that may build it.
        private Cursor? _cursor;
        // A lower bound on the work of one size (LowerBound), computed once.
        private (int Size, long Work) _bound;

        public Table(Alphabet alphabet, FormulaGrammar grammar)
        {
            _alphabet = alphabet;
            _operators = [.. grammar.Operators()];
            _grammar = "⊤ ⊥ atoms " + grammar.Describe();
        }

        public SmallestFormulaResult Find(PositionMachine language, SmallestFormulaOptions options)
        {
            var result = Search(language, options, long.MaxValue, out _);
            int size = Math.Min(result.SearchedSize, _levels.Count - 1);
            return result with { Candidates = _candidates[size], Meanings = _levels.Take(size + 1).Sum(l => l.Count) };
        }

        public bool Advance(PositionMachine language, SmallestFormulaOptions options, long stepWork)
        {
            Search(language, options, stepWork, out bool paused);
            return !paused;
        }

        // The search of Find; with a step bound, building stops (paused) after that many product states, over all sizes.
        private SmallestFormulaResult Search(PositionMachine language, SmallestFormulaOptions options, long stepWork, out bool paused)
        {
            paused = false;
            long stepLeft = stepWork;
            ulong key = language.MeaningHash(PositionMachine.End);
            for (int s = 1; s <= options.MaxSize; s++)
            {
                // A size counts only when it was built within this caller's budget (the same answer whatever was asked before).
                bool built;
                if (s < _levels.Count) built = _work[s] <= options.MaxWork;
                else
                {
                    var state = stepLeft <= 0 ? BuildState.Paused : Build(options.MaxWork, ref stepLeft);
                    if (state == BuildState.Paused)
                    {
                        paused = true;
                        return new SmallestFormulaResult(null, s - 1, _grammar, null);
                    }
                    built = state == BuildState.Complete;
                }
                if (!built)
                    return new SmallestFormulaResult(null, s - 1, _grammar, new BudgetStop("max-formula-work", options.MaxWork, $"the formulas of size {s}"));
                if (FirstDefining(language, key) is int r && _reps[r].Size <= s)
                    return new SmallestFormulaResult(Formula(r), s, _grammar, null);
            }
            return new SmallestFormulaResult(null, options.MaxSize, _grammar, null);
        }

        // The first representative (smallest id) whose end language is L, among the completed sizes.
        private int? FirstDefining(PositionMachine language, ulong key)
        {
            if (!_byLanguage.TryGetValue(key, out int id)) return null;
            for (; id >= 0 && _reps[id].Size < _levels.Count; id = _nextLanguage[id])
                if (_reps[id].Machine.Means(language, PositionMachine.End)) return id;
            return null;
        }

        // The representative with the meaning of the canonical machine m, if any (any size built so far).
        private int? Represented(PositionMachine m)
        {
            if (!_byMeaning.TryGetValue(m.MeaningHash(Both), out int id)) return null;
            for (; id >= 0; id = _nextMeaning[id])
                if (m.Means(_reps[id].Machine, Both)) return id;
            return null;
        }

        private enum BuildState { Complete, OverBudget, Paused }

        // Builds (or resumes) the next size: Complete when it is done within maxWork, OverBudget when its work
        // exceeds maxWork (the partial size is kept for a caller with a larger budget), Paused when the step's
        // allowance stepLeft (product states, decreased by the work done) is used up.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private BuildState Build(long maxWork, ref long stepLeft)
        {
            int s = _levels.Count;
            // Every candidate explores at least as many states as each operand has (the product projects onto
            // them), so a size whose bound already exceeds the budget is not built: the answer is the same.
            if (_bound.Size != s) _bound = (s, s == 1 ? 0 : LowerBound(s));
            if (_work[s - 1] + _bound.Work > maxWork) return BuildState.OverBudget;
            var c = _cursor ??= new Cursor(s, _work[s - 1], _candidates[s - 1], Blocks(s));
            if (c.Work > maxWork) return BuildState.OverBudget;
            long start = c.Work;
            while (c.Block < c.Blocks.Count)
            {
                var block = c.Blocks[c.Block];
                if (c.I >= block.Left.Count) { c.NextBlock(); continue; }
                int left = block.Left[c.I], right = -1;
                if (block.Right is { } rights)
                {
                    if (c.J >= rights.Count) { c.I++; c.J = block.Diagonal ? c.I + 1 : 0; continue; }
                    right = rights[c.J++];
                }
                else c.I++;
                Add(c, block.Operator, left, right);
                if (c.Work > maxWork) return BuildState.OverBudget;
                if (c.Work - start >= stepLeft && c.Block < c.Blocks.Count)
                {
                    stepLeft = 0;
                    return BuildState.Paused;
                }
            }
            if (stepLeft != long.MaxValue) stepLeft -= c.Work - start;
            _levels.Add(c.Level);
            _work.Add(c.Work);
            _candidates.Add(c.Candidates);
            _cursor = null;
            return BuildState.Complete;
        }

        // One candidate: the operator applied to representatives (size 1: the leaves, operator −1 − leaf).
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Add(Cursor c, int op, int left, int right)
        {
            var product = op >= 0
                ? _operators[op].Explore(_reps[left].Machine, right < 0 ? null : _reps[right].Machine)
                : LeafProduct(left);
            c.Work += product.Count;
            c.Candidates++;
            ulong key = product.MeaningHash(Both);
            if (_byMeaning.TryGetValue(key, out int id))
                for (; id >= 0; id = _nextMeaning[id])
                    if (product.Means(_reps[id].Machine)) return;
            var machine = product.Canonical();
            int rep = _reps.Count;
            _reps.Add(op >= 0 ? new Representative(machine, op, left, right, c.Size) : new Representative(machine, -1 - left, -1, -1, c.Size));
            Chain(_byMeaning, _lastOfMeaning, _nextMeaning, key, rep);
            Chain(_byLanguage, _lastOfLanguage, _nextLanguage, machine.MeaningHash(PositionMachine.End), rep);
            c.Level.Add(rep);
        }

        private static void Chain(Dictionary<ulong, int> first, Dictionary<ulong, int> last, List<int> next, ulong key, int id)
        {
            next.Add(-1);
            if (last.TryGetValue(key, out int tail)) next[tail] = id;
            else first[key] = id;
            last[key] = id;
        }

        // Leaves in order: ⊤, ⊥, then the atoms (a representative's operator −1 − leaf: −1, −2, −3 − a).
        private ProductMachine LeafProduct(int leaf)
        {
            int k = _alphabet.Count;
            var w = ProductMachine.For(4, k);
            if (leaf < 2)
            {
                // ⊤ / ⊥: the start, then one state for every position.
                w.Ensure(2, k);
                for (int i = 0; i < 2 * k; i++) w.Delta[i] = 1;
                w.Label[0] = leaf == 0 ? PositionMachine.End : (byte)0;
                w.Label[1] = leaf == 0 ? Both : (byte)0;
                w.Count = 2;
            }
            else
            {
                // An atom: the start, "the last letter is a", "it is another".
                int symbol = leaf - 2;
                w.Ensure(3, k);
                for (int q = 0; q < 3; q++)
                    for (int a = 0; a < k; a++) w.Delta[q * k + a] = a == symbol ? 1 : 2;
                w.Label[0] = 0; w.Label[1] = PositionMachine.Out; w.Label[2] = 0;
                w.Count = 3;
            }
            return w;
        }

        // The candidate blocks of size s in enumeration order: size 1 the leaves; then each unary operator on
        // size s − 1 (P⁼, H⁼: (s − 2) / 2), each binary operator on sizes (s1, s − 1 − s1) (one order, no repeated operand, for ∧ and ∨).
        private List<Block> Blocks(int s)
        {
            var blocks = new List<Block>();
            if (s == 1)
            {
                blocks.Add(new Block(-1, [.. Enumerable.Range(0, 2 + _alphabet.Count)], null, false));
                return blocks;
            }
            for (int o = 0; o < _operators.Length; o++)
            {
                var op = _operators[o];
                if (op.Arity == 1)
                {
                    // P⁼ and H⁼ print their operand twice, so their operand has size (s − 2) / 2, not s − 1.
                    if (op.OperandSize(s) is int operand) blocks.Add(new Block(o, _levels[operand], null, false));
                    continue;
                }
                for (int s1 = 1; s1 <= s - 2; s1++)
                {
                    int s2 = s - 1 - s1;
                    if (op.Commutative && s1 > s2) break;
                    blocks.Add(new Block(o, _levels[s1], _levels[s2], op.Commutative && s1 == s2));
                }
            }
            return blocks;
        }

        // A lower bound on the product states of size s: each candidate explores at least max(|A|, |B|) states.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private long LowerBound(int s)
        {
            long bound = 0;
            foreach (var block in Blocks(s))
            {
                if (block.Right is not { } rights)
                {
                    foreach (int a in block.Left) bound += _reps[a].Machine.States;
                    continue;
                }
                for (int i = 0; i < block.Left.Count; i++)
                {
                    int na = _reps[block.Left[i]].Machine.States;
                    for (int j = block.Diagonal ? i + 1 : 0; j < rights.Count; j++) bound += Math.Max(na, _reps[rights[j]].Machine.States);
                }
            }
            return bound;
        }

        private sealed record Block(int Operator, List<int> Left, List<int>? Right, bool Diagonal);

        private sealed class Cursor(int size, long work, long candidates, List<Block> blocks)
        {
            public int Size { get; } = size;
            public List<Block> Blocks { get; } = blocks;
            public List<int> Level { get; } = [];
            public long Work { get; set; } = work;
            public long Candidates { get; set; } = candidates;
            public int Block { get; private set; }
            public int I { get; set; }
            public int J { get; set; } = blocks.Count > 0 && blocks[0].Diagonal ? 1 : 0;

            public void NextBlock()
            {
                Block++;
                I = 0;
                J = Block < Blocks.Count && Blocks[Block].Diagonal ? 1 : 0;
            }
        }

        public LtlFormula Simplify(LtlFormula formula, long maxWork)
        {
            var machines = new Dictionary<int, PositionMachine?>();
            var result = new Dictionary<int, LtlFormula>();
            long work = 0;
            foreach (var f in formula.Subformulas())
            {
                var rebuilt = Ltl.WithChildren(f, f.Children.Select(c => result[c.Id]).ToArray());
                var m = work <= maxWork ? MachineOf(f, f.Children.Select(c => machines[c.Id]).ToArray(), ref work) : null;
                if (m is not null && Represented(m) is int r && _reps[r].Size < _levels.Count && _work[_reps[r].Size] <= maxWork && _reps[r].Size < rebuilt.Size)
                    rebuilt = Formula(r);
                machines[f.Id] = m;
                result[f.Id] = rebuilt;
            }
            return result[formula.Id];
        }

        // The position machine of f from its children's, or null when f is outside the machines or too large.
        private PositionMachine? MachineOf(LtlFormula f, PositionMachine?[] children, ref long work)
        {
            if (children.Any(c => c is null)) return null;
            GrammarOperator op;
            switch (f.Kind)
            {
                case LtlKind.True: return LeafProduct(0).Canonical();
                case LtlKind.False: return LeafProduct(1).Canonical();
                case LtlKind.Atom: return _alphabet.IndexOf(f.Atom!) is int a and >= 0 ? LeafProduct(2 + a).Canonical() : null;
                case LtlKind.Not: op = new(GrammarOperatorKind.Not); break;
                case LtlKind.And: op = new(GrammarOperatorKind.And); break;
                case LtlKind.Or: op = new(GrammarOperatorKind.Or); break;
                case LtlKind.Yesterday: op = new(GrammarOperatorKind.Window, 1, 1); break;
                case LtlKind.WindowYesterday or LtlKind.WindowCount when f.Window <= FormulaGrammar.MaxWindow:
                    op = new(GrammarOperatorKind.Window, f.Window, Math.Max(1, f.Count)); break;
                case LtlKind.Past: op = new(GrammarOperatorKind.Past); break;
                case LtlKind.Historically: op = new(GrammarOperatorKind.Historically); break;
                case LtlKind.Since: op = new(GrammarOperatorKind.Since); break;
                default: return null;
            }
            var a0 = children[0]!;
            var b0 = children.Length > 1 ? children[1] : null;
            long space = (long)a0.States * (b0?.States ?? 1) * (op.Kind == GrammarOperatorKind.Window ? 1L << op.K : 2);
            if (space > MaxSimplifyProduct) return null;
            var m = op.Apply(a0, b0, out int explored);
            // Moore's refinement (PositionMachine.Canonical) runs up to one round per state of the result over the
            // explored states, so a product costs explored × result states: counting the explored states alone let the
            // chain-shaped subformulas of a 5 000-state DFA's formula (machines of hundreds of states) take seconds per row.
            work += (long)explored * Math.Max(1, m.States);
            return m;
        }

        // The largest product a simplification builds for one subformula.
        private const long MaxSimplifyProduct = 1 << 22;

        private LtlFormula Formula(int id)
        {
            var r = _reps[id];
            if (r.Operator == -1) return Ltl.True;
            if (r.Operator == -2) return Ltl.False;
            if (r.Operator <= -3) return Ltl.Atom(_alphabet[-3 - r.Operator]);
            var op = _operators[r.Operator];
            var f = op.Build(Formula(r.Left), r.Right < 0 ? null : Formula(r.Right));
            if (f.Size != r.Size) throw new InvalidOperationException($"internal error: the enumerated formula {f} has size {f.Size}, not {r.Size}");
            return f;
        }

        private sealed record Representative(PositionMachine Machine, int Operator, int Left, int Right, int Size);
    }
}
