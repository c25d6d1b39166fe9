using Matcher.Core.Modalities;
using Matcher.Core.Search;
using Matcher.Core.Subjects;
using Matcher.Face.Indexing;
using Matcher.Fingerprint.Indexing;
using Matcher.Fingerprint.Templates;
using Matcher.Gallery.Search;
using Matcher.Testing;
using Xunit;

namespace Matcher.Gallery.Tests;

public sealed class SubjectIndexTests
{
    private static IReadOnlyList<Candidate> Find(SubjectIndex index, IReadOnlyList<EnrolledSample> probe, SearchScope scope, int max, double threshold) =>
        index.Search(index.Prepare(probe), scope, max, threshold, TestContext.Current.CancellationToken);

    private static EnrolledSample[] FingerProbe(int position, FingerprintTemplate template) => [new EnrolledFinger(position, template, 0)];

    private static EnrolledSample[] FaceProbe(float[] embedding, string modelId = "model-a") => [new EnrolledFace(modelId, embedding, 0)];

    [Fact]
    public void FingerSearchRanksTheMateFirst()
    {
        using var index = new SubjectIndex(GalleryFixtures.Options());
        for (var finger = 101; finger <= 110; finger++)
        {
            index.Add(GalleryFixtures.FingerSubject("g", $"S{finger}", TestSamples.IsoTemplate("DB1_B", finger, 1)));
        }

        var ranksFirst = 0;
        for (var finger = 101; finger <= 110; finger++)
        {
            for (var impression = 2; impression <= 4; impression++)
            {
                var probe = FingerProbe(2, TestSamples.IsoTemplate("DB1_B", finger, impression));
                var candidates = Find(index, probe, SearchScope.Everything, 5, 0);
                if (candidates.Count > 0 && candidates[0].Key.SubjectId == $"S{finger}")
                {
                    ranksFirst++;
                }
            }
        }
        Assert.True(ranksFirst >= 27, $"mate ranked first for {ranksFirst} of 30 probes");
    }

    [Fact]
    public void FingersAreComparedOnlyAtTheSamePosition()
    {
        using var index = new SubjectIndex(GalleryFixtures.Options());
        var template = TestSamples.IsoTemplate("DB1_B", 101, 1);
        index.Add(GalleryFixtures.FingerSubject("g", "S1", template, position: 3));

        var probe = FingerProbe(2, template);

        Assert.Empty(Find(index, probe, SearchScope.Everything, 5, 0));
    }

    [Fact]
    public void FaceSearchFindsTheExactVectorWithItsScore()
    {
        var random = new Random(5);
        using var index = new SubjectIndex(GalleryFixtures.Options(shards: 3, faceBlockCapacity: 64));
        var vectors = Enumerable.Range(0, 500).Select(_ => TestSamples.UnitVector(random)).ToArray();
        for (var i = 0; i < vectors.Length; i++)
        {
            index.Add(GalleryFixtures.FaceSubject("g", $"F{i}", vectors[i]));
        }

        var candidates = Find(index, FaceProbe(vectors[321]), SearchScope.Everything, 3, 0);

        Assert.Equal("F321", candidates[0].Key.SubjectId);
        Assert.Equal(100, candidates[0].Of(Modality.Face)!.Score, 3);
        Assert.Null(candidates[0].Of(Modality.Fingerprint));
    }

    [Fact]
    public void FaceOfAnotherModelIsNeverCompared()
    {
        var vector = TestSamples.UnitVector(new Random(6));
        using var index = new SubjectIndex(GalleryFixtures.Options());
        index.Add(GalleryFixtures.FaceSubject("g", "F", vector));

        Assert.Empty(Find(index, FaceProbe(vector, "model-b"), SearchScope.Everything, 3, 0));
    }

    [Fact]
    public void FingerAndFaceEvidenceFuse()
    {
        var vector = TestSamples.UnitVector(new Random(7));
        var template = TestSamples.IsoTemplate("DB1_B", 102, 1);
        using var index = new SubjectIndex(GalleryFixtures.Options());
        index.Add(new SubjectRecord(new SubjectKey("g", "both"),
            [new EnrolledFinger(2, template, 50), new EnrolledFace("model-a", vector, 50)], DateTimeOffset.UnixEpoch));

        var candidate = Find(index, [new EnrolledFinger(2, TestSamples.IsoTemplate("DB1_B", 102, 2), 0), new EnrolledFace("model-a", vector, 0)],
            SearchScope.Everything, 1, 0).Single();

        var face = Assert.IsType<ModalityScore>(candidate.Of(Modality.Face));
        var fingerprint = Assert.IsType<ModalityScore>(candidate.Of(Modality.Fingerprint));
        Assert.True(candidate.Score > face.Score);
        Assert.True(candidate.Score > fingerprint.Score);
    }

