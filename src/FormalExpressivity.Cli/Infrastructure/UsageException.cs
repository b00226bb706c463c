namespace FormalExpressivity.Cli.Infrastructure;

/// <summary>
/// A bad option value (out of range, malformed, conflicting options): the command prints
/// <c>fex COMMAND: MESSAGE</c> and exits with <see cref="ExitCodes.Usage"/> (2), like a parse error.
/// </summary>
/// <param name="message">What is wrong, naming the option.</param>
public sealed class UsageException(string message) : Exception(message);
