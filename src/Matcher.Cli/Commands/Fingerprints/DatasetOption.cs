using System.CommandLine;

namespace Matcher.Cli.Commands.Fingerprints;

/// <summary>--dataset of `matcher eval fingerprints` and `matcher calibrate fingerprints`.</summary>
internal static class DatasetOption
{
    public static Option<string> Create() => new("--dataset")
    {
        Description = "A folder of files named like 101_1.tif or 101_1.iso (finger 101, impression 1), or a folder of such folders (one database each).",
        HelpName = "DIR",
        Required = true,
    };
}
