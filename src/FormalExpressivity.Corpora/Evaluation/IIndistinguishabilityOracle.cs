using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Corpora.Evaluation;

/// <summary>
/// The extension point through which the evaluation says "this failing pair is one the theory says
/// architecture X cannot separate". An oracle maps a word to a key such that two words with equal
/// keys are evaluated alike by every formula of the architecture's logic up to the oracle's depth
/// (theory.md §6–§7: equal depth-r types T_r(N+1)). The evaluator groups the failing strings by key
/// and reports every group holding both a word of L and a word outside L.
/// </summary>
/// <remarks>
/// The depth-r type computation belongs to the class deciders; they plug in here. An oracle must
/// only return equal keys when indistinguishability is <b>proved</b> (a type equality), never
/// when it is merely plausible.
/// </remarks>
public interface IIndistinguishabilityOracle
{
    /// <summary>The architecture whose indistinguishability the key captures, e.g. <c>global</c> or <c>local(2)</c>.</summary>
    string Architecture { get; }

    /// <summary>The depth up to which equal keys guarantee equal behaviour, e.g. 3.</summary>
    int Depth { get; }

    /// <summary>The key of <paramref name="word"/>: equal keys ⇒ indistinguishable up to <see cref="Depth"/>.</summary>
    /// <param name="word">A word.</param>
    string Key(Word word);
}
