using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Census;
using FormalExpressivity.Classes.Synthesis;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Tests.Census;

/// <summary>
/// The census: rows in canonical order, a summary computed from rows alone (so that a partition of the
/// languages by index, merged in index order, reproduces the same bytes), JSONL round trip, and rows
/// that agree with the class deciders where the architecture is a class.
/// </summary>
public class CensusTests
{
    static readonly CensusOptions Options = new()
    {
        Alphabet = Alphabet.Of("a", "b"),
        MaxStates = 2,
        WindowSizes = [1, 2],
        Engine = new Verdicts.VerdictEngine(Verdicts.VerdictOptions.Default.WithSearch(new TypeSearchOptions(MaxDepth: 2, MaxTypes: 3_000, MaxStates: 10_000))),
    };

    static List<CensusRow> Run(CensusOptions options) =>
        CensusRunner.Languages(options, out _).SelectMany(l => CensusRunner.Rows(l, options)).ToList();

    [Test]
    public void Rows_are_canonical_and_a_sharded_run_merges_to_the_same_bytes()
    {
        var rows = Run(Options);
        var keys = CensusRunner.Keys(Options.WindowSizes);
        Assert.That(rows, Has.Count.EqualTo(26 * keys.Count));
        Assert.That(rows.Select(r => r.Architecture).Take(keys.Count), Is.EqualTo(keys));
        string whole = string.Concat(rows.Select(r => CensusJsonl.Line(r) + "\n"));
        // Three shards by index mod 3, merged by index: the same bytes and the same summary.
        var shards = Enumerable.Range(0, 3).Select(i => rows.Where(r => r.Index % 3 == i).ToList()).ToList();
        var merged = shards.SelectMany(s => s).OrderBy(r => r.Index).ThenBy(r => keys.ToList().IndexOf(r.Architecture)).ToList();
        Assert.That(string.Concat(merged.Select(r => CensusJsonl.Line(r) + "\n")), Is.EqualTo(whole));
        var parsed = whole.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(CensusJsonl.Parse).ToList();
        Assert.That(parsed, Is.EqualTo(rows));
        Assert.That(CensusSummary.FromRows(parsed).RenderJson(), Is.EqualTo(CensusSummary.FromRows(rows).RenderJson()));
        Assert.That(string.Concat(Run(Options).Select(r => CensusJsonl.Line(r) + "\n")), Is.EqualTo(whole), "deterministic");
    }

    [Test]
    public void Summary_counts_separations_and_the_exact_rows()
    {
        var rows = Run(Options);
        var summary = CensusSummary.FromRows(rows);
        Assert.That(summary.Languages, Is.EqualTo(26));
        foreach (var k in summary.Keys) Assert.That(summary.Counts[k].Values.Sum(), Is.EqualTo(26), k);
        // Σ*a (2 states) separates local:1 from global; aΣ* separates global from local:1.
        Assert.That(summary.Separations.Any(s => s.Yes == "local:1" && s.No == "global"), Is.True);
        Assert.That(summary.Separations.Any(s => s.Yes == "global" && s.No == "local:1"), Is.True);
        // Known inclusions are never separated: local:2 ⊆ local:1 ⊆ hybrid:1, global ⊆ hybrid:1.
        Assert.That(summary.Separations.Any(s => (s.Yes, s.No) is ("local:2", "local:1") or ("local:1", "hybrid:1") or ("global", "hybrid:1")), Is.False);
        foreach (var r in rows.Where(r => r.Verdict == "yes" && r.Evidence == "formula")) Assert.That(r.FormulaChecked, Is.True, $"{r.Index} {r.Architecture}");
        var sample = CensusRunner.Languages(Options with { Sample = 7, Seed = 11 }, out long total);
        Assert.That((sample.Count, total), Is.EqualTo((7, 26L)));
        Assert.That(sample.Select(l => l.Index), Is.Ordered.And.Unique);
        Assert.That(CensusRunner.Languages(Options with { Sample = 7, Seed = 11 }, out _).Select(l => l.Index), Is.EqualTo(sample.Select(l => l.Index)));
    }

