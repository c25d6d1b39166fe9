using System.Buffers.Binary;
using Matcher.Core.Errors;
using Matcher.Fingerprint.Templates;
using Xunit;

namespace Matcher.Fingerprint.Tests.Templates;

/// <summary>Size and count limits, and precise errors for damaged ISO/ANSI headers.</summary>
public sealed class ImportLimitTests
{
    [Fact]
    public void RecordsAboveTheConfiguredSizeAreTooLarge()
    {
        var data = TemplateSamples.Read(Path.Combine("nist-biomdi", "ISO-19794-2_2005_Appendix-C2_Example.raw"));
        var error = Assert.Throws<BiometricInputException>(() => TemplateCodecs.Import(data, new TemplateImportOptions { MaxRecordBytes = 300 }));
        Assert.Equal((InputProblem.TooLarge, "template.too_large"), (error.Problem, error.ReasonCode));
    }

    [Fact]
    public void DeclaredLengthAboveTheLimitIsTooLargeBeforeAnythingIsRead()
    {
        var data = OpenAfisRecord();
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8), 50_000_000);
        var error = TemplateSamples.ImportFails(data);
        Assert.Equal((InputProblem.TooLarge, "template.too_large"), (error.Problem, error.ReasonCode));
    }

    [Fact]
    public void MoreThanTenViewsAreRefused()
    {
        var data = OpenAfisRecord();
        data[22] = 11;
        var error = TemplateSamples.ImportFails(data);
        Assert.Equal((InputProblem.TooLarge, "template.too_many_views"), (error.Problem, error.ReasonCode));
        data[22] = 0;
        Assert.Equal("template.no_views", TemplateSamples.ImportFails(data).ReasonCode);
    }

    [Fact]
    public void LyingMinutiaCountIsReportedAsTruncated()
    {
        var data = OpenAfisRecord();
        data[27] = 255;
        var error = TemplateSamples.ImportFails(data);
        Assert.Equal("template.truncated", error.ReasonCode);
        Assert.Contains("255 minutiae of finger view 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LyingLengthFieldIsALengthMismatch()
    {
        var data = OpenAfisRecord();
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8), (uint)data.Length + 10);
        Assert.Equal("template.length_mismatch", TemplateSamples.ImportFails(data).ReasonCode);
    }

    [Fact]
    public void MinutiaOutsideTheImageIsInvalid()
    {
        var data = OpenAfisRecord();
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(28), (ushort)((data[28] & 0xc0) << 8 | 350));
        var error = TemplateSamples.ImportFails(data);
        Assert.Equal("template.invalid_value", error.ReasonCode);
        Assert.Contains("minutia 1 of finger view 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OutOfRangeFieldsAreNamedInTheError()
    {
        var data = OpenAfisRecord();
        data[26] = 120;
        var quality = TemplateSamples.ImportFails(data);
        Assert.Equal("template.invalid_value", quality.ReasonCode);
        Assert.Contains("the quality of finger view 1 is 120", quality.Message, StringComparison.Ordinal);
        data = OpenAfisRecord();
        data[28 + 6] |= 0xc0;
        Assert.Contains("minutia 2 of finger view 1 has the reserved type code 3", TemplateSamples.ImportFails(data).Message, StringComparison.Ordinal);
        data = OpenAfisRecord();
        data[24] = 13;
        Assert.Contains("finger position 13", TemplateSamples.ImportFails(data).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnsiLongLengthFormImportsLikeTheShortForm()
    {
        var shortForm = TemplateSamples.Read(Path.Combine("nist-biomdi", "ANSI-INCITS-378_2004_Appendix-B2_Example.raw"));
        var longForm = new byte[shortForm.Length + 4];
        shortForm.AsSpan(0, 8).CopyTo(longForm);
        BinaryPrimitives.WriteUInt32BigEndian(longForm.AsSpan(10), (uint)longForm.Length);
        shortForm.AsSpan(10).CopyTo(longForm.AsSpan(14));
        Assert.Equal(TemplateFormat.Ansi378_2004, TemplateCodecs.Detect(longForm));
        var expected = TemplateCodecs.Import(shortForm);
        var actual = TemplateCodecs.Import(longForm);
        Assert.Equal(expected.SelectMany(v => v.Template.Minutiae), actual.SelectMany(v => v.Template.Minutiae));
    }

    [Fact]
    public void ResolutionIsConvertedTo500Dpi()
    {
        var data = OpenAfisRecord();
        var original = Assert.Single(TemplateCodecs.Import(data)).Template;
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(18), 394);
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(20), 394);
        var halved = Assert.Single(TemplateCodecs.Import(data)).Template;
        Assert.Equal((150, 200), (halved.Width, halved.Height));
        Assert.Equal(
            original.Minutiae.Select(m => (Math.Min((int)Math.Round(m.X / 2.0, MidpointRounding.AwayFromZero), 149), m.Direction)),
            halved.Minutiae.Select(m => (m.X, m.Direction)));
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(18), 0);
        Assert.Equal(original.Minutiae, Assert.Single(TemplateCodecs.Import(data)).Template.Minutiae);
    }

    [Theory]
    [InlineData(new byte[0], "template.unknown_format")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4e, 0x47 }, "template.unknown_format")]
    [InlineData(new byte[] { 0x46, 0x4d }, "template.truncated")]
    [InlineData(new byte[] { 0x4d, 0x54, 0x46 }, "template.truncated")]
    public void UnrecognisedOrTinyInputsFailClearly(byte[] data, string reason)
    {
        Assert.Equal(reason, Assert.Throws<BiometricInputException>(() => TemplateCodecs.Detect(data)).ReasonCode);
    }

    private static byte[] OpenAfisRecord() => TemplateSamples.Read(Path.Combine("openafis", "fvc2002", "DB1_B", "101_1.iso"));
}
