namespace Matcher.Cli;

/// <summary>
/// One `matcher` sub-command. Commands are discovered by reflection, so a feature adds its command by adding a class
/// in its own folder under Commands/ without touching a shared registry.
/// </summary>
internal interface ICliCommand
{
    /// <summary>The words that select the command, for example "extract" or "eval fingerprints".</summary>
    string Name { get; }

    /// <summary>One usage line shown by `matcher help`.</summary>
    string Usage { get; }

    /// <summary>Runs the command; returns the process exit code.</summary>
    int Run(CliArguments arguments, TextWriter output);
}
