using System.CommandLine;
using Matcher.Cli.CommandLine;

namespace Matcher.Cli.Commands.Faces;

/// <summary>Options shared by the face commands that extract many images.</summary>
internal static class FaceOptions
{
    public static Option<int?> Threads() =>
        CliValues.WholeNumber("--threads", "Images extracted at once (default: one per core).", minimum: 1);
}
