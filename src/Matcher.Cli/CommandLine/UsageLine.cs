using System.CommandLine;
using System.CommandLine.Help;

namespace Matcher.Cli.CommandLine;

/// <summary>
/// One line that shows how a command is called, printed under a command-line mistake: its words, its arguments, its
/// required options, and "[options]" when it has others besides --help (`matcher extract --help` lists them).
/// </summary>
internal static class UsageLine
{
    public static string Of(Command command)
    {
        var parts = new List<string> { Path(command) };
        if (command.Subcommands.Count > 0)
        {
            parts.Add("<command>");
        }
        parts.AddRange(command.Arguments.Where(a => !a.Hidden).Select(a => $"<{a.Name}>"));
        var options = AllOptions(command).Where(o => o is not HelpOption && !o.Hidden).ToList();
        parts.AddRange(options.Where(o => o.Required).Select(o => $"{o.Name} <{o.HelpName ?? o.Name.TrimStart('-')}>"));
        if (options.Any(o => !o.Required))
        {
            parts.Add("[options]");
        }
        return string.Join(' ', parts);
    }

    /// <summary>"matcher eval fingerprints": the words from the root down to the command.</summary>
    public static string Path(Command command)
    {
        var words = new List<string>();
        for (Command? current = command; current is not null; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            words.Insert(0, current.Name);
        }
        return string.Join(' ', words);
    }

    /// <summary>The command's own options and those its ancestors pass down.</summary>
    private static IEnumerable<Option> AllOptions(Command command)
    {
        var own = command.Options.ToList();
        var inherited = command.Parents.OfType<Command>().SelectMany(AllOptions).Where(o => o.Recursive);
        return own.Concat(inherited.Where(o => !own.Contains(o)));
    }
}
