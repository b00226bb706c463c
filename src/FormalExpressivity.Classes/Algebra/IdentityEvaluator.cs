using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;

namespace FormalExpressivity.Classes.Algebra;

/// <summary>
/// Evaluates both sides of a semigroup identity (syntax of <see cref="Identities"/>: single-letter
/// variables, juxtaposition or <c>·</c> for products, parentheses, postfix <c>^ω</c>) as transformations
/// of a DFA's states, with every variable replaced by the transformation of a non-empty word. It shares
/// no code with the enumeration in <see cref="TransitionSemigroup"/>: words are simply run through the DFA.
/// </summary>
public static class IdentityEvaluator
{
    /// <summary>Both sides of <paramref name="identity"/> under <paramref name="assignment"/>, as transformations (result[q] = q·side).</summary>
    /// <param name="identity">An identity <c>lhs = rhs</c>.</param>
    /// <param name="assignment">Variable → non-empty word.</param>
    /// <param name="dfa">The DFA whose transformations are meant.</param>
    /// <exception cref="FormatException">The identity does not parse.</exception>
    /// <exception cref="ArgumentException">A variable is unassigned or assigned the empty word.</exception>
    public static (int[] Left, int[] Right) Evaluate(string identity, IReadOnlyDictionary<string, Word> assignment, Dfa dfa)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(dfa);
        var sides = identity.Split('=');
        if (sides.Length != 2) throw new FormatException($"an identity has exactly one '=': {identity}");
        return (new Parser(sides[0], assignment, dfa).ParseAll(), new Parser(sides[1], assignment, dfa).ParseAll());
    }

    /// <summary>True when the two sides differ, i.e. the assignment violates the identity in the DFA's transition semigroup.</summary>
    /// <param name="identity">An identity.</param>
    /// <param name="assignment">Variable → non-empty word.</param>
    /// <param name="dfa">The DFA.</param>
    public static bool IsViolated(string identity, IReadOnlyDictionary<string, Word> assignment, Dfa dfa)
    {
        var (l, r) = Evaluate(identity, assignment, dfa);
        return !l.AsSpan().SequenceEqual(r);
    }

    /// <summary>The idempotent power t^ω of a transformation.</summary>
    /// <param name="t">A transformation of {0, …, n−1}.</param>
    public static int[] Omega(int[] t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var power = (int[])t.Clone();
        while (true)
        {
            bool idempotent = true;
            for (int q = 0; q < power.Length && idempotent; q++) idempotent = power[power[q]] == power[q];
            if (idempotent) return power;
            var next = new int[power.Length];
            for (int q = 0; q < power.Length; q++) next[q] = t[power[q]];
            power = next;
        }
    }

    /// <summary>The product x·y: first x, then y.</summary>
    /// <param name="x">A transformation.</param>
    /// <param name="y">A transformation.</param>
    public static int[] Compose(int[] x, int[] y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var r = new int[x.Length];
        for (int q = 0; q < x.Length; q++) r[q] = y[x[q]];
        return r;
    }

    private sealed class Parser(string text, IReadOnlyDictionary<string, Word> assignment, Dfa dfa)
    {
        private int _pos;

        public int[] ParseAll()
        {
            var t = ParseProduct();
            Skip();
            if (_pos != text.Length) throw new FormatException($"unexpected '{text[_pos]}' at {_pos} in '{text}'");
            return t;
        }

        private void Skip()
        {
            while (_pos < text.Length && (char.IsWhiteSpace(text[_pos]) || text[_pos] == '·')) _pos++;
        }

        private int[] ParseProduct()
        {
            int[]? acc = null;
            while (true)
            {
                Skip();
                if (_pos >= text.Length || text[_pos] == ')') break;
                var f = ParseFactor();
                acc = acc is null ? f : Compose(acc, f);
            }
            return acc ?? throw new FormatException($"empty product at {_pos} in '{text}'");
        }

        private int[] ParseFactor()
        {
            int[] atom;
            char c = text[_pos];
            if (c == '(')
            {
                _pos++;
                atom = ParseProduct();
                Skip();
                if (_pos >= text.Length || text[_pos] != ')') throw new FormatException($"missing ')' in '{text}'");
                _pos++;
            }
            else if (char.IsLetter(c))
            {
                var name = c.ToString();
                _pos++;
                if (!assignment.TryGetValue(name, out var w)) throw new ArgumentException($"variable {name} has no value");
                if (w.Length == 0) throw new ArgumentException($"variable {name} is the empty word, which is not in the semigroup S");
                foreach (var a in w.Symbols)
                    if ((uint)a >= (uint)dfa.SymbolCount) throw new ArgumentException($"variable {name} uses symbol index {a} outside the alphabet");
                atom = new int[dfa.StateCount];
                for (int q = 0; q < atom.Length; q++) atom[q] = dfa.Run(q, w.Symbols);
            }
            else throw new FormatException($"unexpected '{c}' at {_pos} in '{text}'");
            if (_pos + 1 < text.Length && text[_pos] == '^' && text[_pos + 1] == 'ω')
            {
                _pos += 2;
                atom = Omega(atom);
            }
            return atom;
        }
    }
}