    [Fact]
    public void ThresholdAndScopeRestrictResults()
    {
        var random = new Random(8);
        var vector = TestSamples.UnitVector(random);
        using var index = new SubjectIndex(GalleryFixtures.Options());
        index.Add(GalleryFixtures.FaceSubject("citizens", "A", vector));
        index.Add(GalleryFixtures.FaceSubject("watchlist", "B", vector));
        index.Add(GalleryFixtures.FaceSubject("citizens", "C", TestSamples.UnitVector(random)));
        var probe = FaceProbe(vector);

        Assert.Equal(["A"], Find(index, probe, new SearchScope(Galleries: new HashSet<string> { "citizens" }), 10, 50).Select(c => c.Key.SubjectId));
        Assert.Equal(["B"], Find(index, probe, new SearchScope(SubjectIds: new HashSet<string> { "B" }), 10, 0).Select(c => c.Key.SubjectId));
        Assert.Equal(2, Find(index, probe, SearchScope.Everything, 10, 50).Count);
        Assert.Equal(2, index.CountIn("citizens"));
    }

    [Fact]
    public void DeletedSubjectsDisappearAndCompactionKeepsTheRest()
    {
        var random = new Random(9);
        using var index = new SubjectIndex(GalleryFixtures.Options(shards: 1, faceBlockCapacity: 64));
        var vectors = Enumerable.Range(0, 200).Select(_ => TestSamples.UnitVector(random)).ToArray();
        for (var i = 0; i < vectors.Length; i++)
        {
            index.Add(GalleryFixtures.FaceSubject("g", $"F{i}", vectors[i]));
        }
        for (var i = 0; i < 150; i++)
        {
            Assert.True(index.Remove(new SubjectKey("g", $"F{i}")));
        }
        Assert.False(index.Remove(new SubjectKey("g", "F0")));

        Assert.Empty(Find(index, FaceProbe(vectors[10]), SearchScope.Everything, 1, 90));
        Assert.Equal("F180", Find(index, FaceProbe(vectors[180]), SearchScope.Everything, 1, 90).Single().Key.SubjectId);
        Assert.Equal(50, index.Count);
        Assert.Equal(50, index.SampleCount(Modality.Face));
        Assert.Equal(0, index.SampleCount(Modality.Fingerprint));
        Assert.Null(index.Get(new SubjectKey("g", "F5")));
        Assert.NotNull(index.Get(new SubjectKey("g", "F199")));
    }

    [Fact]
    public void ConcurrentAddsAndSearchesStayConsistent()
    {
        using var index = new SubjectIndex(GalleryFixtures.Options(shards: 4, faceBlockCapacity: 64));
        var vectors = Enumerable.Range(0, 400).Select(i => TestSamples.UnitVector(new Random(1000 + i), 128)).ToArray();

        Parallel.For(0, vectors.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            index.Add(GalleryFixtures.FaceSubject("g", $"F{i}", vectors[i]));
            var found = Find(index, FaceProbe(vectors[i]), SearchScope.Everything, 1, 0);
            Assert.Equal($"F{i}", found[0].Key.SubjectId);
        });

        Assert.Equal(400, index.Count);
    }

    [Fact]
    public void ARefusedSubjectLeavesTheShardConsistent()
    {
        var template = TestSamples.IsoTemplate("DB1_B", 101, 1);
        var vector = TestSamples.UnitVector(new Random(10), 128);
        using var index = new SubjectIndex(GalleryFixtures.Options(shards: 1));
        index.Add(GalleryFixtures.FaceSubject("g", "A", vector));

        // The finger would be indexed before the face of another dimension is refused.
        Assert.Throws<ArgumentException>(() => index.Add(new SubjectRecord(new SubjectKey("g", "B"),
            [new EnrolledFinger(2, template, 50), new EnrolledFace("model-a", new float[64], 50)], DateTimeOffset.UnixEpoch)));
        index.Add(GalleryFixtures.FingerSubject("g", "C", template));

        Assert.Null(index.Get(new SubjectKey("g", "B")));
        Assert.Equal(2, index.Count);
        Assert.Equal(1, index.SampleCount(Modality.Fingerprint));
        Assert.Equal(["C"], Find(index, FingerProbe(2, template), SearchScope.Everything, 5, 0).Select(c => c.Key.SubjectId));
        Assert.Equal(["A"], Find(index, FaceProbe(vector), SearchScope.Everything, 5, 0).Select(c => c.Key.SubjectId));
    }

    [Fact]
    public void SamplesOfAModalityTheGalleryDoesNotHoldAreRefused()
    {
        using var index = new SubjectIndex(GalleryFixtures.Options() with { Modalities = [new FingerprintIndexFactory()] });
        var vector = TestSamples.UnitVector(new Random(11), 128);

        Assert.Throws<ArgumentException>(() => index.Add(GalleryFixtures.FaceSubject("g", "A", vector)));
        Assert.Throws<ArgumentException>(() => index.Prepare(FaceProbe(vector)));
        Assert.Equal(0, index.Count);
    }
}
