using Matcher.Testing;
using Xunit;

namespace Matcher.Cli.Tests.Service;

/// <summary>No server: mistakes caught before anything is sent, and a server that is not there.</summary>
public sealed class LocalFailuresTests
{
    [Fact]
    public void ServerDownIsNamedWithItsAddress()
    {
        var address = $"http://127.0.0.1:{LoopbackPorts.Free()}";

        var result = Cli.Run("stats", "--server", address);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"Unavailable: cannot reach the Matcher service at {address} (", result.Error);
        Assert.Contains("./scripts/run.sh", result.Error);
    }

    [Fact]
    public void MissingFileIsNamed()
    {
        var result = Cli.Run("identify", "--finger", "right-index=/no/such/101_1.tif");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("File '/no/such/101_1.tif' does not exist.", result.Error);
    }

    [Fact]
    public void UnknownFingerPositionListsTheKnownOnes()
    {
        var result = Cli.Run("enroll", "--id", "x", "--finger", $"thumb9={Cli.Fvc(101, 1)}");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown finger position 'thumb9': use 1-10 or one of right-thumb, right-index,", result.Error);
    }

    [Fact]
    public void FileThatIsNeitherImageNorTemplateIsNamed()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("matcher-cli-").FullName, "notes.txt");
        File.WriteAllText(path, "not a fingerprint");
        try
        {
            var result = Cli.Run("identify", "--finger", $"1={path}");

            Assert.Equal(1, result.ExitCode);
            Assert.StartsWith($"template.unknown_format: '{path}' is neither an image nor a template we can read.", result.Error);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Theory]
    [InlineData("enroll", "--id", "x")]
    [InlineData("enroll", "--id", "x", "--finger", "right-index")]
    [InlineData("enroll", "--id", "x", "--face", "/no/such/face.jpg")]
    [InlineData("identify", "--face", "x.jpg", "--max", "0")]
    [InlineData("stats", "--server", "ftp://127.0.0.1:50051")]
    public void CommandLineMistakesAreUsageErrors(params string[] args)
    {
        var result = Cli.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Usage: matcher ", result.Error);
    }

    [Fact]
    public void ResolutionOnATemplateIsAUsageError()
    {
        var result = Cli.Run("identify", "--finger", $"1={Cli.IsoTemplate(101, 1)}@500");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is a template, not an image", result.Error);
    }
}
