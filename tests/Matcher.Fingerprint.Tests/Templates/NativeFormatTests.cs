using System.Buffers.Binary;
using Matcher.Core.Errors;
using Matcher.Fingerprint.Templates;
using Matcher.Fingerprint.Templates.Formats;
using Xunit;

namespace Matcher.Fingerprint.Tests.Templates;

/// <summary>The native "MTF" format: exact round trips, compactness, checksum and version checks.</summary>
public sealed class NativeFormatTests
{
    [Fact]
    public void Crc32CMatchesTheStandardCheckValue()
    {
        Assert.Equal(0xE3069283u, Crc32C.Compute("123456789"u8));
        Assert.Equal(0u, Crc32C.Compute([]));
    }

    [Fact]
    public void OpenAfisTemplatesRoundTripExactlyAndStayUnderOneKibibyte()
    {
        foreach (var file in TemplateSamples.OpenAfisValid())
        {
            var iso = File.ReadAllBytes(file);
            var views = TemplateCodecs.Import(iso);
            var native = TemplateCodecs.Export(views, TemplateFormat.Native);
            Assert.Equal(TemplateFormat.Native, TemplateCodecs.Detect(native));
            var back = TemplateCodecs.Import(native);
            var view = Assert.Single(back);
            Assert.Equal(views[0].Template.Minutiae, view.Template.Minutiae);
            Assert.Equal((views[0].Template.Width, views[0].Template.Height), (view.Template.Width, view.Template.Height));
            Assert.InRange(native.Length, 1, 1023);
            Assert.Equal(iso, TemplateCodecs.Export(back, TemplateFormat.Iso19794_2_2005));
        }
    }

    [Fact]
    public void AnsiDirectionsSurviveTheNativeFormatExactly()
    {
        var ansi = TemplateCodecs.Import(TemplateSamples.Read(Path.Combine("nist-biomdi", "ANSI-INCITS-378_2004_Appendix-B2_Example.raw")));
        var back = TemplateCodecs.Import(TemplateCodecs.Export(ansi, TemplateFormat.Native));
        Assert.Equal(ansi.Select(v => v with { Template = null! }), back.Select(v => v with { Template = null! }));
        Assert.Equal(ansi.SelectMany(v => v.Template.Minutiae), back.SelectMany(v => v.Template.Minutiae));
        Assert.Equal(
            TemplateCodecs.Export(ansi, TemplateFormat.Ansi378_2004),
            TemplateCodecs.Export(back, TemplateFormat.Ansi378_2004));
    }

    [Fact]
    public void ExtractorDirectionsAreQuantisedOnceThenStable()
    {
        var random = new Random(2026);
        for (var round = 0; round < 200; round++)
        {
            var views = RandomTemplates.Views(random, random.Next(1, 11));
            var first = TemplateCodecs.Export(views, TemplateFormat.Native);
            var imported = TemplateCodecs.Import(first);
            StandardExportRoundTripTests.AssertSameViews(views, imported, (Math.PI / DirectionUnits.GridStepsPerTurn) + 1e-6);
            Assert.Equal(first, TemplateCodecs.Export(imported, TemplateFormat.Native));
        }
    }

    [Fact]
    public void AnyFlippedBitIsCaughtByTheChecksumOrTheHeaderChecks()
    {
        var record = NativeRecord();
        for (var bit = 0; bit < record.Length * 8; bit++)
        {
            var damaged = (byte[])record.Clone();
            damaged[bit / 8] ^= (byte)(1 << (bit % 8));
            var error = TemplateSamples.ImportFails(damaged);
            Assert.Contains(error.ReasonCode, (string[])
                ["template.checksum_mismatch", "template.unsupported_version", "template.unknown_format", "template.truncated",
                 "template.length_mismatch", "template.trailing_data"]);
        }
        var body = NativeRecord();
        body[12] ^= 0x40;
        Assert.Equal("template.checksum_mismatch", TemplateSamples.ImportFails(body).ReasonCode);
    }

    [Fact]
    public void UnknownVersionIsRejectedNamingIt()
    {
        var record = NativeRecord();
        record[3] = 2;
        var error = TemplateSamples.ImportFails(record);
        Assert.Equal("template.unsupported_version", error.ReasonCode);
        Assert.Contains("version 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZeroPaddingIsAcceptedButOtherTrailingDataIsNot()
    {
        var record = NativeRecord();
        var padded = record.Concat(new byte[100]).ToArray();
        Assert.Equal(2, TemplateCodecs.Import(padded).Count);
        padded[^1] = 1;
        Assert.Equal("template.trailing_data", TemplateSamples.ImportFails(padded).ReasonCode);
    }

    [Fact]
    public void CutShortRecordsAreTruncated()
    {
        var record = NativeRecord();
        for (var length = 1; length < record.Length; length++)
        {
            Assert.Equal("template.truncated", TemplateSamples.ImportFails(record[..length]).ReasonCode);
        }
    }

    [Fact]
    public void DeclaredLengthAboveTheLimitIsTooLarge()
    {
        var record = NativeRecord();
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(4), 60_000);
        var error = Assert.Throws<BiometricInputException>(() => TemplateCodecs.Import(record, new TemplateImportOptions { MaxRecordBytes = 1000 }));
        Assert.Equal((InputProblem.TooLarge, "template.too_large"), (error.Problem, error.ReasonCode));
    }

    private static byte[] NativeRecord() => TemplateCodecs.Export(RandomTemplates.Views(new Random(7), 2), TemplateFormat.Native);
}
