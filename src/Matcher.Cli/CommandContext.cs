using Matcher.Cli.Display;
using Spectre.Console;

namespace Matcher.Cli;

/// <summary>Where a command writes, and whether a person is watching that output on a terminal.</summary>
internal sealed record CommandContext(TextWriter Output, TextWriter Error, bool OutputIsTerminal)
{
    /// <summary>
    /// A progress bar only for a person at a terminal: redirected output and --json stay exactly the answer, so that
    /// scripts and files never see progress characters.
    /// </summary>
    public IProgressDisplay Progress(bool json) =>
        OutputIsTerminal && !json
            ? new SpectreProgressDisplay(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Output) }))
            : SilentProgressDisplay.Instance;
}
