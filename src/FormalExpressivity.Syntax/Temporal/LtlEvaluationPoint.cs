namespace FormalExpressivity.Syntax.Temporal;

/// <summary>Where a formula is read to decide acceptance (theory.md §1).</summary>
public enum LtlEvaluationPoint
{
    /// <summary>At the end marker N+1 (the default): the reading every past formula is written for.</summary>
    EndMarker,
    /// <summary>At position 0, before the word: the meaningful reading of pure-future formulas.</summary>
    Zero,
}
