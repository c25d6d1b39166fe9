using Matcher.Population.Files;
using Xunit;

namespace Matcher.Population.Tests;

public sealed class GenerationDeterminismTests
{
    [Fact]
    public void AFileIsTheSameBytesForTheSameSeedOnAnyNumberOfThreads()
    {
        var oneThread = Write(seed: 11, subjects: 300, threads: 1);
        var twoThreads = Write(seed: 11, subjects: 300, threads: 2);
        var otherSeed = Write(seed: 12, subjects: 300, threads: 2);

        Assert.Equal(oneThread, twoThreads);
        Assert.NotEqual(oneThread, otherSeed);
    }

    [Fact]
    public void TheFileHoldsTheGeneratorsSubjectsInOrder()
    {
        var generator = PopulationGenerator.Create(seed: 5);
        var file = Write(seed: 5, subjects: 40, threads: 2);

        using var reader = PopulationReader.Open(new MemoryStream(file));
        var subjects = reader.ReadAll().ToList();

        Assert.Equal(new PopulationHeader(5, 40, Faces.DefaultFaceModel.Id, 512), reader.Header);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => PopulationGenerator.SubjectIdOf(i)), subjects.Select(s => s.SubjectId));
        var expected = generator.Generate(17).ToPopulationSubject();
        Assert.Equal(expected.Fingers.Select(f => f.IsoTemplate), subjects[17].Fingers.Select(f => f.IsoTemplate));
        Assert.Equal(expected.FaceEmbedding, subjects[17].FaceEmbedding);
        Assert.All(subjects, s => Assert.Equal(1.0, Math.Sqrt(s.FaceEmbedding!.Sum(v => (double)v * v)), precision: 4));
    }

    private static byte[] Write(ulong seed, int subjects, int threads)
    {
        var stream = new MemoryStream();
        PopulationGenerator.Create(seed).WriteFile(stream, subjects, threads);
        return stream.ToArray();
    }
}
