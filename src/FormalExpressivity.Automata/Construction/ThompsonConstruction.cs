using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Core.Text;
using FormalExpressivity.Syntax.Regex;

namespace FormalExpressivity.Automata.Construction;

/// <summary>
/// Thompson's construction (Thompson 1968): an ε-NFA with one start and one final state per
/// subexpression, glued by ε-moves — concatenation links final to start, union and star add a
/// fresh start and final, <c>r{m,n}</c> is m copies of r followed by n−m optional copies (or by r*).
/// Intersection and complement have no Thompson fragment: their operands are compiled to minimal
/// DFAs by this same pipeline, combined with <see cref="Products"/> (Σ* ∖ L by flipping acceptance
/// of the complete DFA), and the resulting DFA is embedded as a fragment. This is the independent
/// twin of <see cref="BrzozowskiDerivatives"/>: it shares no code with it beyond the AST.
/// </summary>
public static class ThompsonConstruction
{
    /// <summary>The ε-NFA of <paramref name="node"/> (one start state, one accepting state).</summary>
    /// <param name="node">The expression.</param>
    /// <param name="maxStates">Budget <c>max-states</c> for the NFA and for every DFA built for <c>&amp;</c> and <c>~</c>.</param>
    /// <exception cref="BudgetExceededException">An automaton would exceed <paramref name="maxStates"/> states.</exception>
    public static Nfa ToNfa(RegexNode node, int maxStates = RegexCompilerOptions.DefaultMaxStates)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxStates, 1);
        var b = new AutomatonBuilder(node.Alphabet);
        var (start, final) = new Fragments(b, maxStates).Build(node);
        b.AddStart(start);
        b.SetAccepting(final);
        return b.BuildNfa();
    }

    /// <summary>The canonical minimal DFA of <paramref name="node"/>: Thompson NFA, subset construction, Hopcroft.</summary>
    /// <param name="node">The expression.</param>
    /// <param name="maxStates">Budget <c>max-states</c>.</param>
    /// <exception cref="BudgetExceededException">An automaton would exceed <paramref name="maxStates"/> states.</exception>
    public static Dfa ToDfa(RegexNode node, int maxStates = RegexCompilerOptions.DefaultMaxStates) =>
        ToNfa(node, maxStates).Determinize(maxStates).Minimize();

    private sealed class Fragments(AutomatonBuilder b, int maxStates)
    {
        private int NewState()
        {
            if (b.StateCount >= maxStates) throw new BudgetExceededException("max-states", maxStates, "the Thompson construction");
            return b.AddState();
        }

        public (int Start, int Final) Build(RegexNode n)
        {
            switch (n.Kind)
            {
                case RegexKind.Empty:
                    return (NewState(), NewState());
                case RegexKind.Epsilon:
                {
                    int s = NewState(), f = NewState();
                    b.AddEpsilon(s, f);
                    return (s, f);
                }
                case RegexKind.Symbols:
                {
                    int s = NewState(), f = NewState();
                    foreach (int a in n.Symbols.Members()) b.AddTransition(s, a, f);
                    return (s, f);
                }
                case RegexKind.Concat:
                {
                    var (start, final) = Build(n.Left);
                    for (var rest = n.Right; ; rest = rest.Right)
                    {
                        var item = rest.Kind == RegexKind.Concat ? rest.Left : rest;
                        var (s, f) = Build(item);
                        b.AddEpsilon(final, s);
                        final = f;
                        if (rest.Kind != RegexKind.Concat) break;
                    }
                    return (start, final);
                }
                case RegexKind.Union:
                {
                    int s = NewState(), f = NewState();
                    foreach (var c in n.Children)
                    {
                        var (cs, cf) = Build(c);
                        b.AddEpsilon(s, cs);
                        b.AddEpsilon(cf, f);
                    }
                    return (s, f);
                }
                case RegexKind.Star:
                    return Star(n.Left);
                case RegexKind.Repeat:
                {
                    int s = NewState(), final = s;
                    for (int i = 0; i < n.Min; i++)
                    {
                        var (cs, cf) = Build(n.Left);
                        b.AddEpsilon(final, cs);
                        final = cf;
                    }
                    if (n.Max == RegexNode.Unbounded)
                    {
                        var (cs, cf) = Star(n.Left);
                        b.AddEpsilon(final, cs);
                        final = cf;
                    }
                    else
                    {
                        for (int i = n.Min; i < n.Max; i++)
                        {
                            var (cs, cf) = Build(n.Left);
                            int f = NewState();
                            b.AddEpsilon(final, cs);
                            b.AddEpsilon(final, f); // skip this optional copy
                            b.AddEpsilon(cf, f);
                            final = f;
                        }
                    }
                    return (s, final);
                }
                case RegexKind.Intersection:
                {
                    var dfa = ToDfa(n.Children[0], maxStates);
                    for (int i = 1; i < n.Children.Count; i++)
                        dfa = Checked(Products.Product(dfa, ToDfa(n.Children[i], maxStates), BooleanOperation.Intersection)).Minimize();
                    return Embed(dfa);
                }
                case RegexKind.Complement:
                    return Embed(ToDfa(n.Left, maxStates).Complement());
                default:
                    throw new InvalidOperationException($"unknown regex kind {n.Kind}");
            }
        }

        private (int Start, int Final) Star(RegexNode operand)
        {
            int s = NewState(), f = NewState();
            var (cs, cf) = Build(operand);
            b.AddEpsilon(s, cs);
            b.AddEpsilon(s, f);
            b.AddEpsilon(cf, cs);
            b.AddEpsilon(cf, f);
            return (s, f);
        }

        private Dfa Checked(Dfa dfa) =>
            dfa.StateCount > maxStates ? throw new BudgetExceededException("max-states", maxStates, "the product construction") : dfa;

        // Copies a DFA into the NFA: a fresh start state enters its start, accepting states exit by ε.
        private (int Start, int Final) Embed(Dfa dfa)
        {
            int s = NewState();
            int offset = b.StateCount;
            for (int q = 0; q < dfa.StateCount; q++) NewState();
            int f = NewState();
            b.AddEpsilon(s, offset + dfa.Start);
            for (int q = 0; q < dfa.StateCount; q++)
            {
                for (int a = 0; a < dfa.SymbolCount; a++) b.AddTransition(offset + q, a, offset + dfa.Next(q, a));
                if (dfa.IsAccepting(q)) b.AddEpsilon(offset + q, f);
            }
            return (s, f);
        }
    }
}
