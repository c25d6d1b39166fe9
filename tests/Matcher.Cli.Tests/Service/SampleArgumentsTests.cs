using System.Globalization;
using Matcher.Cli.Commands.Service;
using Matcher.Contracts.V1;
using Xunit;

namespace Matcher.Cli.Tests.Service;

public sealed class SampleArgumentsTests
{
    [Fact]
    public void ImageIsSentWithItsResolutionOr500()
    {
        var given = SampleArguments.Finger(FingerArgument.Parse($"7={Cli.Fvc(101, 1)}@569"));
        var defaulted = SampleArguments.Finger(FingerArgument.Parse($"right-index={Cli.Fvc(101, 1)}"));

        Assert.Equal(FingerPosition.LeftIndex, given.Position);
        Assert.Equal(569u, given.Image.Dpi);
        Assert.Equal(FingerPosition.RightIndex, defaulted.Position);
        Assert.Equal(500u, defaulted.Image.Dpi);
        Assert.Equal(new FileInfo(Cli.Fvc(101, 1)).Length, defaulted.Image.Data.Length);
    }

    [Fact]
    public void AtSignInAFileNameIsNoResolution()
    {
        var directory = Directory.CreateTempSubdirectory("matcher-cli-").FullName;
        var path = Path.Combine(directory, "desk@2.tif");
        File.Copy(Cli.Fvc(101, 1), path);
        try
        {
            var sample = SampleArguments.Finger(FingerArgument.Parse($"left-thumb={path}"));

            Assert.Equal(500u, sample.Image.Dpi);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void TemplateIsRecognisedByContent()
    {
        var sample = SampleArguments.Finger(FingerArgument.Parse($"LEFT-LITTLE={Cli.IsoTemplate(101, 1)}"));

        Assert.Equal(FingerPosition.LeftLittle, sample.Position);
        Assert.Equal(FingerprintSample.SourceOneofCase.Template, sample.SourceCase);
        Assert.Equal(TemplateFormat.Unspecified, sample.Template.Format);
    }

    [Fact]
    public void PositionNamesRoundTrip()
    {
        foreach (var position in Enum.GetValues<FingerPosition>().Where(p => p != FingerPosition.Unspecified))
        {
            Assert.Equal(position, FingerPositions.Parse(FingerPositions.Name(position)));
            Assert.Equal(position, FingerPositions.Parse(((int)position).ToString(CultureInfo.InvariantCulture)));
        }
        Assert.Equal("right-index", FingerPositions.Name(FingerPosition.RightIndex));
        Assert.Throws<CliUsageException>(() => FingerPositions.Parse("0"));
        Assert.Throws<CliUsageException>(() => FingerPositions.Parse("11"));
    }
}
