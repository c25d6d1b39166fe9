using Matcher.Gallery.Search;
using Matcher.Gallery.Subjects;
using Xunit;

namespace Matcher.Gallery.Tests;

public sealed class SubjectIndexTests
{
    private static IReadOnlyList<Candidate> Find(SubjectIndex index, SearchProbe probe, SearchScope scope, int max, double threshold) =>
        index.Search(probe, scope, max, threshold, TestContext.Current.CancellationToken);

    [Fact]
    public void FingerSearchRanksTheMateFirst()
    {
        using var index = new SubjectIndex(GalleryFixtures.Options());
        for (var finger = 101; finger <= 110; finger++)
        {
            index.Add(GalleryFixtures.FingerSubject("g", $"S{finger}", GalleryFixtures.IsoTemplate("DB1_B", finger, 1)));
        }

        var ranksFirst = 0;
        for (var finger = 101; finger <= 110; finger++)
        {
            for (var impression = 2; impression <= 4; impression++)
            {
                var probe = new SearchProbe([(2, GalleryFixtures.IsoTemplate("DB1_B", finger, impression))], null, null);
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
        var template = GalleryFixtures.IsoTemplate("DB1_B", 101, 1);
        index.Add(GalleryFixtures.FingerSubject("g", "S1", template, position: 3));

        var probe = new SearchProbe([(2, template)], null, null);

        Assert.Empty(Find(index, probe, SearchScope.Everything, 5, 0));
    }

    [Fact]
    public void FaceSearchFindsTheExactVectorWithItsScore()
    {
        var random = new Random(5);
        using var index = new SubjectIndex(GalleryFixtures.Options(shards: 3) with { FaceBlockCapacity = 64 });
        var vectors = Enumerable.Range(0, 500).Select(_ => GalleryFixtures.RandomUnitVector(random)).ToArray();
        for (var i = 0; i < vectors.Length; i++)
        {
            index.Add(GalleryFixtures.FaceSubject("g", $"F{i}", vectors[i]));
        }

        var candidates = Find(index, new SearchProbe([], "model-a", vectors[321]), SearchScope.Everything, 3, 0);

        Assert.Equal("F321", candidates[0].Key.SubjectId);
        Assert.Equal(100, candidates[0].FaceScore!.Value, 3);
        Assert.Null(candidates[0].FingerprintScore);
    }

    [Fact]
    public void FaceOfAnotherModelIsNeverCompared()
    {
        var vector = GalleryFixtures.RandomUnitVector(new Random(6));
        using var index = new SubjectIndex(GalleryFixtures.Options());
        index.Add(GalleryFixtures.FaceSubject("g", "F", vector));

        Assert.Empty(Find(index, new SearchProbe([], "model-b", vector), SearchScope.Everything, 3, 0));
    }

    [Fact]
    public void FingerAndFaceEvidenceFuse()
    {
        var vector = GalleryFixtures.RandomUnitVector(new Random(7));
        var template = GalleryFixtures.IsoTemplate("DB1_B", 102, 1);
        using var index = new SubjectIndex(GalleryFixtures.Options());
        index.Add(new SubjectRecord(new SubjectKey("g", "both"), [new EnrolledFinger(2, template, 50)],
            new EnrolledFace("model-a", vector, 50), DateTimeOffset.UnixEpoch));

        var candidate = Find(index, new SearchProbe([(2, GalleryFixtures.IsoTemplate("DB1_B", 102, 2))], "model-a", vector),
            SearchScope.Everything, 1, 0).Single();

        Assert.NotNull(candidate.FaceScore);
        Assert.NotNull(candidate.FingerprintScore);
        Assert.True(candidate.Score > candidate.FaceScore);
        Assert.True(candidate.Score > candidate.FingerprintScore);
    }

    [Fact]
    public void ThresholdAndScopeRestrictResults()
    {
        var random = new Random(8);
        var vector = GalleryFixtures.RandomUnitVector(random);
        using var index = new SubjectIndex(GalleryFixtures.Options());
        index.Add(GalleryFixtures.FaceSubject("citizens", "A", vector));
        index.Add(GalleryFixtures.FaceSubject("watchlist", "B", vector));
        index.Add(GalleryFixtures.FaceSubject("citizens", "C", GalleryFixtures.RandomUnitVector(random)));
        var probe = new SearchProbe([], "model-a", vector);

        Assert.Equal(["A"], Find(index, probe, new SearchScope(Galleries: new HashSet<string> { "citizens" }), 10, 50).Select(c => c.Key.SubjectId));
        Assert.Equal(["B"], Find(index, probe, new SearchScope(SubjectIds: new HashSet<string> { "B" }), 10, 0).Select(c => c.Key.SubjectId));
        Assert.Equal(2, Find(index, probe, SearchScope.Everything, 10, 50).Count);
        Assert.Equal(2, index.CountIn("citizens"));
    }

    [Fact]
    public void DeletedSubjectsDisappearAndCompactionKeepsTheRest()
    {
        var random = new Random(9);
        using var index = new SubjectIndex(GalleryFixtures.Options(shards: 1) with { FaceBlockCapacity = 64 });
        var vectors = Enumerable.Range(0, 200).Select(_ => GalleryFixtures.RandomUnitVector(random)).ToArray();
        for (var i = 0; i < vectors.Length; i++)
        {
            index.Add(GalleryFixtures.FaceSubject("g", $"F{i}", vectors[i]));
        }
        for (var i = 0; i < 150; i++)
        {
            Assert.True(index.Remove(new SubjectKey("g", $"F{i}")));
        }
        Assert.False(index.Remove(new SubjectKey("g", "F0")));

        Assert.Empty(Find(index, new SearchProbe([], "model-a", vectors[10]), SearchScope.Everything, 1, 90));
        Assert.Equal("F180", Find(index, new SearchProbe([], "model-a", vectors[180]), SearchScope.Everything, 1, 90).Single().Key.SubjectId);
        Assert.Equal(50, index.Count);
        Assert.Equal(50, index.FaceCount);
        Assert.Equal(0, index.FingerCount);
        Assert.Null(index.Get(new SubjectKey("g", "F5")));
        Assert.NotNull(index.Get(new SubjectKey("g", "F199")));
    }

    [Fact]
    public void ConcurrentAddsAndSearchesStayConsistent()
    {
        using var index = new SubjectIndex(GalleryFixtures.Options(shards: 4) with { FaceBlockCapacity = 64 });
        var vectors = Enumerable.Range(0, 400).Select(i => GalleryFixtures.RandomUnitVector(new Random(1000 + i), 128)).ToArray();

        Parallel.For(0, vectors.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            index.Add(GalleryFixtures.FaceSubject("g", $"F{i}", vectors[i]));
            var found = Find(index, new SearchProbe([], "model-a", vectors[i]), SearchScope.Everything, 1, 0);
            Assert.Equal($"F{i}", found[0].Key.SubjectId);
        });

        Assert.Equal(400, index.Count);
    }
}
