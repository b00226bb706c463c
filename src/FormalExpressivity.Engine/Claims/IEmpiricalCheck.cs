using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Engine.Claims;

/// <summary>
/// The outcome of running a recognizer built from a formula on a corpus and comparing it with the DFA.
/// </summary>
/// <param name="Method">What ran, e.g. "bit-parallel transformer simulator (3 layers, 2 global + 1 local heads)".</param>
/// <param name="Words">How many words were checked.</param>
/// <param name="ExhaustiveUpTo">Every word of length ≤ this was checked.</param>
/// <param name="RandomWords">How many random words (lengths up to <paramref name="MaxLength"/>) were checked.</param>
/// <param name="MaxLength">The longest word checked.</param>
/// <param name="Seed">The seed of the random words.</param>
/// <param name="Disagreement">The shortlex-first word on which the two disagree, else <c>null</c>.</param>
/// <param name="Note">Why the check could not run, else <c>null</c>.</param>
public sealed record EmpiricalResult(string Method, long Words, int ExhaustiveUpTo, int RandomWords, int MaxLength, int Seed, Word? Disagreement, string? Note = null)
{
    /// <summary>True when it ran and agreed on every word.</summary>
    public bool Agrees => Note is null && Disagreement is null;
}

/// <summary>Checks a formula's recognizer against a DFA on a corpus (the empirical confirmation of a claim).</summary>
public interface IEmpiricalCheck
{
    /// <summary>Runs the recognizer of <paramref name="formula"/> for <paramref name="architecture"/> on a corpus and compares with <paramref name="dfa"/>.</summary>
    /// <param name="formula">A formula of the architecture's fragment, read at N+1.</param>
    /// <param name="architecture">The architecture the recognizer is built for.</param>
    /// <param name="dfa">The language's DFA.</param>
    EmpiricalResult Check(LtlFormula formula, Architecture architecture, Dfa dfa);
}
