using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Corpora.Writers;

namespace FormalExpressivity.Corpora.Evaluation;

/// <summary>
/// Scores predictions against the truth given by a DFA. The predictions file lists the corpus's
/// strings in the corpus's order (row i predicts corpus row i; the strings must match), each with a
/// predicted label. The truth is always recomputed from the DFA; the corpus's own labels are only
/// cross-checked and disagreements reported.
/// </summary>
public static class Evaluator
{
    /// <summary>Reads both files and evaluates.</summary>
    /// <param name="language">The DFA of L.</param>
    /// <param name="corpusPath">The corpus file (JSONL, CSV or Parquet).</param>
    /// <param name="predictionsPath">The predictions file (JSONL or CSV).</param>
    /// <param name="oracles">Indistinguishability oracles (may be empty).</param>
    public static EvaluationReport EvaluateFiles(Dfa language, string corpusPath, string predictionsPath, IEnumerable<IIndistinguishabilityOracle>? oracles = null)
    {
        var corpus = CorpusReader.ReadCorpus(corpusPath);
        var predictions = CorpusReader.ReadPredictions(predictionsPath);
        return Evaluate(language, corpus, predictions, oracles, corpusPath, predictionsPath);
    }

    /// <summary>Evaluates rows already read.</summary>
    /// <param name="language">The DFA of L.</param>
    /// <param name="corpus">The corpus rows (string, written label).</param>
    /// <param name="predictions">The prediction rows (string, predicted label), in corpus order.</param>
    /// <param name="oracles">Indistinguishability oracles (may be empty).</param>
    /// <param name="corpusName">The corpus file's name, for diagnostics.</param>
    /// <param name="predictionsName">The predictions file's name, for diagnostics.</param>
    /// <exception cref="InputException">Row counts differ, a string differs from the corpus's, or a symbol is not in Σ.</exception>
    public static EvaluationReport Evaluate(
        Dfa language,
        IReadOnlyList<LabelledRow> corpus,
        IReadOnlyList<LabelledRow> predictions,
        IEnumerable<IIndistinguishabilityOracle>? oracles = null,
        string corpusName = "corpus",
        string predictionsName = "predictions")
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(predictions);
        if (corpus.Count != predictions.Count)
            throw Fail(predictionsName, predictions.Count == 0 ? 1 : predictions[^1].Line, $"{predictions.Count} predictions for {corpus.Count} corpus strings; predict every corpus string, in corpus order");
        var stats = new SortedDictionary<int, (int Total, int Correct)>();
        var failures = new List<FailingString>();
        var labelErrors = new List<FailingString>();
        var failingWords = new List<Word>();
        for (int i = 0; i < corpus.Count; i++)
        {
            var c = corpus[i];
            var p = predictions[i];
            if (!string.Equals(c.Text, p.Text, StringComparison.Ordinal))
                throw Fail(predictionsName, p.Line, $"row {i + 1} predicts '{Clip(p.Text)}' but corpus row {i + 1} ({corpusName} line {c.Line}) is '{Clip(c.Text)}'");
            if (!CorpusFormats.TryParseWord(c.Text, language.Alphabet, out var word, out var error))
                throw Fail(corpusName, c.Line, $"'{Clip(c.Text)}': {error}");
            bool truth = language.Accepts(word!);
            if (truth != c.Label) labelErrors.Add(new FailingString(c.Text, word!.Length, truth, c.Label, c.Line));
            stats.TryGetValue(word!.Length, out var s);
            bool ok = p.Label == truth;
            stats[word.Length] = (s.Total + 1, s.Correct + (ok ? 1 : 0));
            if (!ok)
            {
                failures.Add(new FailingString(p.Text, word.Length, truth, p.Label, p.Line));
                failingWords.Add(word);
            }
        }
        var perLength = stats.Select(kv => new LengthAccuracy(kv.Key, kv.Value.Total, kv.Value.Correct)).ToList();
        var oracleList = (oracles ?? []).ToList();
        var pairs = new List<IndistinguishablePair>();
        foreach (var oracle in oracleList)
        {
            var groups = new Dictionary<string, (int? In, int? Out)>(StringComparer.Ordinal);
            for (int i = 0; i < failures.Count; i++)
            {
                var key = oracle.Key(failingWords[i]);
                groups.TryGetValue(key, out var g);
                if (failures[i].Truth) g.In ??= i; else g.Out ??= i;
                groups[key] = g;
            }
            foreach (var g in groups.Values)
                if (g.In is { } a && g.Out is { } b)
                    pairs.Add(new IndistinguishablePair(oracle.Architecture, oracle.Depth, failures[a], failures[b]));
        }
        return new EvaluationReport(perLength, corpus.Count, perLength.Sum(l => l.Correct), EvaluationReport.ComputeNStar(perLength),
            failures, pairs, labelErrors, oracleList.Select(o => $"{o.Architecture} (depth {o.Depth})").ToList());
    }

    private static string Clip(string s) => s.Length <= 60 ? s : s[..57] + "...";

    private static InputException Fail(string file, int line, string message) =>
        new([new Diagnostic("FEX-EVAL", new SourceSpan(0, 0, line, 1), $"{file}: {message}")]);
}
