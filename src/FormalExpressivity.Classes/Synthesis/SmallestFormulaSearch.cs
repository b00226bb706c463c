using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Limits;
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
    private static readonly Dictionary<(string Symbols, FormulaGrammar Grammar), Table> Tables = [];

    /// <summary>The smallest formula of <paramref name="architecture"/>'s grammar defining L, or null when the architecture has none (non-strict masking, regular).</summary>
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
        lock (table) return table.Find(PositionMachine.OfLanguage(dfa), options);
    }

    // The process-wide tables of one alphabet and grammar (created on first use).
    private static Table TableFor(Alphabet alphabet, FormulaGrammar grammar)
    {
        lock (Tables)
        {
            var key = (string.Join(",", alphabet.Symbols), grammar);
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
    /// <param name="options">Budgets; <see cref="SmallestFormulaOptions.MaxWork"/> also bounds the machines built here.</param>
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

    /// <summary>The enumeration tables of one alphabet and grammar.</summary>
    private sealed class Table
    {
        private readonly Alphabet _alphabet;
        private readonly GrammarOperator[] _operators;
        private readonly string _grammar;
        private readonly List<Representative> _reps = [];
        private readonly Dictionary<PositionMachine, int> _byMeaning = [];
        private readonly Dictionary<PositionMachine, int> _byLanguage = [];
        // _levels[s] = the representatives of size s; _work[s], _candidates[s] = product states explored and candidates built for sizes ≤ s.
        private readonly List<List<int>> _levels = [[]];
        private readonly List<long> _work = [0];
        private readonly List<long> _candidates = [0];
        // The size whose building last ran out of budget, and that budget (a smaller one need not retry).
        private int _failedSize;
        private long _failedWork;

        public Table(Alphabet alphabet, FormulaGrammar grammar)
        {
            _alphabet = alphabet;
            _operators = [.. grammar.Operators()];
            _grammar = "⊤ ⊥ atoms " + grammar.Describe();
        }

        public SmallestFormulaResult Find(PositionMachine language, SmallestFormulaOptions options)
        {
            var result = Search(language, options);
            int size = Math.Min(result.SearchedSize, _levels.Count - 1);
            return result with { Candidates = _candidates[size], Meanings = _levels.Take(size + 1).Sum(l => l.Count) };
        }

        private SmallestFormulaResult Search(PositionMachine language, SmallestFormulaOptions options)
        {
            for (int s = 1; s <= options.MaxSize; s++)
            {
                // A size counts only when it was built within this caller's budget (the same answer whatever was asked before).
                bool built = s < _levels.Count ? _work[s] <= options.MaxWork : BuildNext(options.MaxWork);
                if (!built)
                    return new SmallestFormulaResult(null, s - 1, _grammar, new BudgetStop("max-formula-work", options.MaxWork, $"the formulas of size {s}"));
                if (_byLanguage.TryGetValue(language, out int r) && _reps[r].Size <= s)
                    return new SmallestFormulaResult(Formula(r), s, _grammar, null);
            }
            return new SmallestFormulaResult(null, options.MaxSize, _grammar, null);
        }

        // Builds the next size within the work budget; false (and nothing kept) when the budget runs out.
        private bool BuildNext(long maxWork)
        {
            int s = _levels.Count;
            if (_failedWork >= maxWork && _failedSize == s) return false;
            int first = _reps.Count;
            var level = new List<int>();
            long work = _work[s - 1], candidates = _candidates[s - 1];
            bool Add(PositionMachine machine, int explored, int op, int left, int right)
            {
                work += explored;
                candidates++;
                if (work > maxWork) return false;
                if (_byMeaning.ContainsKey(machine)) return true;
                int id = _reps.Count;
                _reps.Add(new Representative(machine, op, left, right, s));
                _byMeaning[machine] = id;
                _byLanguage.TryAdd(machine.EndLanguage(), id);
                level.Add(id);
                return true;
            }
            bool complete = s == 1 ? Leaves(Add) : Combine(s, Add);
            if (!complete)
            {
                // Roll back the partial size: the tables hold whole sizes only.
                for (int id = first; id < _reps.Count; id++)
                {
                    _byMeaning.Remove(_reps[id].Machine);
                    var endLanguage = _reps[id].Machine.EndLanguage();
                    if (_byLanguage.TryGetValue(endLanguage, out int owner) && owner == id) _byLanguage.Remove(endLanguage);
                }
                _reps.RemoveRange(first, _reps.Count - first);
                (_failedSize, _failedWork) = (s, maxWork);
                return false;
            }
            _levels.Add(level);
            _work.Add(work);
            _candidates.Add(candidates);
            return true;
        }

        private delegate bool Adder(PositionMachine machine, int explored, int op, int left, int right);

        private bool Leaves(Adder add)
        {
            int k = _alphabet.Count;
            if (!add(Constant(true), 2, -1, -1, -1) || !add(Constant(false), 2, -2, -1, -1)) return false;
            for (int a = 0; a < k; a++)
                if (!add(AtomMachine(a), 3, -3 - a, -1, -1)) return false;
            return true;
        }

        private bool Combine(int s, Adder add)
        {
            for (int o = 0; o < _operators.Length; o++)
            {
                var op = _operators[o];
                if (op.Arity == 1)
                {
                    foreach (int c in _levels[s - 1])
                    {
                        var m = op.Apply(_reps[c].Machine, null, out int explored);
                        if (!add(m, explored, o, c, -1)) return false;
                    }
                    continue;
                }
                for (int s1 = 1; s1 <= s - 2; s1++)
                {
                    int s2 = s - 1 - s1;
                    if (op.Commutative && s1 > s2) break;
                    var left = _levels[s1];
                    var right = _levels[s2];
                    for (int i = 0; i < left.Count; i++)
                        for (int j = op.Commutative && s1 == s2 ? i + 1 : 0; j < right.Count; j++)
                        {
                            var m = op.Apply(_reps[left[i]].Machine, _reps[right[j]].Machine, out int explored);
                            if (!add(m, explored, o, left[i], right[j])) return false;
                        }
                }
            }
            return true;
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
                if (m is not null && _byMeaning.TryGetValue(m, out int r) && _work[_reps[r].Size] <= maxWork && _reps[r].Size < rebuilt.Size)
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
                case LtlKind.True: return Constant(true);
                case LtlKind.False: return Constant(false);
                case LtlKind.Atom: return _alphabet.IndexOf(f.Atom!) is int a and >= 0 ? AtomMachine(a) : null;
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
            work += explored;
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

        private PositionMachine Constant(bool value)
        {
            int k = _alphabet.Count;
            var delta = new int[2 * k];
            Array.Fill(delta, 1);
            byte all = value ? (byte)(PositionMachine.Out | PositionMachine.End) : (byte)0;
            return PositionMachine.Canonical(k, 2, delta, [value ? PositionMachine.End : (byte)0, all]);
        }

        private PositionMachine AtomMachine(int symbol)
        {
            int k = _alphabet.Count;
            var delta = new int[3 * k];
            for (int q = 0; q < 3; q++)
                for (int a = 0; a < k; a++) delta[q * k + a] = a == symbol ? 1 : 2;
            return PositionMachine.Canonical(k, 3, delta, [0, PositionMachine.Out, 0]);
        }

        private sealed record Representative(PositionMachine Machine, int Operator, int Left, int Right, int Size);
    }
}
