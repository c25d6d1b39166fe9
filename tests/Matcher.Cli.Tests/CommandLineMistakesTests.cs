using Matcher.Testing;
using Xunit;
using Station = Matcher.Cli.Tests.Service.Cli;

namespace Matcher.Cli.Tests;

/// <summary>Command lines the parser refuses: exit code 2, a message on the error output, and nothing run.</summary>
public sealed class CommandLineMistakesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("matcher-cli-mistakes-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void UnknownOptionRunsNothing()
    {
        var target = Path.Combine(_folder, "101_1.iso");

        var result = Station.Run("extract", Station.Fvc(101, 1), "--dpi", "500", "-o", target, "--bogus");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'--bogus'", result.Error);
        Assert.Contains("Usage: matcher extract <IMAGE> --output <FILE> [options]", result.Error);
        Assert.Empty(result.Output);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void MisspelledOptionOfAServiceCommandIsRefusedBeforeAnyCall()
    {
        // Nothing listens on this port: had the command run, it would have failed with exit code 1.
        var result = Station.Run("stats", "--server", $"http://127.0.0.1:{LoopbackPorts.Free()}", "--jsno");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'--jsno'", result.Error);
    }

    [Theory]
    [InlineData("--dpi", "extract", "IMAGE", "--dpi", "abc", "-o", "OUT")]
    [InlineData("--dpi", "extract", "IMAGE", "--dpi", "0", "-o", "OUT")]
    [InlineData("--dpi", "compare", "IMAGE", "IMAGE", "--dpi", "5000")]
    [InlineData("--finger", "extract", "IMAGE", "--dpi", "500", "--finger", "11", "-o", "OUT")]
    [InlineData("--format", "extract", "IMAGE", "--dpi", "500", "--format", "xml", "-o", "OUT")]
    [InlineData("--to", "convert", "IMAGE", "--to", "xml", "-o", "OUT")]
    [InlineData("--max", "identify", "--face", "IMAGE", "--max", "zero")]
    [InlineData("--fpir", "identify", "--face", "IMAGE", "--fpir", "2")]
    [InlineData("--fmr", "verify", "--id", "x", "--face", "IMAGE", "--fmr", "-1")]
    [InlineData("--mode", "enroll", "--id", "x", "--face", "IMAGE", "--mode", "always")]
    [InlineData("--server", "health", "--server", "ftp://127.0.0.1:50051")]
    [InlineData("--max-listed", "cache", "verify", "--max-listed", "0")]
    [InlineData("--threads", "eval", "faces", "--root", "DIR", "--pairs", "CSV", "--threads", "0")]
    [InlineData("--dpi-override", "eval", "fingerprints", "--dataset", "DIR", "--dpi-override", "DB2_B")]
    public void BadValueIsRefusedWithAMessageNamingTheOption(string option, params string[] args)
    {
        var result = Station.Run(args.Select(a => a == "IMAGE" ? Station.Fvc(101, 1) : a == "OUT" ? Path.Combine(_folder, "out") : a).ToArray());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.Error.Split(Environment.NewLine)[0]);
        Assert.Empty(result.Output);
        Assert.False(File.Exists(Path.Combine(_folder, "out")));
    }

    [Theory]
    [InlineData("11=a.tif", "Unknown finger position '11'")]
    [InlineData("0=a.tif", "Unknown finger position '0'")]
    [InlineData("right-index", "--finger expects POS=PATH[@DPI]")]
    public void FingerOutOfRangeOrMalformedIsRefused(string finger, string message)
    {
        var result = Station.Run("enroll", "--id", "x", "--finger", finger);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(message, result.Error);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("eval", "frobnicate")]
    [InlineData("--frobnicate")]
    public void UnknownCommandIsNamed(params string[] args)
    {
        var result = Station.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"Unknown command or option '{args[^1]}'", result.Error);
    }

    [Theory]
    [InlineData("'--id'", "enroll", "--face", "a.jpg")]
    [InlineData("'--to'", "convert", "TEMPLATE", "-o", "out")]
    [InlineData("'IMAGE'", "extract", "--dpi", "500", "-o", "out")]
    [InlineData("'--dataset'", "eval", "fingerprints")]
    [InlineData("'--roots'", "calibrate", "faces")]
    [InlineData("command", "cache")]
    public void MissingRequiredArgumentIsNamed(string named, params string[] args)
    {
        var result = Station.Run(args.Select(a => a == "TEMPLATE" ? Station.IsoTemplate(101, 1) : a).ToArray());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, result.Error);
    }

    [Fact]
    public void NoCommandIsAMistake()
    {
        var result = Station.Run();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Usage: matcher <command>", result.Error);
    }

    [Fact]
    public void MissingFileIsNamedBeforeAnythingRuns()
    {
        var result = Station.Run("compare", "/no/such/probe.tif", Station.Fvc(101, 1), "--dpi", "500");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("File '/no/such/probe.tif' does not exist.", result.Error);
    }
}
