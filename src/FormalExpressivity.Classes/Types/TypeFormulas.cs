using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Types;

/// <summary>
/// The characteristic formula χ_d(t) of a type: it holds at a position iff the position's depth-d
/// type is t (every formula of the fragment). Built from the type's components:
/// χ_0(a) = a, χ_0(⊥) = ⋀_a ¬a; for d ≥ 1, χ_d(t) = χ_0(sym) ∧ window part ∧ past part, where for a
/// set S of depth-(d−1) types "the window/past holds exactly S" is ⋀_{s∈S} O χ(s) ∧ ¬O¬⋁_{s∈S} χ(s)
/// (O = Y[&lt;=k] or P; non-strict P is written φ ∨ P φ), and a multiset window with count c_s uses
/// Y[&lt;=k,&gt;=c_s] χ(s) ∧ ¬Y[&lt;=k,&gt;=c_s+1] χ(s). Types are exact, so ⋁ over accepted final types is
/// a formula for L whenever T_r(N+1) determines membership.
/// </summary>
public sealed class TypeFormulas
{
    private readonly TypeTable _table;
    private readonly Alphabet _alphabet;
    private readonly Dictionary<(int Depth, int Id), LtlFormula> _memo = new();
    private readonly Dictionary<int, int> _letterTypes = new();

    /// <summary>Creates the builder.</summary>
    /// <param name="table">The type table.</param>
    /// <param name="alphabet">Σ (atom names).</param>
    public TypeFormulas(TypeTable table, Alphabet alphabet)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(alphabet);
        _table = table;
        _alphabet = alphabet;
    }

    /// <summary>χ_d(t), or, with <paramref name="atEnd"/>, a formula equivalent to it at N+1 (the ⊥ test dropped).</summary>
    /// <param name="depth">d.</param>
    /// <param name="id">t.</param>
    /// <param name="atEnd">True to omit the symbol test of a final type (evaluated at N+1 only).</param>
    public LtlFormula Characteristic(int depth, int id, bool atEnd = false)
    {
        if (!atEnd && _memo.TryGetValue((depth, id), out var f)) return f;
        if (depth == 0)
        {
            f = atEnd ? Ltl.True : SymbolFormula(id);
        }
        else
        {
            var info = _table.Info(depth, id);
            var parts = new List<LtlFormula> { atEnd ? Ltl.True : SymbolFormula(info.Symbol) };
            var fr = _table.Fragment;
            if (fr.Window > 0) parts.Add(WindowPart(depth - 1, info.Window, fr));
            if (fr.Past) parts.Add(ExactSet(depth - 1, info.PastSet, p => fr.NonStrict ? Ltl.Or(p, Ltl.Past(p)) : Ltl.Past(p)));
            f = Ltl.And(parts);
        }
        if (!atEnd) _memo[(depth, id)] = f;
        return f;
    }

    private LtlFormula SymbolFormula(int symbol) =>
        symbol < _alphabet.Count ? Ltl.Atom(_alphabet[symbol]) : Ltl.And(_alphabet.Symbols.Select(s => Ltl.Not(Ltl.Atom(s))));

    private LtlFormula WindowPart(int lower, int[] window, TypeFragment fr)
    {
        int k = fr.Window;
        if (fr.Semantics == WindowSemantics.Set || k == 1) return ExactSet(lower, window.Distinct().ToArray(), p => Ltl.WindowYesterday(k, p));
        var parts = new List<LtlFormula>();
        foreach (var g in window.GroupBy(x => x))
        {
            var chi = Characteristic(lower, g.Key);
            int c = g.Count();
            parts.Add(Ltl.WindowCount(k, c, chi));
            if (c < k) parts.Add(Ltl.Not(Ltl.WindowCount(k, c + 1, chi)));
        }
        if (!CoversLetterTypes(lower, window))
        {
            var all = Ltl.Or(window.Distinct().Select(s => Characteristic(lower, s)));
            parts.Add(Ltl.Not(Ltl.WindowYesterday(k, Ltl.Not(all))));
        }
        return Ltl.And(parts);
    }

    /// <summary>"The positions seen by O carry exactly the types S": ⋀_{s∈S} O χ(s) ∧ ¬O¬⋁_{s∈S} χ(s).</summary>
    private LtlFormula ExactSet(int lower, int[] set, Func<LtlFormula, LtlFormula> op)
    {
        var parts = new List<LtlFormula>();
        foreach (var s in set) parts.Add(op(Characteristic(lower, s)));
        if (_table.Fragment.NonStrict || !CoversLetterTypes(lower, set))
        {
            var all = Ltl.Or(set.Select(s => Characteristic(lower, s)));
            parts.Add(Ltl.Not(op(Ltl.Not(all))));
        }
        return Ltl.And(parts);
    }

    /// <summary>
    /// True when <paramref name="set"/> holds every depth-d type of a letter position that the table
    /// has seen; then "every position seen holds a type of the set" is trivially true under strict
    /// operators (they only see letter positions). Sound once the type search has explored every
    /// reachable state, which is when formulas are built.
    /// </summary>
    private bool CoversLetterTypes(int depth, int[] set)
    {
        var distinct = set.Distinct().ToArray();
        // The letter types of a depth are counted once per builder (the table no longer grows once formulas are built),
        // not once per set: the count was O(types) per call, O(types²) per formula.
        if (!_letterTypes.TryGetValue(depth, out int letterTypes))
        {
            if (depth == 0) letterTypes = _alphabet.Count;
            else
                for (int id = 0; id < _table.CountAt(depth); id++)
                    if (_table.Info(depth, id).Symbol < _alphabet.Count) letterTypes++;
            _letterTypes[depth] = letterTypes;
        }
        return distinct.Count(t => depth == 0 ? t < _alphabet.Count : _table.Info(depth, t).Symbol < _alphabet.Count) == letterTypes;
    }
}
