using System.Text.Json;
using Matcher.Imaging;
using Matcher.Testing;
using Xunit;

namespace Matcher.Cli.Tests.Fingerprints;

/// <summary>`matcher extract` and `matcher compare` read WSQ files at the resolution their NIST comment declares.</summary>
public sealed class WsqCommandTests
{
    [Fact]
    public void AnFvcImageEncodedToWsqComparesWithoutDpiAgainstItsMatesTemplate()
    {
        var image = Path.Combine(Datasets.Require("fingerprints/fvc2002/DB1_B"), "102_1.tif");
        var templates = Datasets.Require("fingerprints/iso19794-2/openafis/fvc2002/DB1_B");
        using var directory = new TemporaryDirectory();
        var wsq = directory.Combine("102_1.wsq");
        File.WriteAllBytes(wsq, ImageEncoder.EncodeWsq(ImageDecoder.DecodeGray(File.ReadAllBytes(image)), ppi: 500));

        var mate = Score(Run("compare", wsq, Path.Combine(templates, "102_2.iso"), "--json"));
        var other = Score(Run("compare", wsq, Path.Combine(templates, "103_7.iso"), "--json"));

        Assert.True(mate > 40, $"mate score {mate}");
        Assert.True(other < 20, $"non-mate score {other}");
    }

    [Fact]
    public void ExtractReadsTheSourceAfisWsqSample()
    {
        var wsq = Path.Combine(Datasets.Require("fingerprints/sourceafis-samples"), "wsq-original.wsq");
        using var directory = new TemporaryDirectory();
        var output = directory.Combine("sample.iso");

        var (exitCode, text, error) = Run("extract", wsq, "--dpi", "500", "--format", "iso", "-o", output, "--json");

        Assert.True(exitCode == 0, error);
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("minutiae").GetInt32() >= 20, text);
        Assert.True(new FileInfo(output).Length > 0);
    }

    [Fact]
    public void ExtractOfAWsqFileWithoutDpiUsesTheDeclaredResolution()
    {
        var image = Path.Combine(Datasets.Require("fingerprints/fvc2002/DB1_B"), "102_1.tif");
        using var directory = new TemporaryDirectory();
        var wsq = directory.Combine("102_1.wsq");
        File.WriteAllBytes(wsq, ImageEncoder.EncodeWsq(ImageDecoder.DecodeGray(File.ReadAllBytes(image)), ppi: 500));
        var tif = directory.Combine("102_1.tif");
        File.Copy(image, tif);

        var fromWsq = Run("extract", wsq, "-o", directory.Combine("a.tpl"), "--json");
        var fromTiff = Run("extract", tif, "-o", directory.Combine("b.tpl"), "--json");

        Assert.True(fromWsq.ExitCode == 0, fromWsq.Error);
        Assert.Equal(2, fromTiff.ExitCode);
        Assert.Contains("Give the scanner resolution with --dpi", fromTiff.Error, StringComparison.Ordinal);
    }

    private static double Score((int ExitCode, string Output, string Error) result)
    {
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Output).RootElement.GetProperty("score").GetDouble();
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CommandDispatcher.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
