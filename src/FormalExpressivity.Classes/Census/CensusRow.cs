namespace FormalExpressivity.Classes.Census;

/// <summary>
/// One row of the census: one language × one architecture or logic class. Rows are produced in
/// canonical order (language index, then the fixed architecture order of <see cref="CensusRunner.Keys"/>),
/// contain nothing machine-dependent (no times), and the summary is computed from rows alone — so a later
/// sharded run that partitions the languages by <see cref="Index"/> and merges the parts reproduces the same bytes.
/// </summary>
/// <param name="Index">The language's position in the canonical enumeration of <c>MinimalDfaEnumeration</c> (0-based; the stable sharding key).</param>
/// <param name="Key">The canonical minimal DFA as text: transition table (state-major, declared symbol order) | accepting states.</param>
/// <param name="States">The number of states of the minimal DFA.</param>
/// <param name="Architecture">The architecture or logic-class key (<c>global</c>, <c>local:2</c>, <c>PYwin:3</c>, …).</param>
/// <param name="Verdict"><c>yes</c>, <c>no</c> or <c>unknown</c>.</param>
/// <param name="Evidence">The evidence kind: <c>formula</c>, <c>criterion</c> (yes by an exact criterion, no formula), <c>identity</c>, <c>lasso</c>, <c>stutter</c>, <c>pumping</c>, <c>bound</c> (unknown: search bound and witness words).</param>
/// <param name="Depth">For yes: the formula's depth; for no/unknown: the depth of the witness words (null for all-depth certificates).</param>
/// <param name="FormulaSize">For yes with a formula: its size (tree nodes); else null.</param>
/// <param name="FormulaChecked">For yes with a formula: whether it was proved equivalent to the DFA; else null.</param>
/// <param name="FormulaSmallest">For yes with a formula: whether it is proved a smallest formula of the row's grammar (docs/theory.md §Smallest formulas); else null.</param>
/// <param name="Classes">The language's classes (a property of the language, repeated on each of its rows): the members among
/// SL, LT, LTT, PT, D, K, LI, R, L, J, DA, LR, SF, REG in that order, comma-separated; a class whose decider ran out of budget is
/// written with a trailing <c>?</c>.</param>
public sealed record CensusRow(long Index, string Key, int States, string Architecture, string Verdict, string Evidence, int? Depth, int? FormulaSize, bool? FormulaChecked,
    bool? FormulaSmallest = null, string Classes = "");
