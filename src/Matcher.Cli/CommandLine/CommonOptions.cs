using System.CommandLine;

namespace Matcher.Cli.CommandLine;

/// <summary>Options that several commands share, created afresh for each command that declares them.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print the answer as one JSON object instead of lines of text." };

    /// <summary>A file the command reads: the parser refuses a path that does not exist, naming it.</summary>
    public static Argument<string> ExistingFile(string name, string description)
    {
        var argument = new Argument<string>(name) { Description = description };
        argument.Validators.Add(result =>
        {
            var path = result.GetValueOrDefault<string>();
            if (!File.Exists(path))
            {
                result.AddError($"File '{path}' does not exist.");
            }
        });
        return argument;
    }

    public static Option<string> OutputFile(string description) =>
        new("--output", "-o") { Description = description, HelpName = "FILE", Required = true };
}
