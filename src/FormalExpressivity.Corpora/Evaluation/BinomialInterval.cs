namespace FormalExpressivity.Corpora.Evaluation;

/// <summary>
/// The Wilson score interval for a binomial proportion (Wilson 1927): for k successes in n trials
/// and z the normal quantile (1.959964 for 95 %), with p̂ = k/n,
/// <code>
/// centre = (p̂ + z²/2n) / (1 + z²/n),  half = z·√(p̂(1−p̂)/n + z²/4n²) / (1 + z²/n)
/// </code>
/// It stays inside [0, 1] and is sensible at p̂ = 0 and p̂ = 1, where the normal (Wald) interval
/// collapses to a point. Example: 0 failures in 512 strings gives accuracy ∈ [0.9926, 1].
/// </summary>
/// <param name="Lower">Lower bound in [0, 1].</param>
/// <param name="Upper">Upper bound in [0, 1].</param>
public readonly record struct BinomialInterval(double Lower, double Upper)
{
    /// <summary>z for a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The 95 % Wilson interval of <paramref name="successes"/> out of <paramref name="trials"/> ([0, 1] when there are no trials).</summary>
    /// <param name="successes">k, 0 ≤ k ≤ n.</param>
    /// <param name="trials">n ≥ 0.</param>
    /// <param name="z">The normal quantile.</param>
    public static BinomialInterval Wilson(long successes, long trials, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (trials == 0) return new BinomialInterval(0, 1);
        double n = trials, p = successes / n, z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new BinomialInterval(successes == 0 ? 0 : Math.Max(0, centre - half), successes == trials ? 1 : Math.Min(1, centre + half));
    }
}
