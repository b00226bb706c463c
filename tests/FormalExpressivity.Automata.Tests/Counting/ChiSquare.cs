namespace FormalExpressivity.Automata.Tests.Counting;

/// <summary>Pearson's chi-square statistic and a conservative critical value.</summary>
internal static class ChiSquare
{
    public static double Statistic(IReadOnlyList<long> observed, IReadOnlyList<double> expected)
    {
        double chi = 0;
        for (int i = 0; i < observed.Count; i++)
        {
            var d = observed[i] - expected[i];
            chi += d * d / expected[i];
        }
        return chi;
    }

    /// <summary>
    /// The upper 0.1 % point of chi-square with <paramref name="df"/> degrees of freedom
    /// (Wilson–Hilferty approximation, z = 3.09). A correct sampler fails one seeded run in a thousand.
    /// </summary>
    public static double Critical(int df)
    {
        const double z = 3.0902;
        double t = 2.0 / (9.0 * df);
        return df * Math.Pow(1 - t + z * Math.Sqrt(t), 3);
    }
}
