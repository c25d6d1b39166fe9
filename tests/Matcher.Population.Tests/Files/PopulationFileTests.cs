using Matcher.Fingerprint.Templates;
using Matcher.Population.Files;
using Xunit;

namespace Matcher.Population.Tests.Files;

public sealed class PopulationFileTests
{
    private static readonly PopulationHeader Header = new(Seed: 42, SubjectCount: 3, FaceModelId: "test-model@1", EmbeddingDimension: 4);

    [Fact]
    public void SubjectsComeBackAsTheyWereWritten()
    {
        var subjects = Subjects();

        var read = ReadAll(Write(Header, subjects), out var header);

        Assert.Equal(Header, header);
        Assert.Equal(subjects.Count, read.Count);
        for (var i = 0; i < subjects.Count; i++)
        {
            Assert.Equal(subjects[i].SubjectId, read[i].SubjectId);
            Assert.Equal(subjects[i].Fingers.Select(f => f.Position), read[i].Fingers.Select(f => f.Position));
            Assert.Equal(subjects[i].Fingers.Select(f => f.IsoTemplate), read[i].Fingers.Select(f => f.IsoTemplate));
            Assert.Equal(subjects[i].FaceEmbedding, read[i].FaceEmbedding);
        }
        Assert.Equal(Minutiae(5), TemplateCodecs.Import(read[0].Fingers[0].IsoTemplate)[0].Template.Minutiae.Select(m => (m.X, m.Y)));
    }

    [Fact]
    public void AnEmptyPopulationIsAValidFile()
    {
        var empty = Header with { SubjectCount = 0 };

        Assert.Empty(ReadAll(Write(empty, []), out var header));
        Assert.Equal(empty, header);
    }

    [Fact]
    public void EveryCutOfTheFileIsReportedWithTheRecordItHappenedIn()
    {
        var file = Write(Header, Subjects());
        var headerLength = HeaderLength();
        for (var length = 0; length < file.Length; length++)
        {
            var cut = file[..length];
            var error = Assert.Throws<InvalidDataException>(() => ReadAll(cut, out _));
            Assert.Contains(length < headerLength ? "header" : "record", error.Message);
        }
    }

    [Fact]
    public void AFileCutBetweenRecordsNamesTheFirstMissingRecord()
    {
        var subjects = Subjects();
        var complete = Write(Header, subjects);
        var firstTwo = Write(Header, subjects.Take(2).ToList());

        var error = Assert.Throws<InvalidDataException>(() => ReadAll(firstTwo, out _));

        Assert.Contains("truncated in record 3 of 3", error.Message);
        Assert.Equal(complete[..firstTwo.Length], firstTwo);
    }

    [Fact]
    public void EveryFlippedByteIsCaught()
    {
        var file = Write(Header, Subjects());
        for (var position = 0; position < file.Length; position++)
        {
            var damaged = file.ToArray();
            damaged[position] ^= 0x10;
            Assert.Throws<InvalidDataException>(() => ReadAll(damaged, out _));
        }
    }

    [Fact]
    public void ADamagedRecordIsNamedAndTheRecordsBeforeItAreRead()
    {
        var file = Write(Header, Subjects());
        var secondRecordId = file.AsSpan().IndexOf("subject-1"u8);
        file[secondRecordId] ^= 0xFF;
        var read = new List<PopulationSubject>();

        using var reader = PopulationReader.Open(new MemoryStream(file));
        var error = Assert.Throws<InvalidDataException>(() => read.AddRange(reader.ReadAll()));

        Assert.Contains("record 2 of 3", error.Message);
        Assert.Contains("checksum", error.Message);
        Assert.Equal(["subject-0"], read.Select(s => s.SubjectId));
    }

    [Fact]
    public void BytesAfterTheEndAreRefused()
    {
        byte[] file = [.. Write(Header, Subjects()), 0];

        var error = Assert.Throws<InvalidDataException>(() => ReadAll(file, out _));

        Assert.Contains("after its end marker", error.Message);
    }

    [Fact]
    public void TheWriterRefusesWhatTheFileCannotHold()
    {
        using var writer = PopulationWriter.Create(new MemoryStream(), Header with { SubjectCount = 1 });

        Assert.Throws<ArgumentException>(() => writer.Write(new PopulationSubject("x", [], [1f, 2f])));
        Assert.Throws<ArgumentException>(() => writer.Write(new PopulationSubject("", [], null)));
        Assert.Throws<ArgumentException>(() => writer.Write(new PopulationSubject("x", [new PopulationFinger(11, [1])], null)));
        Assert.Throws<ArgumentException>(() => writer.Write(new PopulationSubject("x", [new PopulationFinger(1, [1]), new PopulationFinger(1, [1])], null)));
        writer.Write(new PopulationSubject("x", [], null));
        Assert.Throws<InvalidOperationException>(() => writer.Write(new PopulationSubject("y", [], null)));
    }

    [Fact]
    public void AStreamThatIsNoPopulationFileIsRefused()
    {
        var error = Assert.Throws<InvalidDataException>(() => PopulationReader.Open(new MemoryStream("FMR\0 20\0"u8.ToArray())));

        Assert.Contains("MPOP", error.Message);
    }

    private static List<PopulationSubject> Subjects() =>
    [
        new("subject-0", [new PopulationFinger(1, IsoTemplate(5)), new PopulationFinger(7, IsoTemplate(9))], [0.5f, -0.5f, 0.5f, -0.5f]),
        new("subject-1", [new PopulationFinger(10, IsoTemplate(3))], null),
        new("subject-2", [], [1f, 0f, 0f, 0f]),
    ];

    private static byte[] IsoTemplate(int minutiae) =>
        TemplateCodecs.Export(
            new FingerprintTemplate(320, 400, Minutiae(minutiae).Select(p => new Minutia(p.X, p.Y, 1.5f, MinutiaType.Ending, 60)).ToList(), 70),
            TemplateFormat.Iso19794_2_2005);

    private static IEnumerable<(int X, int Y)> Minutiae(int count) => Enumerable.Range(0, count).Select(i => (20 + (i * 25), 30 + (i * 31)));

    private static int HeaderLength()
    {
        var stream = new MemoryStream();
        using (PopulationWriter.Create(stream, Header))
        {
        }
        return stream.ToArray().Length;
    }

    private static byte[] Write(PopulationHeader header, IReadOnlyList<PopulationSubject> subjects)
    {
        var stream = new MemoryStream();
        using (var writer = PopulationWriter.Create(stream, header))
        {
            foreach (var subject in subjects)
            {
                writer.Write(subject);
            }
        }
        return stream.ToArray();
    }

    private static List<PopulationSubject> ReadAll(byte[] file, out PopulationHeader header)
    {
        using var reader = PopulationReader.Open(new MemoryStream(file));
        header = reader.Header;
        return reader.ReadAll().ToList();
    }
}
