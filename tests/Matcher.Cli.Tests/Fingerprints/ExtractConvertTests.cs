using System.Text.Json;
using Matcher.Fingerprint.Templates;
using Matcher.Testing;
using Xunit;

namespace Matcher.Cli.Tests.Fingerprints;

/// <summary>`matcher extract` and `matcher convert` on real FVC2002 images and OpenAFIS templates.</summary>
public sealed class ExtractConvertTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("matcher-fpformats-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ConvertingIsoToNativeAndBackReproducesTheOriginal()
    {
        var original = OpenAfisTemplate("DB2_B", "104_3.iso");
        var native = Path.Combine(_folder, "t.mtf");
        var iso = Path.Combine(_folder, "t.iso");

        var (toNative, output, _) = Run("convert", original, "--to", "native", "-o", native);
        var (toIso, _, _) = Run("convert", native, "--to", "iso", "-o", iso);

        Assert.Equal((0, 0), (toNative, toIso));
        Assert.Contains("native MTF, from ISO/IEC 19794-2:2005", output, StringComparison.Ordinal);
        Assert.Equal(TemplateFormat.Native, TemplateCodecs.Detect(File.ReadAllBytes(native)));
        Assert.Equal(File.ReadAllBytes(original), File.ReadAllBytes(iso));
    }

    [Fact]
    public void ConvertingToAnsiKeepsEveryMinutia()
    {
        var original = OpenAfisTemplate("DB1_B", "101_1.iso");
        var ansi = Path.Combine(_folder, "t.ansi");

        var (exitCode, _, _) = Run("convert", original, "--to", "ansi", "-o", ansi);

        Assert.Equal(0, exitCode);
        var converted = TemplateCodecs.Import(File.ReadAllBytes(ansi));
        Assert.Equal(TemplateFormat.Ansi378_2004, TemplateCodecs.Detect(File.ReadAllBytes(ansi)));
        Assert.Equal(
            TemplateCodecs.Import(File.ReadAllBytes(original))[0].Template.Minutiae.Select(m => (m.X, m.Y, m.Type)),
            converted[0].Template.Minutiae.Select(m => (m.X, m.Y, m.Type)));
    }

    [Fact]
    public void TruncatedTemplateFailsWithTheReasonCode()
    {
        var truncated = Datasets.Require("fingerprints/iso19794-2/openafis/invalid/fvc2004/DB_1B/101_1_truncate_2_bytes.iso");

        var (exitCode, _, error) = Run("convert", truncated, "--to", "native", "-o", Path.Combine(_folder, "t.mtf"));

        Assert.Equal(1, exitCode);
        Assert.StartsWith("template.truncated:", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "t.mtf")));
    }

    [Theory]
    [InlineData("--to", "xml", "-o", "out")]
    [InlineData("-o", "out")]
    public void BadConvertOptionsAreUsageErrors(params string[] options)
    {
        var (exitCode, _, error) = Run(["convert", OpenAfisTemplate("DB1_B", "101_1.iso"), .. options]);

        Assert.Equal(2, exitCode);
        Assert.Contains("Usage: matcher convert", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("iso", TemplateFormat.Iso19794_2_2005)]
    [InlineData("native", TemplateFormat.Native)]
    public void ExtractWritesATemplateAndReportsOnlyCountsAndQuality(string format, TemplateFormat expected)
    {
        var image = Datasets.Require("fingerprints/fvc2002/DB1_B/101_1.tif");
        var target = Path.Combine(_folder, "101_1." + format);

        var (exitCode, output, error) = Run("extract", image, "--dpi", "500", "--format", format, "--finger", "2", "-o", target, "--json");

        Assert.True(exitCode == 0, error);
        using var report = JsonDocument.Parse(output);
        var bytes = File.ReadAllBytes(target);
        Assert.Equal(expected, TemplateCodecs.Detect(bytes));
        var view = Assert.Single(TemplateCodecs.Import(bytes));
        Assert.Equal(2, view.FingerPosition);
        Assert.Equal(report.RootElement.GetProperty("minutiae").GetInt32(), view.Template.Minutiae.Count);
        Assert.InRange(view.Template.Minutiae.Count, 10, 255);
        Assert.InRange(report.RootElement.GetProperty("quality").GetInt32(), 1, 100);
        Assert.Equal(bytes.Length, report.RootElement.GetProperty("bytes").GetInt32());
        Assert.Equal(["minutiae", "quality", "foreground", "format", "bytes"], report.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void ExtractWithoutDpiIsAUsageError()
    {
        var image = Datasets.Require("fingerprints/fvc2002/DB1_B/101_1.tif");

        var (exitCode, _, error) = Run("extract", image, "-o", Path.Combine(_folder, "t.mtf"));

        Assert.Equal(2, exitCode);
        Assert.Contains("--dpi", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtractOfATemplateFileExplainsItIsNoImage()
    {
        var (exitCode, _, error) = Run("extract", OpenAfisTemplate("DB1_B", "101_1.iso"), "--dpi", "500", "-o", Path.Combine(_folder, "t.mtf"));

        Assert.Equal(1, exitCode);
        Assert.Contains("image", error, StringComparison.OrdinalIgnoreCase);
    }

    private static string OpenAfisTemplate(string database, string file) =>
        Datasets.Require($"fingerprints/iso19794-2/openafis/fvc2002/{database}/{file}");

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = CommandDispatcher.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
