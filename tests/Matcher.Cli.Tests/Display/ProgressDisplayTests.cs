using Matcher.Cli.Display;
using Matcher.Testing;
using Spectre.Console;
using Xunit;
using Station = Matcher.Cli.Tests.Service.Cli;

namespace Matcher.Cli.Tests.Display;

/// <summary>Progress bars for a person at a terminal; never a progress character in redirected output or JSON.</summary>
public sealed class ProgressDisplayTests
{
    /// <summary>What Spectre.Console draws a bar with, and the escape that starts its cursor movements and colours.</summary>
    private static readonly string[] ProgressCharacters = ["\u001b", "━", "╸", "╺", "\r"];

    [Fact]
    public void RedirectedEvalPrintsOnlyTheAnswer()
    {
        var folder = Datasets.Require("fingerprints/iso19794-2/openafis/fvc2002/DB1_B");

        var result = Station.Run("eval", "fingerprints", "--dataset", folder);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Empty(result.Error);
        var lines = result.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("DB1_B: 280 genuine, 2880 impostor pairs", lines[0]);
        Assert.Equal(9, lines.Length);
        Assert.DoesNotContain(ProgressCharacters, c => result.Output.Contains(c, StringComparison.Ordinal));
        Assert.DoesNotContain("comparing pairs", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void OnlyATerminalWithoutJsonGetsBars(bool terminal, bool json)
    {
        var context = new CommandContext(new StringWriter(), new StringWriter(), terminal);

        Assert.IsType<SilentProgressDisplay>(context.Progress(json));
    }

    [Fact]
    public void TerminalWithoutJsonGetsSpectreBars()
    {
        var context = new CommandContext(new StringWriter(), new StringWriter(), OutputIsTerminal: true);

        Assert.IsType<SpectreProgressDisplay>(context.Progress(json: false));
    }

    [Fact]
    public void SpectreDisplayDrawsEachStageAndReturnsTheWorksResult()
    {
        var screen = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(screen),
        });

        var answer = new SpectreProgressDisplay(console).Run(progress =>
        {
            for (var done = 1; done <= 4; done++)
            {
                progress.Report(new ProgressStep("DB1_B: reading files", done, 4));
            }
            progress.Report(new ProgressStep("DB1_B: comparing pairs", 1, 2));
            return 42;
        });

        Assert.Equal(42, answer);
        Assert.Contains("DB1_B: reading files", screen.ToString());
        Assert.Contains("DB1_B: comparing pairs", screen.ToString());
    }
}