    [Test]
    public void Class_columns_agree_with_the_class_deciders_and_the_exact_rows()
    {
        var rows = Run(Options);
        var exact = new Dictionary<string, LanguageClass> { ["global"] = LanguageClass.R, ["local:1"] = LanguageClass.D, ["hybrid:1"] = LanguageClass.LR, ["uha"] = LanguageClass.SF };
        foreach (var language in rows.GroupBy(r => r.Index))
        {
            var dfa = CensusRunner.FromKey(Options.Alphabet, language.First().Key);
            // The independent answer: each class decider on its own, in declaration order.
            string expected = string.Join(',', ClassDeciders.All.Where(c => ClassDeciders.Decide(c, dfa).Member));
            foreach (var r in language)
            {
                Assert.That(r.Classes, Is.EqualTo(expected), $"{r.Index} {r.Architecture}");
                if (exact.TryGetValue(r.Architecture, out var c))
                    Assert.That(r.Verdict == "yes", Is.EqualTo(r.Classes.Split(',').Contains(c.ToString())), $"{r.Index} {r.Architecture} vs {c}");
                // Every formula of these small languages is a smallest one (docs/theory.md §Smallest formulas), non-strict
                // masking included (its grammar has P⁼ and H⁼).
                if (r.Verdict != "yes" || r.Evidence != "formula") Assert.That(r.FormulaSmallest, Is.Null);
                else Assert.That(r.FormulaSmallest, Is.True, $"{r.Index} {r.Architecture}");
            }
        }
    }

    /// <summary>
    /// <see cref="CensusRunner.SettleSmallestFormulas"/> against the machine tables run without a work budget (the
    /// oracle): under a work budget so small that the per-language tables stop early, the settled census reports for
    /// every yes row the oracle's smallest size, marked smallest, and no formula marked smallest where the oracle has
    /// none up to the size. Not parallel: the primed answers are process-wide.
    /// </summary>
    [Test]
    [NonParallelizable]
    public void Settled_smallest_formulas_equal_the_unbudgeted_machine_tables()
    {
        const int size = 7;
        var options = Options with
        {
            WindowSizes = [3],
            Engine = Options.Engine.WithOptions(Options.Engine.Options with { Smallest = new SmallestFormulaOptions(size, 300) }),
        };
        var languages = CensusRunner.Languages(options, out _);
        var rows = languages.SelectMany(l => CensusRunner.Rows(l, options)).ToList();
        var byIndex = languages.ToDictionary(l => l.Index);
        var oracle = new SmallestFormulaOptions(size, long.MaxValue);
        int? Smallest(CensusRow r) =>
            Architecture.TryParse(r.Architecture, out var a) ? SmallestFormulaSearch.Find(byIndex[r.Index].Minimal, a!, oracle)?.Formula?.Size : null;
        var yes = rows.Where(r => r.Verdict == "yes").ToList();
        Assert.That(yes.Count(r => r.FormulaSmallest != true && Smallest(r) is not null), Is.GreaterThan(0),
            "the budgeted tables already find every smallest formula: this test shows nothing");
        try
        {
            var settled = CensusRunner.SettleSmallestFormulas(languages, rows, options);
            Assert.That(settled.Select(r => (r.Index, r.Architecture)), Is.EqualTo(rows.Select(r => (r.Index, r.Architecture))), "rows in the same order");
            foreach (var r in settled.Where(r => r.Verdict == "yes"))
            {
                string what = $"{r.Key} {r.Architecture}: size {r.FormulaSize}";
                if (Smallest(r) is int s)
                {
                    Assert.That(r.FormulaSmallest, Is.True, what);
                    Assert.That(r.FormulaSize, Is.EqualTo(s), what);
                    Assert.That(r.FormulaChecked, Is.True, what);
                }
                else Assert.That(r.FormulaSmallest, Is.Not.True, what);
            }
        }
        finally
        {
            SmallestFormulaSearch.ClearPrimed();
        }
    }
}
