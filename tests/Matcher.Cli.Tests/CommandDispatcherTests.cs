using System.Text.RegularExpressions;
using Xunit;
using Station = Matcher.Cli.Tests.Service.Cli;

namespace Matcher.Cli.Tests;

/// <summary>The generated help: every command, and each command's every option with its description.</summary>
public sealed partial class CommandDispatcherTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    [InlineData("-h")]
    public void HelpListsEveryCommand(string help)
    {
        var result = Station.Run(help);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        var text = Flattened(result.Output);
        foreach (var command in CommandDispatcher.CreateCommands())
        {
            Assert.Contains(command.Name, text);
            if (!command.Name.Contains(' ', StringComparison.Ordinal))
            {
                Assert.Contains(Flattened(command.Description), text);
            }
        }
        Assert.Contains("2 a command-line mistake", text);
    }

    [Theory]
    [InlineData("cache")]
    [InlineData("calibrate")]
    [InlineData("eval")]
    public void GroupHelpDescribesEachOfItsCommands(string group)
    {
        var result = Station.Run(group, "--help");

        Assert.Equal(0, result.ExitCode);
        var members = CommandDispatcher.CreateCommands().Where(c => c.Name.StartsWith(group + " ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(members);
        foreach (var command in members)
        {
            Assert.Contains(Flattened(command.Description), Flattened(result.Output));
        }
    }

    [Fact]
    public void EachCommandsHelpListsItsArgumentsAndOptionsWithTheirDescriptions()
    {
        foreach (var command in CommandDispatcher.CreateCommands())
        {
            var result = Station.Run([.. command.Name.Split(' '), "--help"]);

            Assert.True(result.ExitCode == 0, $"{command.Name}: {result.Error}");
            var text = Flattened(result.Output);
            Assert.Contains($"matcher {command.Name}", text);
            foreach (var option in command.Options)
            {
                Assert.Contains(option.Name, text);
                Assert.Contains(Flattened(option.Description!), text);
            }
            foreach (var argument in command.Arguments)
            {
                Assert.Contains($"<{argument.Name}>", text);
            }
        }
    }

    [Fact]
    public void HelpCommandExplainsOneCommand()
    {
        var result = Station.Run("help", "eval", "fingerprints");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Station.Run("eval", "fingerprints", "--help").Output, result.Output);
        Assert.Contains("--dpi-override", result.Output);
    }

    [Fact]
    public void HelpIsShownEvenBesideAMistake()
    {
        var result = Station.Run("extract", "--dpi", "abc", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--format", result.Output);
    }

    [Fact]
    public void CommandNamesAreUnique()
    {
        var commands = CommandDispatcher.CreateCommands();

        Assert.Equal(commands.Count, commands.Select(c => c.Name).Distinct().Count());
    }

    /// <summary>Help wraps long descriptions onto indented lines; compared with runs of white space as one space.</summary>
    private static string Flattened(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
