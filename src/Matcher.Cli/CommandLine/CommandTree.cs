using System.CommandLine;
using System.CommandLine.Help;

namespace Matcher.Cli.CommandLine;

/// <summary>
/// The System.CommandLine tree of every <see cref="ICliCommand"/>: "eval fingerprints" becomes the sub-command
/// "fingerprints" of a group command "eval", whose description names its commands so that the root's help lists
/// every command. Built for each run, so each run's commands and options are its own.
/// </summary>
internal static class CommandTree
{
    public const string RootName = "matcher";

    /// <summary>What the commands of a group have in common; a group missing here is listed without a description.</summary>
    private static readonly Dictionary<string, string> GroupDescriptions = new(StringComparer.Ordinal)
    {
        ["audit"] = "Read and verify the tamper-evident audit log of a running service (auditor role), or a copy of it.",
        ["cache"] = "Compare or rebuild the Redis warm cache of a running service.",
        ["dedup"] = "Run batch dedup jobs on the service: every subject of a gallery searched against the gallery, for adjudication.",
        ["calibrate"] = "Fit the score calibration of an engine from every impostor pair of a dataset.",
        ["eval"] = "Measure an engine's verification accuracy on a labelled dataset.",
        ["keys"] = "Make and rotate the master key of encryption at rest (offline, on a stopped node's data directory).",
        ["population"] = "Make and check synthetic populations for scale tests, and load population files into a running service.",
    };

    /// <summary>The root is named "matcher" whatever runs it (`dotnet run`, the test host), so that help and usage say so.</summary>
    public static Command Build(IEnumerable<ICliCommand> commands, CommandContext context, int helpWidth)
    {
        var root = new Command(RootName, "Biometric enrollment, search, extraction, comparison and evaluation.")
        {
            new HelpOption { Action = new MatcherHelpAction(helpWidth), Recursive = true },
        };
        foreach (var command in commands.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var words = command.Name.Split(' ');
            var parent = words[..^1].Aggregate((Command)root, Group);
            parent.Add(Leaf(command, words[^1], context));
        }
        foreach (var group in root.Subcommands.Where(c => c.Subcommands.Count > 0))
        {
            group.Description = $"{group.Description} Commands: {string.Join(", ", group.Subcommands.Select(c => $"{group.Name} {c.Name}"))}.".TrimStart();
        }
        return root;
    }

    private static Command Leaf(ICliCommand command, string word, CommandContext context)
    {
        var leaf = new Command(word, command.Description);
        foreach (var argument in command.Arguments)
        {
            leaf.Add(argument);
        }
        foreach (var option in command.Options)
        {
            leaf.Add(option);
        }
        leaf.SetAction(parsed => command.Run(parsed, context));
        return leaf;
    }

    private static Command Group(Command parent, string word)
    {
        var group = parent.Subcommands.FirstOrDefault(c => c.Name == word);
        if (group is null)
        {
            group = new Command(word, GroupDescriptions.GetValueOrDefault(word));
            parent.Add(group);
        }
        return group;
    }
}
