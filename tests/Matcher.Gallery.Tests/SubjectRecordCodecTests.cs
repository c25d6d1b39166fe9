using Matcher.Gallery.Subjects;
using Xunit;

namespace Matcher.Gallery.Tests;

public sealed class SubjectRecordCodecTests
{
    [Fact]
    public void RecordRoundTrips()
    {
        var embedding = GalleryFixtures.RandomUnitVector(new Random(1));
        var template = GalleryFixtures.IsoTemplate("DB1_B", 101, 1);
        var record = new SubjectRecord(
            new SubjectKey("citizens", "ID-0001-é"),
            [new EnrolledFinger(2, template, 71), new EnrolledFinger(7, template, 40)],
            new EnrolledFace("model-a", embedding, 88),
            DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_123));

        var decoded = SubjectRecordCodec.Decode(SubjectRecordCodec.Encode(record));

        Assert.Equal(record.Key, decoded.Key);
        Assert.Equal(record.EnrolledAt, decoded.EnrolledAt);
        Assert.Equal([2, 7], decoded.Fingers.Select(f => f.Position));
        Assert.Equal([71, 40], decoded.Fingers.Select(f => f.Quality));
        Assert.Equal(template.Minutiae.Count, decoded.Fingers[0].Template.Minutiae.Count);
        Assert.Equal(embedding, decoded.Face!.Embedding);
        Assert.Equal("model-a", decoded.Face.ModelId);
    }

    [Fact]
    public void EveryTruncationIsInvalidData()
    {
        var record = GalleryFixtures.FaceSubject("g", "s", GalleryFixtures.RandomUnitVector(new Random(2), 128));
        var bytes = SubjectRecordCodec.Encode(record);

        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => SubjectRecordCodec.Decode(bytes.AsSpan(0, length)));
        }
    }
}
