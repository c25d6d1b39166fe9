using Xunit;

namespace Matcher.Cli.Tests;

public sealed class CommandDispatcherTests
{
    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = CommandDispatcher.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public void HelpListsEveryCommand()
    {
        var (exitCode, output, _) = Run("help");

        Assert.Equal(0, exitCode);
        foreach (var command in CommandDispatcher.Commands)
        {
            Assert.Contains(command.Usage, output);
        }
    }

    [Fact]
    public void NoArgumentsPrintsHelpAndFails() => Assert.Equal(2, Run().ExitCode);

    [Fact]
    public void UnknownCommandIsNamedInTheError()
    {
        var (exitCode, _, error) = Run("frobnicate");

        Assert.Equal(2, exitCode);
        Assert.Contains("frobnicate", error);
    }

    [Fact]
    public void CommandNamesAreUnique() =>
        Assert.Equal(CommandDispatcher.Commands.Count, CommandDispatcher.Commands.Select(c => c.Name).Distinct().Count());
}
