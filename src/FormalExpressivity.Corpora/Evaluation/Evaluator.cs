using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Corpora.Writers;

namespace FormalExpressivity.Corpora.Evaluation;

/// <summary>
/// Scores predictions against the truth given by a DFA. The predictions file lists the corpus's
/// strings in the corpus's order (row i predicts corpus row i; the strings must match), each with a
/// prediction (a label or a probability, cut at the threshold) and optionally one prediction per
/// position. The truth is always recomputed from the DFA; the corpus's own labels are cross-checked
/// and disagreements reported.
/// </summary>
/// <remarks>
/// <para><b>Failure analysis.</b> For an architecture whose depth-r types are computed by an
/// <see cref="IIndistinguishabilityOracle"/>, every model of that architecture and depth gives
/// strings of equal type the same output (theory.md §6–§7). A failing string w is <i>explained</i>
/// when some string v of the corpus has w's type, the opposite truth, and the same prediction as w
/// — then v is classified correctly and w is the side a model of the architecture must lose. The
/// report lists one such pair per explained failure; pairs the model predicted <i>differently</i>
/// are never listed (the model separated them, so they say nothing about the architecture's limit).</para>
/// <para>Example: on LT-2 = Σ*abΣ* a model that predicts from the LTL[P] depth-3 type alone has
/// every failure explained; a model that answers at random has its failures explained only where a
/// same-type partner of the opposite truth happened to get the same answer.</para>
/// </remarks>
public static class Evaluator
{
    /// <summary>Reads both files and evaluates.</summary>
    /// <param name="language">The DFA of L.</param>
    /// <param name="corpusPath">The corpus file (JSONL, CSV or Parquet).</param>
    /// <param name="predictionsPath">The predictions file (JSONL or CSV).</param>
    /// <param name="oracles">Indistinguishability oracles (may be empty).</param>
    /// <param name="threshold">Scores ≥ threshold predict "in L".</param>
    public static EvaluationReport EvaluateFiles(Dfa language, string corpusPath, string predictionsPath, IEnumerable<IIndistinguishabilityOracle>? oracles = null, double threshold = 0.5) =>
        Evaluate(language, CorpusReader.ReadCorpus(corpusPath), CorpusReader.ReadPredictions(predictionsPath), oracles, threshold, corpusPath, predictionsPath);

