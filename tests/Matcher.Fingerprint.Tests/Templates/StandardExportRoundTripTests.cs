using Matcher.Fingerprint.Templates;
using Xunit;

namespace Matcher.Fingerprint.Tests.Templates;

/// <summary>ISO and ANSI export: re-import gives the same minutiae, with directions quantised to the format's step.</summary>
public sealed class StandardExportRoundTripTests
{
    private const double IsoHalfStep = Math.PI / 256;

    private const double AnsiHalfStep = Math.PI / 180;

    private const double FloatSlack = 1e-5;

    [Fact]
    public void IsoExportReproducesEveryOpenAfisRecordByteForByte()
    {
        foreach (var file in TemplateSamples.OpenAfisValid())
        {
            var original = File.ReadAllBytes(file);
            var exported = TemplateCodecs.Export(TemplateCodecs.Import(original), TemplateFormat.Iso19794_2_2005);
            Assert.Equal(original, exported);
        }
    }

    [Fact]
    public void AnsiExportOfOpenAfisRecordsKeepsMinutiaeWithinOneDegree()
    {
        foreach (var file in TemplateSamples.OpenAfisValid())
        {
            var original = TemplateCodecs.Import(File.ReadAllBytes(file));
            var ansi = TemplateCodecs.Export(original, TemplateFormat.Ansi378_2004);
            Assert.Equal(TemplateFormat.Ansi378_2004, TemplateCodecs.Detect(ansi));
            AssertSameViews(original, TemplateCodecs.Import(ansi), AnsiHalfStep + FloatSlack);
        }
    }

    [Fact]
    public void MultiViewNistRecordSurvivesIsoToAnsiToIso()
    {
        var original = TemplateCodecs.Import(TemplateSamples.Read(Path.Combine("nist-biomdi", "ISO-19794-2_2005_Appendix-C2_Example.raw")));
        var viaAnsi = TemplateCodecs.Import(TemplateCodecs.Export(original, TemplateFormat.Ansi378_2004));
        var back = TemplateCodecs.Import(TemplateCodecs.Export(viaAnsi, TemplateFormat.Iso19794_2_2005));
        Assert.Equal(2, back.Count);
        AssertSameViews(original, viaAnsi, AnsiHalfStep + FloatSlack);
        AssertSameViews(original, back, AnsiHalfStep + IsoHalfStep + FloatSlack);
    }

    [Theory]
    [InlineData(TemplateFormat.Iso19794_2_2005, IsoHalfStep)]
    [InlineData(TemplateFormat.Ansi378_2004, AnsiHalfStep)]
    public void RandomDirectionsComeBackWithinHalfAStep(TemplateFormat format, double halfStep)
    {
        var random = new Random(19794);
        for (var round = 0; round < 200; round++)
        {
            var views = RandomTemplates.Views(random, random.Next(1, 11));
            var back = TemplateCodecs.Import(TemplateCodecs.Export(views, format));
            AssertSameViews(views, back, halfStep + FloatSlack, sameFrame: false);
            Assert.All(back, v => Assert.Equal(views.Max(x => x.Template.Width), v.Template.Width));
        }
    }

    [Fact]
    public void SingleTemplateExportCarriesTheFingerPosition()
    {
        var template = RandomTemplates.View(new Random(3)).Template;
        var view = Assert.Single(TemplateCodecs.Import(TemplateCodecs.Export(template, TemplateFormat.Ansi378_2004, fingerPosition: 7)));
        Assert.Equal(7, view.FingerPosition);
        Assert.Equal(template.Minutiae.Count, view.Template.Minutiae.Count);
    }

    [Fact]
    public void ExportRejectsWhatTheFormatCannotHold()
    {
        var random = new Random(11);
        Assert.Throws<ArgumentException>(() => TemplateCodecs.Export(RandomTemplates.Views(random, 11), TemplateFormat.Iso19794_2_2005));
        Assert.Throws<ArgumentException>(() => TemplateCodecs.Export([], TemplateFormat.Ansi378_2004));
        var crowded = new FingerprintTemplate(500, 500, Enumerable.Repeat(new Minutia(1, 1, 0, MinutiaType.Ending, 0), 256).ToList(), 0);
        Assert.Throws<ArgumentException>(() => TemplateCodecs.Export(crowded, TemplateFormat.Iso19794_2_2005));
        var outside = new FingerprintTemplate(100, 100, [new Minutia(100, 5, 0, MinutiaType.Ending, 0)], 0);
        Assert.Throws<ArgumentException>(() => TemplateCodecs.Export(outside, TemplateFormat.Native));
        Assert.ThrowsAny<ArgumentException>(() => TemplateCodecs.Export(RandomTemplates.View(random).Template, TemplateFormat.Iso19794_2_2005, fingerPosition: 11));
    }

    internal static void AssertSameViews(
        IReadOnlyList<FingerprintView> expected, IReadOnlyList<FingerprintView> actual, double angleTolerance, bool sameFrame = true)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var v = 0; v < expected.Count; v++)
        {
            Assert.Equal(
                (expected[v].FingerPosition, expected[v].ViewNumber, expected[v].ImpressionType, expected[v].Template.SampleQuality),
                (actual[v].FingerPosition, actual[v].ViewNumber, actual[v].ImpressionType, actual[v].Template.SampleQuality));
            if (sameFrame)
            {
                Assert.Equal((expected[v].Template.Width, expected[v].Template.Height), (actual[v].Template.Width, actual[v].Template.Height));
            }
            var pairs = expected[v].Template.Minutiae.Zip(actual[v].Template.Minutiae).ToList();
            Assert.Equal(expected[v].Template.Minutiae.Count, actual[v].Template.Minutiae.Count);
            foreach (var (e, a) in pairs)
            {
                Assert.Equal((e.X, e.Y, e.Type, e.Quality), (a.X, a.Y, a.Type, a.Quality));
                Assert.InRange(TemplateSamples.AngleDifference(e.Direction, a.Direction), 0, angleTolerance);
            }
        }
    }
}
