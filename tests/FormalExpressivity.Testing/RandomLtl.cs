using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Testing;

/// <summary>Seeded random temporal formulas for property tests.</summary>
public static class RandomLtl
{
    /// <summary>
    /// A random formula of at most <paramref name="size"/> internal nodes over <paramref name="atoms"/>, using
    /// only the temporal operators in <paramref name="allowed"/> (window sizes 2…<paramref name="maxWindow"/>).
    /// </summary>
    public static LtlFormula Create(Random random, int size, IReadOnlyList<string> atoms, TemporalOperators allowed, int maxWindow = 4)
    {
        if (size <= 0 || random.Next(4) == 0)
        {
            int r = random.Next(atoms.Count + 2);
            return r < atoms.Count ? Ltl.Atom(atoms[r]) : r == atoms.Count ? Ltl.True : Ltl.Atom(atoms[random.Next(atoms.Count)]);
        }
        var ops = new List<Func<LtlFormula>>();
        LtlFormula Sub(int s) => Create(random, s, atoms, allowed, maxWindow);
        int half = (size - 1) / 2;
        ops.Add(() => Ltl.Not(Sub(size - 1)));
        ops.Add(() => Ltl.And(Sub(half), Sub(size - 1 - half)));
        ops.Add(() => Ltl.Or(Sub(half), Sub(size - 1 - half)));
        if (allowed.HasFlag(TemporalOperators.Yesterday)) ops.Add(() => Ltl.Yesterday(Sub(size - 1)));
        if (allowed.HasFlag(TemporalOperators.WindowYesterday)) ops.Add(() => Ltl.WindowYesterday(2 + random.Next(Math.Max(1, maxWindow - 1)), Sub(size - 1)));
        if (allowed.HasFlag(TemporalOperators.WindowCount))
            ops.Add(() => { int k = 2 + random.Next(Math.Max(1, maxWindow - 1)); return Ltl.WindowCount(k, 1 + random.Next(k), Sub(size - 1)); });
        if (allowed.HasFlag(TemporalOperators.Past)) ops.Add(() => Ltl.Past(Sub(size - 1)));
        if (allowed.HasFlag(TemporalOperators.Historically)) ops.Add(() => Ltl.Historically(Sub(size - 1)));
        if (allowed.HasFlag(TemporalOperators.Since)) ops.Add(() => Ltl.Since(Sub(half), Sub(size - 1 - half)));
        if (allowed.HasFlag(TemporalOperators.Next)) ops.Add(() => Ltl.Next(Sub(size - 1)));
        if (allowed.HasFlag(TemporalOperators.Future)) ops.Add(() => Ltl.Future(Sub(size - 1)));
        if (allowed.HasFlag(TemporalOperators.Globally)) ops.Add(() => Ltl.Globally(Sub(size - 1)));
        if (allowed.HasFlag(TemporalOperators.Until)) ops.Add(() => Ltl.Until(Sub(half), Sub(size - 1 - half)));
        return ops[random.Next(ops.Count)]();
    }
}
