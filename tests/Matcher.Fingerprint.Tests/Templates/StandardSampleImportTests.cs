using System.Buffers.Binary;
using Matcher.Core.Errors;
using Matcher.Fingerprint.Templates;
using Xunit;

namespace Matcher.Fingerprint.Tests.Templates;

/// <summary>Imports every published ISO/ANSI sample and checks the result against the raw record fields.</summary>
public sealed class StandardSampleImportTests
{
    [Fact]
    public void EveryOpenAfisTemplateImportsWithItsMinutiaCountInsideItsFrame()
    {
        var files = TemplateSamples.OpenAfisValid();
        Assert.Equal(320, files.Count);
        foreach (var file in files)
        {
            var data = File.ReadAllBytes(file);
            Assert.Equal(TemplateFormat.Iso19794_2_2005, TemplateCodecs.Detect(data));
            var view = Assert.Single(TemplateCodecs.Import(data));
            var template = view.Template;
            Assert.Equal(data[27], template.Minutiae.Count);
            Assert.Equal((300, 400), (template.Width, template.Height));
            for (var i = 0; i < template.Minutiae.Count; i++)
            {
                var minutia = template.Minutiae[i];
                var raw = data.AsSpan(28 + (6 * i));
                Assert.Equal(BinaryPrimitives.ReadUInt16BigEndian(raw) & 0x3fff, minutia.X);
                Assert.Equal(BinaryPrimitives.ReadUInt16BigEndian(raw[2..]) & 0x3fff, minutia.Y);
                Assert.InRange(minutia.X, 0, template.Width - 1);
                Assert.InRange(minutia.Y, 0, template.Height - 1);
                Assert.InRange(minutia.Direction, 0f, (float)(2 * Math.PI));
                Assert.Equal(raw[4] * 2 * Math.PI / 256, minutia.Direction, 5);
            }
        }
    }

    [Theory]
    [InlineData("101_1_truncate_1_byte.iso", "extended data length of finger view 1")]
    [InlineData("101_1_truncate_2_bytes.iso", "extended data length of finger view 1")]
    [InlineData("101_1_truncate_3_bytes.iso", "header of finger view 1")]
    public void TruncatedOpenAfisRecordsFailNamingWhereTheyEnd(string file, string part)
    {
        var error = TemplateSamples.ImportFails(TemplateSamples.Read(Path.Combine("openafis", "invalid", "fvc2004", "DB_1B", file)));
        Assert.Equal(InputProblem.Invalid, error.Problem);
        Assert.Equal("template.truncated", error.ReasonCode);
        Assert.Contains(part, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("iso-probe.dat", 224, 288, 38)]
    [InlineData("iso-matching.dat", 224, 288, 38)]
    [InlineData("iso-nonmatching.dat", 208, 320, 39)]
    public void ZeroPaddedSourceAfisRecordsImport(string file, int width, int height, int minutiae)
    {
        var data = TemplateSamples.Read(Path.Combine("sourceafis", file));
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(8)) < data.Length);
        var view = Assert.Single(TemplateCodecs.Import(data));
        Assert.Equal((width, height, minutiae), (view.Template.Width, view.Template.Height, view.Template.Minutiae.Count));
        Assert.Equal(100, view.Template.SampleQuality);
    }

    [Fact]
    public void NistIsoExampleWithOffByOneLengthImportsBothFingers()
    {
        var data = TemplateSamples.Read(Path.Combine("nist-biomdi", "ISO-19794-2_2005_Appendix-C2_Example.raw"));
        Assert.Equal(data.Length - 1, (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(8)));
        var views = TemplateCodecs.Import(data);
        Assert.Equal([7, 2], views.Select(v => v.FingerPosition));
        Assert.Equal([27, 22], views.Select(v => v.Template.Minutiae.Count));
        Assert.Equal([90, 70], views.Select(v => (int)v.Template.SampleQuality));
    }

    [Fact]
    public void NistAnsiExampleAgreesWithTheIsoExampleWithinAngleQuantisation()
    {
        var ansiData = TemplateSamples.Read(Path.Combine("nist-biomdi", "ANSI-INCITS-378_2004_Appendix-B2_Example.raw"));
        var isoData = TemplateSamples.Read(Path.Combine("nist-biomdi", "ISO-19794-2_2005_Appendix-C2_Example.raw"));
        Assert.Equal(TemplateFormat.Ansi378_2004, TemplateCodecs.Detect(ansiData));
        var ansi = TemplateCodecs.Import(ansiData);
        var iso = TemplateCodecs.Import(isoData);
        Assert.Equal(iso.Count, ansi.Count);
        // Half an ISO step (0.70 degrees) plus half an ANSI step (1 degree).
        var tolerance = (Math.PI / 256) + (Math.PI / 180) + 1e-6;
        for (var v = 0; v < iso.Count; v++)
        {
            Assert.Equal(iso[v].FingerPosition, ansi[v].FingerPosition);
            var pairs = iso[v].Template.Minutiae.Zip(ansi[v].Template.Minutiae).ToList();
            Assert.Equal(iso[v].Template.Minutiae.Count, pairs.Count);
            foreach (var (fromIso, fromAnsi) in pairs)
            {
                Assert.Equal((fromIso.X, fromIso.Y, fromIso.Type, fromIso.Quality), (fromAnsi.X, fromAnsi.Y, fromAnsi.Type, fromAnsi.Quality));
                Assert.InRange(TemplateSamples.AngleDifference(fromIso.Direction, fromAnsi.Direction), 0, tolerance);
            }
        }
    }

    [Theory]
    [InlineData("iso19794p2v2011-sample.dat", "'030'")]
    [InlineData("ansi378v2009-sample.dat", "'030'")]
    [InlineData("ansi378v2009am1-sample.dat", "'035'")]
    public void LaterStandardVersionsAreRejectedNamingTheVersion(string file, string version)
    {
        var error = TemplateSamples.ImportFails(TemplateSamples.Read(Path.Combine("fingerprintio", file)));
        Assert.Equal("template.unsupported_version", error.ReasonCode);
        Assert.Contains(version, error.Message, StringComparison.Ordinal);
    }
}
