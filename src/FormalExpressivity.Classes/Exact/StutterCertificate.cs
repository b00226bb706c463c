using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Conditions;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Exact;

/// <summary>
/// Proof that L is not recognized by non-strict global attention (LTL[P] with non-strict P, every
/// depth): s·a·z and s·a·a·z lie on different sides of L, but doubling a letter changes no depth-r type
/// at N+1 under non-strict masking (docs/theory.md §Stuttering). Checked by <see cref="Check"/>: the
/// membership of the two words on the DFA; the lemma needs nothing else.
/// </summary>
/// <param name="Prefix">s.</param>
/// <param name="Letter">a (a symbol index).</param>
/// <param name="Suffix">z.</param>
public sealed record StutterCertificate(Word Prefix, int Letter, Word Suffix) : ClassEvidence
{
    /// <summary>s·a·z.</summary>
    public Word Single => Prefix.Append(Letter).Concat(Suffix);

    /// <summary>s·a·a·z.</summary>
    public Word Doubled => Prefix.Append(Letter).Append(Letter).Concat(Suffix);

    /// <summary>The shortlex-first certificate on a DFA for L: a state q reached by the shortlex-least s, a letter a with q·a and q·aa separated by z; null iff L is closed under doubling letters.</summary>
    /// <param name="dfa">A DFA for L.</param>
    public static StutterCertificate? Find(Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        var minimal = Automata.Operations.Minimization.Minimize(dfa);
        var access = new Word?[minimal.StateCount];
        var queue = new Queue<int>();
        access[minimal.Start] = Word.Empty;
        queue.Enqueue(minimal.Start);
        while (queue.Count > 0)
        {
            int q = queue.Dequeue();
            for (int a = 0; a < minimal.SymbolCount; a++)
            {
                int once = minimal.Next(q, a), twice = minimal.Next(once, a);
                if (once != twice) return new StutterCertificate(access[q]!, a, DfaPaths.Separating(minimal, once, twice)!);
                if (access[once] is null)
                {
                    access[once] = access[q]!.Append(a);
                    queue.Enqueue(once);
                }
            }
        }
        return null;
    }

    /// <summary>Null when valid (exactly one of s·a·z, s·a·a·z is in L); otherwise why not.</summary>
    /// <param name="dfa">A DFA for L.</param>
    public string? Check(Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        return dfa.Accepts(Single) != dfa.Accepts(Doubled) ? null : "s·a·z and s·a·a·z are on the same side of L";
    }

    /// <summary>The word of the pair that is in L.</summary>
    /// <param name="dfa">A DFA for L.</param>
    public (Word In, Word Out) Ordered(Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        return dfa.Accepts(Single) ? (Single, Doubled) : (Doubled, Single);
    }
}
