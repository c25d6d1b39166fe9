using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Matcher.Cli.CommandLine;

/// <summary>
/// Parsers for option values whose mistakes the parser reports before a command runs, each message naming the option.
/// A parse function throws <see cref="CliUsageException"/> with a message for the user; it becomes a parse error.
/// </summary>
internal static class CliValues
{
    /// <summary>An option that takes one value, read by <paramref name="parse"/>.</summary>
    public static Option<T?> Single<T>(string name, string helpName, string description, Func<string, T> parse) =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = result => result.Tokens.Count == 1 ? Parse(result, result.Tokens[0].Value, parse) : default,
        };

    /// <summary>
    /// An option that may be given several times, each value read by <paramref name="parse"/>, in command-line order;
    /// null when not given.
    /// </summary>
    public static Option<IReadOnlyList<T>> Repeated<T>(string name, string helpName, string description, Func<string, T> parse) =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = result => result.Tokens.Select(token => Parse(result, token.Value, parse)!).ToList(),
        };

    public static Option<int?> WholeNumber(string name, string description, int minimum, int maximum = int.MaxValue) =>
        Single<int?>(name, "N", description, text => ParseWholeNumber(name, text, minimum, maximum));

    /// <summary>A rate such as a false-match rate: a fraction strictly between 0 and 1.</summary>
    public static Option<double?> Rate(string name, string description) =>
        Single<double?>(name, "RATE", description, text =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate is > 0 and < 1
                ? rate
                : throw new CliUsageException($"{name} must be a rate between 0 and 1 (such as 0.0001), not '{text}'."));

    public static int ParseWholeNumber(string name, string text, int minimum, int maximum)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new CliUsageException($"{name} must be a whole number, not '{text}'.");
        }
        if (value < minimum || value > maximum)
        {
            throw new CliUsageException(maximum == int.MaxValue
                ? $"{name} must be at least {minimum}, not {value}."
                : $"{name} must be from {minimum} to {maximum}, not {value}.");
        }
        return value;
    }

    private static T? Parse<T>(ArgumentResult result, string text, Func<string, T> parse)
    {
        try
        {
            return parse(text);
        }
        catch (CliUsageException e)
        {
            result.AddError(e.Message);
            return default;
        }
    }
}