    /// <summary>Evaluates rows already read.</summary>
    /// <param name="language">The DFA of L.</param>
    /// <param name="corpus">The corpus rows (string, written label, written per-prefix labels).</param>
    /// <param name="predictions">The prediction rows, in corpus order.</param>
    /// <param name="oracles">Indistinguishability oracles (may be empty).</param>
    /// <param name="threshold">Scores ≥ threshold predict "in L".</param>
    /// <param name="corpusName">The corpus file's name, for diagnostics.</param>
    /// <param name="predictionsName">The predictions file's name, for diagnostics and the report.</param>
    /// <exception cref="InputException">Row counts differ, a string differs from the corpus's, a symbol is not in Σ, or a per-position prediction has the wrong length.</exception>
    public static EvaluationReport Evaluate(
        Dfa language,
        IReadOnlyList<LabelledRow> corpus,
        IReadOnlyList<PredictionRow> predictions,
        IEnumerable<IIndistinguishabilityOracle>? oracles = null,
        double threshold = 0.5,
        string corpusName = "corpus",
        string predictionsName = "predictions")
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(predictions);
        if (corpus.Count != predictions.Count)
            throw Fail(predictionsName, predictions.Count == 0 ? 1 : predictions[^1].Line, $"{predictions.Count} predictions for {corpus.Count} corpus strings; predict every corpus string, in corpus order");
        var stats = new SortedDictionary<int, LengthAccuracy>();
        var failures = new List<FailingString>();
        var labelErrors = new List<FailingString>();
        var words = new Word[corpus.Count];
        var truth = new bool[corpus.Count];
        var predicted = new bool[corpus.Count];
        var failureIndex = new List<int>();
        for (int i = 0; i < corpus.Count; i++)
        {
            var c = corpus[i];
            var p = predictions[i];
            if (!string.Equals(c.Text, p.Text, StringComparison.Ordinal))
                throw Fail(predictionsName, p.Line, $"row {i + 1} predicts '{Clip(p.Text)}' but corpus row {i + 1} ({corpusName} line {c.Line}) is '{Clip(c.Text)}'");
            if (!CorpusFormats.TryParseWord(c.Text, language.Alphabet, out var word, out var error))
                throw Fail(corpusName, c.Line, $"'{Clip(c.Text)}': {error}");
            words[i] = word!;
            bool t = truth[i] = language.Accepts(word!);
            bool y = predicted[i] = p.Label(threshold);
            var prefixTruth = PrefixTruth(language, word!);
            if (t != c.Label || c.PrefixLabels is { } written && !WrittenPrefixesAgree(written, prefixTruth))
                labelErrors.Add(new FailingString(c.Text, word!.Length, t, c.Label, c.Line));
            long posTotal = 0, posCorrect = 0;
            if (p.Positions is { } positions)
            {
                if (positions.Length != word!.Length + 1)
                    throw Fail(predictionsName, p.Line, $"\"positions\" has {positions.Length} entries for a word of length {word.Length}; give one per position 0 … n ({word.Length + 1})");
                posTotal = positions.Length;
                for (int j = 0; j < positions.Length; j++) if (positions[j] >= threshold == prefixTruth[j]) posCorrect++;
            }
            var s = stats.GetValueOrDefault(word!.Length) ?? new LengthAccuracy(word.Length, 0, 0);
            stats[word.Length] = s with
            {
                Total = s.Total + 1,
                Correct = s.Correct + (y == t ? 1 : 0),
                FalsePositives = s.FalsePositives + (y && !t ? 1 : 0),
                FalseNegatives = s.FalseNegatives + (!y && t ? 1 : 0),
                Positives = s.Positives + (t ? 1 : 0),
                PositionsTotal = s.PositionsTotal + posTotal,
                PositionsCorrect = s.PositionsCorrect + posCorrect,
            };
            if (y != t)
            {
                failures.Add(new FailingString(p.Text, word.Length, t, y, p.Line));
                failureIndex.Add(i);
            }
        }
        var perLength = stats.Values.ToList();
        var analyses = (oracles ?? []).Select(o => Analyse(o, words, truth, predicted, failures, failureIndex, predictions)).ToList();
        return new EvaluationReport(predictionsName, perLength, corpus.Count, perLength.Sum(l => l.Correct), EvaluationReport.ComputeNStar(perLength),
            failures, analyses, labelErrors);
    }

    /// <summary>The failure analysis of theory.md §6–§7 for one architecture (see the class remarks).</summary>
    private static FailureAnalysis Analyse(IIndistinguishabilityOracle oracle, Word[] words, bool[] truth, bool[] predicted,
        List<FailingString> failures, List<int> failureIndex, IReadOnlyList<PredictionRow> predictions)
    {
        // Per type: the first correctly classified string of each truth, whether both truths occur,
        // and the first failing string of each truth (for pairs predicted differently and both wrong).
        var types = new Dictionary<string, TypeSummary>(StringComparer.Ordinal);
        var keys = new string[words.Length];
        for (int i = 0; i < words.Length; i++)
        {
            string key;
            try { key = keys[i] = oracle.Key(words[i]); }
            catch (BudgetExceededException e)
            {
                // The architecture's types outgrow their budget on this corpus: that analysis is skipped, the others run.
                return new FailureAnalysis(oracle.Architecture, oracle.Depth, 0, 0, [], 0, 0, e.Message);
            }
            var s = types.GetValueOrDefault(key);
            bool ok = truth[i] == predicted[i];
            if (truth[i]) { s.HasIn = true; if (ok) s.CorrectIn ??= i; else s.WrongIn = true; }
            else { s.HasOut = true; if (ok) s.CorrectOut ??= i; else s.WrongOut = true; }
            types[key] = s;
        }
        var explained = new List<ExplainedPair>();
        for (int f = 0; f < failures.Count; f++)
        {
            int i = failureIndex[f];
            var s = types[keys[i]];
            if ((truth[i] ? s.CorrectOut : s.CorrectIn) is { } partner)
            {
                var p = predictions[partner];
                explained.Add(new ExplainedPair(failures[f], new FailingString(p.Text, words[partner].Length, truth[partner], predicted[partner], p.Line)));
            }
        }
        return new FailureAnalysis(oracle.Architecture, oracle.Depth, types.Count, types.Values.Count(t => t.HasIn && t.HasOut), explained,
            failures.Count - explained.Count, types.Values.Count(t => t.WrongIn && t.WrongOut));
    }

    private struct TypeSummary
    {
        public bool HasIn, HasOut, WrongIn, WrongOut;
        public int? CorrectIn, CorrectOut;
    }

    /// <summary>Membership of every prefix w₁ … wᵢ, i = 0 … n.</summary>
    /// <param name="language">The DFA.</param>
    /// <param name="word">The word.</param>
    public static bool[] PrefixTruth(Dfa language, Word word)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(word);
        var result = new bool[word.Length + 1];
        int q = language.Start;
        result[0] = language.IsAccepting(q);
        for (int i = 0; i < word.Length; i++)
        {
            q = language.Next(q, word[i]);
            result[i + 1] = language.IsAccepting(q);
        }
        return result;
    }

    private static bool WrittenPrefixesAgree(string written, bool[] truth)
    {
        if (written.Length != truth.Length) return false;
        for (int i = 0; i < truth.Length; i++) if (written[i] != (truth[i] ? '1' : '0')) return false;
        return true;
    }

    private static string Clip(string s) => s.Length <= 60 ? s : s[..57] + "...";

    private static InputException Fail(string file, int line, string message) =>
        new([new Diagnostic("FEX-EVAL", new SourceSpan(0, 0, line, 1), $"{file}: {message}")]);
}
