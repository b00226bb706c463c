using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace FormalExpressivity.Cli.Infrastructure;

/// <summary>
/// Plain-word parse errors for numeric options: instead of System.CommandLine's "Cannot parse argument 'x' for
/// option '--max-formula-work' as expected type 'System.Int64'", a value that is not a number of the option's
/// kind (or does not fit its type) is the usage error (exit 2) <c>--max-formula-work: 'x' is not a whole number
/// from 1 to 9223372036854775807</c>, naming the flag and the range the command accepts. Values are read
/// with the invariant culture. The range check itself stays where it was (budgets: <see cref="BudgetOptions.Bind"/>;
/// others: their command), with the same bounds.
/// </summary>
public static class NumberOption
{
    /// <summary>Gives <paramref name="option"/> the invariant-culture parser and its plain-word error for values outside [<paramref name="min"/>, <paramref name="max"/>]'s type.</summary>
    /// <typeparam name="T">The option's number type.</typeparam>
    /// <param name="option">The option.</param>
    /// <param name="min">The least value the command accepts.</param>
    /// <param name="max">The largest value the command accepts.</param>
    /// <returns>The option.</returns>
    public static Option<T> Accepting<T>(this Option<T> option, T min, T max) where T : struct, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(option);
        string name = option.Name;
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
        option.CustomParser = result => TryRead(result, name, min, max, out T value) ? value : null;
        return option;
    }

    /// <summary>The plain-word description of the accepted values: "a whole number from 1 to 6" or "a number from 0 to 1".</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="min">The least value.</param>
    /// <param name="max">The largest value.</param>
    public static string Expected<T>(T min, T max) where T : struct, INumber<T> =>
        string.Create(CultureInfo.InvariantCulture, $"{(IsInteger<T>() ? "a whole number" : "a number")} from {min} to {max}");

    // 1/2 is 0 in an integer type and one half in a floating-point one.
    private static bool IsInteger<T>() where T : struct, INumber<T> => T.IsInteger(T.One / (T.One + T.One));

    private static bool TryRead<T>(ArgumentResult result, string name, T min, T max, out T value) where T : struct, INumber<T>
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        var style = IsInteger<T>() ? NumberStyles.AllowLeadingSign : NumberStyles.Float;
        if (T.TryParse(text, style, CultureInfo.InvariantCulture, out value) && (IsInteger<T>() || T.IsFinite(value))) return true;
        string shown = text.Length > 40 ? text[..40] + "…" : text;
        result.AddError($"{name}: '{shown}' is not {Expected(min, max)}");
        return false;
    }
}
