using System.Security.Cryptography;
using Matcher.Core.Subjects;
using Matcher.Enrollment.Subjects;
using Matcher.Face.Indexing;
using Matcher.Fingerprint.Indexing;
using Matcher.Fingerprint.Templates;
using Matcher.Testing;
using Xunit;

namespace Matcher.Enrollment.Tests;

public sealed class SubjectRecordCodecTests
{
    [Fact]
    public void RecordRoundTrips()
    {
        var embedding = TestSamples.UnitVector(new Random(1));
        var template = TestSamples.IsoTemplate("DB1_B", 101, 1);
        var record = new SubjectRecord(
            new SubjectKey("citizens", "ID-0001-é"),
            [new EnrolledFinger(2, template, 71), new EnrolledFinger(7, template, 40), new EnrolledFace("model-a", embedding, 88)],
            DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_123));

        var decoded = SubjectRecordCodec.Decode(SubjectRecordCodec.Encode(record));

        Assert.Equal(record.Key, decoded.Key);
        Assert.Equal(record.EnrolledAt, decoded.EnrolledAt);
        var fingers = decoded.Samples.OfType<EnrolledFinger>().ToList();
        var face = Assert.Single(decoded.Samples.OfType<EnrolledFace>());
        Assert.Equal([2, 7], fingers.Select(f => f.Position));
        Assert.Equal([71, 40], fingers.Select(f => f.Quality));
        Assert.Equal(template.Minutiae.Count, fingers[0].Template.Minutiae.Count);
        Assert.Equal(embedding, face.Embedding);
        Assert.Equal("model-a", face.ModelId);
        Assert.Equal(3, decoded.Samples.Count);
    }

    /// <summary>
    /// Encoded records sit in users' logs, snapshots and Redis: the bytes of a fixed record must never change. The
    /// template is built here (no dataset needed) and the embedding comes from a seeded generator.
    /// </summary>
    [Fact]
    public void EncodedBytesNeverChange()
    {
        var minutiae = Enumerable.Range(0, 24)
            .Select(i => new Minutia(20 + 11 * i, 300 - 7 * i, i * 0.25f, (MinutiaType)(1 + i % 2), (byte)(40 + i)))
            .ToArray();
        var template = new FingerprintTemplate(320, 400, minutiae, 73);
        var record = new SubjectRecord(
            new SubjectKey("citizens", "ID-0002-ü"),
            [
                new EnrolledFinger(1, template, 64),
                new EnrolledFinger(6, template, 101),
                new EnrolledFace("model-a", TestSamples.UnitVector(new Random(3), 128), 91),
            ],
            DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_456));

        var bytes = SubjectRecordCodec.Encode(record);

        Assert.Equal(943, bytes.Length);
        Assert.Equal("D56FAAB3CB218F1CA2C091AACADA63FDDB2E5E0E28AAA907ACB1263607AE4AE3", Convert.ToHexString(SHA256.HashData(bytes)));
        Assert.Equal(bytes, SubjectRecordCodec.Encode(SubjectRecordCodec.Decode(bytes)));
    }

    [Fact]
    public void EveryTruncationIsInvalidData()
    {
        var record = RecordFixtures.FaceSubject("g", "s", TestSamples.UnitVector(new Random(2), 128));
        var bytes = SubjectRecordCodec.Encode(record);

        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => SubjectRecordCodec.Decode(bytes.AsSpan(0, length)));
        }
    }
}
