using Xunit;

namespace Matcher.Cli.Tests;

public sealed class CliArgumentsTests
{
    private static readonly HashSet<string> Flags = ["json"];

    [Fact]
    public void SeparatesPositionalArgumentsOptionsAndFlags()
    {
        var arguments = new CliArguments(["a.tif", "--dpi", "569", "--json", "-o", "out.bin", "b.tif"], Flags);

        Assert.Equal(["a.tif", "b.tif"], arguments.Positional);
        Assert.Equal(569, arguments.IntOption("dpi"));
        Assert.True(arguments.HasFlag("json"));
        Assert.Equal("out.bin", arguments.Option("o"));
    }

    [Fact]
    public void NegativeNumbersArePositionalValues()
    {
        var arguments = new CliArguments(["--threshold", "-3.5", "-7"], Flags);

        Assert.Equal(-3.5, arguments.DoubleOption("threshold"));
        Assert.Equal(["-7"], arguments.Positional);
    }

    [Fact]
    public void OptionWithoutValueIsAUsageError() =>
        Assert.Throws<CliUsageException>(() => new CliArguments(["--dpi"], Flags));

    [Fact]
    public void MalformedNumberIsAUsageError() =>
        Assert.Throws<CliUsageException>(() => new CliArguments(["--dpi", "five"], Flags).IntOption("dpi"));

    [Fact]
    public void RepeatedOptionKeepsEveryValueInOrder()
    {
        var arguments = new CliArguments(["--finger", "1=a.tif", "--json", "--finger", "2=b.tif"], Flags);

        Assert.Equal(["1=a.tif", "2=b.tif"], arguments.Options("finger"));
        Assert.Equal("2=b.tif", arguments.Option("finger"));
        Assert.Empty(arguments.Options("face"));
    }

    [Fact]
    public void OptionsNeverAskedForAreReported()
    {
        var arguments = new CliArguments(["--dpi", "500", "--dip", "500"], Flags);
        arguments.IntOption("dpi");

        Assert.Equal(["dip"], arguments.UnreadOptions);
    }
}
