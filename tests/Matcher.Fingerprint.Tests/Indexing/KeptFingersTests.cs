using Matcher.Core.Subjects;
using Matcher.Fingerprint.Indexing;
using Matcher.Fingerprint.Templates;
using Matcher.Fingerprint.Tests.Matching;
using Xunit;

namespace Matcher.Fingerprint.Tests.Indexing;

/// <summary>The compact form a gallery keeps a subject's fingers in reads back as the durable log would.</summary>
public sealed class KeptFingersTests
{
    [Fact]
    public void TenRealFingersReadBackWithTheirPositionsQualitiesAndNativeTemplates()
    {
        var database = IsoDatabase.Open("DB1_B");
        var fingers = Enumerable.Range(1, 10)
            .Select(position => new EnrolledFinger(position, database.Templates[position * 7], 30 + position))
            .Reverse()
            .ToList();

        var kept = new FingerprintIndexFactory().Keep(fingers);

        Assert.Equal(10, kept.Count);
        var read = kept.Cast<EnrolledFinger>().ToList();
        Assert.Equal(fingers.Select(f => (f.Position, f.Quality)), read.Select(f => (f.Position, f.Quality)));
        for (var i = 0; i < fingers.Count; i++)
        {
            Assert.Equal(Native(fingers[i]), Native(read[i]));
            Assert.Equal(fingers[i].Template.Minutiae.Count, read[i].Template.Minutiae.Count);
            Assert.Equal((fingers[i].Template.Width, fingers[i].Template.Height, fingers[i].Template.SampleQuality),
                (read[i].Template.Width, read[i].Template.Height, read[i].Template.SampleQuality));
        }
        Assert.Equal(Native(fingers[3]), Native((EnrolledFinger)kept[3]));
    }

    [Fact]
    public void NoFingersKeepNothing()
    {
        var kept = new FingerprintIndexFactory().Keep([]);

        Assert.Empty(kept);
        Assert.Throws<IndexOutOfRangeException>(() => kept[0]);
    }

    private static byte[] Native(EnrolledFinger finger) => TemplateCodecs.Export(finger.Template, TemplateFormat.Native, finger.Position);
}
