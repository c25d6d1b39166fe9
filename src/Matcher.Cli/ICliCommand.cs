using System.CommandLine;

namespace Matcher.Cli;

/// <summary>
/// One `matcher` sub-command. Commands are discovered by reflection, so a feature adds its command by adding a class
/// in its own folder under Commands/ without touching a shared registry. A command declares its arguments and
/// options; the parser refuses anything else, and every malformed value, before <see cref="Run"/> is called.
/// </summary>
internal interface ICliCommand
{
    /// <summary>The words that select the command, for example "extract" or "eval fingerprints".</summary>
    string Name { get; }

    /// <summary>What the command does, for the generated help.</summary>
    string Description { get; }

    IReadOnlyList<Argument> Arguments { get; }

    IReadOnlyList<Option> Options { get; }

    /// <summary>Runs the command on a command line the parser accepted; returns the process exit code.</summary>
    int Run(ParseResult parsed, CommandContext context);
}
