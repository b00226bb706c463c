using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;
using FormalExpressivity.Core.Text;

namespace FormalExpressivity.Cli.Infrastructure;

/// <summary>
/// The one place a numeric option's range is declared and checked: instead of System.CommandLine's "Cannot parse
/// argument 'x' for option '--max-formula-work' as expected type 'System.Int64'", a value that is not a number of
/// the option's kind, does not fit its type or lies outside the declared range is the usage error (exit 2)
/// <c>fex: --max-formula-work: 'x' is not a whole number from 1 to 9223372036854775807</c> — one wording for every
/// numeric option (budgets from <see cref="FormalExpressivity.Core.Limits.Budgets.All"/>, and every command's own
/// numbers), naming the flag and the range. Values are read with the invariant culture; commands use the parsed
/// value without checking it again.
/// </summary>
public static class NumberOption
{
    /// <summary>Gives <paramref name="option"/> the invariant-culture parser that accepts exactly the numbers of [<paramref name="min"/>, <paramref name="max"/>], with the plain-word error for any other value.</summary>
    /// <typeparam name="T">The option's number type.</typeparam>
    /// <param name="option">The option.</param>
    /// <param name="min">The least value the command accepts.</param>
    /// <param name="max">The largest value the command accepts.</param>
    /// <returns>The option.</returns>
    public static Option<T> Accepting<T>(this Option<T> option, T min, T max) where T : struct, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(option);
        string name = option.Name;
        option.Description = WithRange(option.Description, min, max);
        option.CustomParser = result => TryRead(result, name, min, max, out T value) ? value : default;
        return option;
    }

    /// <summary>As <see cref="Accepting{T}(Option{T}, T, T)"/> for an optional number (no value when the option is absent).</summary>
    /// <typeparam name="T">The option's number type.</typeparam>
    /// <param name="option">The option.</param>
    /// <param name="min">The least value the command accepts.</param>
    /// <param name="max">The largest value the command accepts.</param>
    /// <returns>The option.</returns>
    public static Option<T?> Accepting<T>(this Option<T?> option, T min, T max) where T : struct, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(option);
        string name = option.Name;
        option.Description = WithRange(option.Description, min, max);
        option.CustomParser = result => TryRead(result, name, min, max, out T value) ? value : null;
        return option;
    }

    /// <summary>The plain-word description of the accepted values: "a whole number from 1 to 6" or "a number from 0 to 1".</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="min">The least value.</param>
    /// <param name="max">The largest value.</param>
    public static string Expected<T>(T min, T max) where T : struct, INumber<T> =>
        NumberRange.Expected(IsInteger<T>(), Invariant(min), Invariant(max));

    private static string Invariant<T>(T value) where T : struct, INumber<T> => value.ToString(null, CultureInfo.InvariantCulture);

    /// <summary>
    /// The description as <c>--help</c> shows it: followed by the accepted range, <c>(from 1 to 6)</c>, or <c>(at least 1)</c> when
    /// the largest value is the type's own (a 19-digit bound says nothing to a reader).
    /// </summary>
    private static string WithRange<T>(string? description, T min, T max) where T : struct, INumber<T>
    {
        bool unbounded = IsInteger<T>() && ulong.TryParse(max.ToString(null, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out ulong m)
            && m >= int.MaxValue;
        string range = unbounded ? string.Create(CultureInfo.InvariantCulture, $"(at least {min})") : string.Create(CultureInfo.InvariantCulture, $"(from {min} to {max})");
        return string.IsNullOrEmpty(description) ? range : description.TrimEnd('.') + " " + range + ".";
    }

    // 1/2 is 0 in an integer type and one half in a floating-point one.
    private static bool IsInteger<T>() where T : struct, INumber<T> => T.IsInteger(T.One / (T.One + T.One));

    private static bool TryRead<T>(ArgumentResult result, string name, T min, T max, out T value) where T : struct, INumber<T>
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        var style = IsInteger<T>() ? NumberStyles.AllowLeadingSign : NumberStyles.Float;
        if (T.TryParse(text, style, CultureInfo.InvariantCulture, out value) && (IsInteger<T>() || T.IsFinite(value)) && value >= min && value <= max) return true;
        result.AddError(NumberRange.Problem(name, text, IsInteger<T>(), Invariant(min), Invariant(max)));
        return false;
    }
}
