using System.CommandLine;
using System.Globalization;
using Matcher.Cli.CommandLine;

namespace Matcher.Cli.Commands.Population;

/// <summary>Options the population commands share.</summary>
internal static class PopulationOptions
{
    public static Option<ulong?> Seed(bool required) =>
        new Option<ulong?>("--seed")
        {
            Description = "The population's seed (0 to 18446744073709551615): the same seed makes the same subjects.",
            HelpName = "S",
            Required = required,
            CustomParser = result => ulong.TryParse(result.Tokens[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
                ? seed
                : Refuse(result, $"--seed must be a whole number from 0 to {ulong.MaxValue}, not '{result.Tokens[0].Value}'."),
        };

    public static Option<int?> Threads() =>
        CliValues.WholeNumber("--threads", "Threads that generate and compare (default: one per core).", minimum: 1);

    private static ulong? Refuse(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return null;
    }
}
