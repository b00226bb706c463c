using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Engine.Claims;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Syntax.Temporal;
using FormalExpressivity.Transformers.BitParallel;
using FormalExpressivity.Transformers.Compilation;
using FormalExpressivity.Transformers.Model;

namespace FormalExpressivity.Engine.Simulation;

/// <summary>
/// The empirical confirmation of a claim: the formula is compiled to a transformer
/// (<see cref="LtlToTransformer"/>, LC25 Thm 3.3), the model is run bit-parallel
/// (<see cref="BitParallelKernel"/>) on a corpus — every word of length ≤ L, where L is the largest
/// length with at most <see cref="MaxExhaustiveWords"/> such words, plus <see cref="RandomWords"/>
/// random words with lengths uniform in L+1 … <see cref="MaxLength"/> (fixed seed) — and its
/// answers are compared with the DFA. It also checks that the model only uses heads the
/// architecture has (global heads only for global and hybrid; k-local heads only for local(k) and hybrid(k)).
/// </summary>
public sealed class SimulatedEmpiricalCheck : IEmpiricalCheck
{
    /// <summary>The cap on the exhaustive part.</summary>
    public int MaxExhaustiveWords { get; init; } = 4096;

    /// <summary>The number of random long words.</summary>
    public int RandomWords { get; init; } = 128;

    /// <summary>The longest random word.</summary>
    public int MaxLength { get; init; } = 500;

    /// <summary>The seed of the random words.</summary>
    public int Seed { get; init; } = 2026;

    /// <inheritdoc />
    public EmpiricalResult Check(LtlFormula formula, Architecture architecture, Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(dfa);
        var alphabet = dfa.Alphabet;
        var compiled = LtlToTransformer.Compile(formula, alphabet);
        if (!compiled.Success)
            return new EmpiricalResult("transformer simulator", 0, 0, 0, 0, Seed, null, "the formula does not compile to a transformer: " + string.Join("; ", compiled.Diagnostics.Select(d => d.Message)));
        var model = compiled.Model!;
        string? foreign = ForeignHead(model, architecture);
        var (global, local, hard) = model.HeadCounts();
        string method = $"bit-parallel transformer simulator, {Classes.Report.VerdictText.Count(model.Layers.Count, "layer")}, {global} global + {local} local + {hard} unique-hard heads";
        if (foreign is not null)
            return new EmpiricalResult(method, 0, 0, 0, 0, Seed, null, foreign);

        int k = alphabet.Count;
        int exhaustive = 0;
        long count = 1, total = 1;
        while (true)
        {
            count *= k;
            if (total + count > MaxExhaustiveWords) break;
            total += count;
            exhaustive++;
        }
        var words = new List<int[]>((int)total + RandomWords);
        var current = new List<int[]> { Array.Empty<int>() };
        words.Add([]);
        for (int len = 1; len <= exhaustive; len++)
        {
            var next = new List<int[]>(current.Count * k);
            foreach (var w in current)
                for (int a = 0; a < k; a++) next.Add([.. w, a]);
            words.AddRange(next);
            current = next;
        }
        var random = new Random(Seed);
        int low = Math.Min(exhaustive + 1, MaxLength);
        for (int i = 0; i < RandomWords; i++)
        {
            var w = new int[random.Next(low, MaxLength + 1)];
            for (int j = 0; j < w.Length; j++) w[j] = random.Next(k);
            words.Add(w);
        }
        var answers = BitParallelKernel.Run(model, words);
        Word? disagreement = null;
        for (int i = 0; i < words.Count; i++)
        {
            if (answers[i] == dfa.Accepts(words[i])) continue;
            var w = Word.Of(words[i]);
            if (disagreement is null || w.CompareTo(disagreement) < 0) disagreement = w;
        }
        return new EmpiricalResult(method, words.Count, exhaustive, RandomWords, MaxLength, Seed, disagreement);
    }

    private static string? ForeignHead(TransformerModel model, Architecture architecture)
    {
        foreach (var head in model.Heads)
        {
            bool ok = head.Kind switch
            {
                HeadKind.Global => architecture.HasGlobalHeads || architecture.Kind is ArchitectureKind.Uha or ArchitectureKind.Regular,
                HeadKind.Local => architecture.Kind is ArchitectureKind.Uha or ArchitectureKind.Regular
                    || (architecture.HasWindow && head.Window == architecture.Window),
                _ => architecture.Kind is ArchitectureKind.Uha or ArchitectureKind.Regular,
            };
            if (!ok) return $"the compiled model has a {head.Kind} head{(head.Kind == HeadKind.Local ? $" of window {head.Window}" : "")}, which {architecture} does not have";
        }
        return null;
    }
}
