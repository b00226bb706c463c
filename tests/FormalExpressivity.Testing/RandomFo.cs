using FormalExpressivity.Syntax.Logic;

namespace FormalExpressivity.Testing;

/// <summary>Seeded random FO[&lt;] sentences for property tests.</summary>
public static class RandomFo
{
    /// <summary>
    /// A random sentence: a random formula of about <paramref name="size"/> nodes over variables
    /// drawn from <paramref name="variables"/>, with every free variable closed by a random quantifier.
    /// </summary>
    public static FoFormula Sentence(Random random, int size, IReadOnlyList<string> labels, IReadOnlyList<string> variables)
    {
        var f = Formula(random, size, labels, variables);
        foreach (var x in f.FreeVariables.Reverse())
            f = random.Next(2) == 0 ? Fo.Exists(x, f) : Fo.Forall(x, f);
        return f;
    }

    /// <summary>A random formula (free variables allowed) of about <paramref name="size"/> nodes.</summary>
    public static FoFormula Formula(Random random, int size, IReadOnlyList<string> labels, IReadOnlyList<string> variables)
    {
        string V() => variables[random.Next(variables.Count)];
        if (size <= 1 || random.Next(5) == 0)
        {
            return random.Next(9) switch
            {
                0 or 1 or 2 => Fo.Label(labels[random.Next(labels.Count)], V()),
                3 => Fo.Less(V(), V()),
                4 => Fo.Equal(V(), V()),
                5 => Fo.Successor(V(), V()),
                6 => Fo.First(V()),
                7 => Fo.Last(V()),
                _ => random.Next(2) == 0 ? Fo.True : Fo.False,
            };
        }
        int half = (size - 1) / 2;
        FoFormula Sub(int s) => Formula(random, s, labels, variables);
        return random.Next(8) switch
        {
            0 => Fo.Not(Sub(size - 1)),
            1 => Fo.And(Sub(half), Sub(size - 1 - half)),
            2 => Fo.Or(Sub(half), Sub(size - 1 - half)),
            3 => Fo.Implies(Sub(half), Sub(size - 1 - half)),
            4 => Fo.Iff(Sub(half), Sub(size - 1 - half)),
            5 or 6 => Fo.Exists(V(), Sub(size - 1)),
            _ => Fo.Forall(V(), Sub(size - 1)),
        };
    }
}
