using System.Globalization;

namespace FormalExpressivity.Core.Text;

/// <summary>
/// The one wording of a number outside its accepted range, shared by every numeric command-line option
/// (budgets included), the <c>--window-sizes</c> list and the Playground's copies of those options:
/// <c>--max-depth: '13' is not a whole number from 0 to 12</c>.
/// </summary>
public static class NumberRange
{
    /// <summary>The accepted values in words: "a whole number from 1 to 6" or "a number from 0 to 1".</summary>
    /// <param name="whole">Whether only whole numbers are accepted.</param>
    /// <param name="min">The least value, as printed.</param>
    /// <param name="max">The largest value, as printed.</param>
    public static string Expected(bool whole, string min, string max) =>
        $"{(whole ? "a whole number" : "a number")} from {min} to {max}";

    /// <summary>The message for <paramref name="value"/> given to <paramref name="flag"/> when it is not in the range (long values clipped).</summary>
    /// <param name="flag">The option, e.g. <c>--max-depth</c>.</param>
    /// <param name="value">The value as given.</param>
    /// <param name="whole">Whether only whole numbers are accepted.</param>
    /// <param name="min">The least value, as printed.</param>
    /// <param name="max">The largest value, as printed.</param>
    public static string Problem(string flag, string value, bool whole, string min, string max)
    {
        ArgumentNullException.ThrowIfNull(value);
        string shown = value.Length > 40 ? value[..40] + "…" : value;
        return $"{flag}: '{shown}' is not {Expected(whole, min, max)}";
    }

    /// <summary>The message for a whole number outside [<paramref name="min"/>, <paramref name="max"/>], or null when it is inside.</summary>
    /// <param name="flag">The option.</param>
    /// <param name="value">The value.</param>
    /// <param name="min">The least value.</param>
    /// <param name="max">The largest value.</param>
    public static string? Check(string flag, long value, long min, long max) =>
        value >= min && value <= max ? null
            : Problem(flag, value.ToString(CultureInfo.InvariantCulture), true, min.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture));
}
