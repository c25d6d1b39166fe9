using Matcher.Core.Search;
using Matcher.Face.Indexing;
using Matcher.Simd;
using Matcher.Testing;
using Xunit;

namespace Matcher.Face.Tests.Indexing;

/// <summary>The face modality index: int8 nomination, exact rescoring, tombstones, memory accounting.</summary>
public sealed class FaceIndexTests
{
    private const int Dimension = 128;

    private static readonly FaceIndexFactory Factory = new(cosine => 100 * Math.Max(0, cosine), blockCapacity: 64);

    [Fact]
    public void NominatesTheNearestFacesAcrossBlocksAndRescoresExactly()
    {
        var faces = Enumerable.Range(0, 150).Select(i => Face(i)).ToArray();
        using var index = Factory.CreateIndex();
        for (var row = 0; row < faces.Length; row++)
        {
            index.Add(row, row % 10 == 9 ? [] : [faces[row]]);
        }
        var probe = Factory.Prepare([faces[123]])!;

        var rows = new HashSet<int>();
        index.Nominate(probe, 1, rows);

        // One nomination per block of 64: the probe's own row wins its block.
        Assert.Equal(3, rows.Count);
        Assert.Contains(123, rows);
        Assert.Equal([new SampleScore(0, 100 * (double)DotProduct.Dot(faces[123].Embedding, faces[123].Embedding))], index.ScoresOf(probe, 123));
        Assert.Empty(index.ScoresOf(probe, 9));
    }

    [Fact]
    public void TheFirstStageAddsTheCalibratedInt8ScoreOfEveryFaceAcrossBlocksAndNothingForRowsWithoutOne()
    {
        var faces = Enumerable.Range(0, 150).Select(i => Face(i)).ToArray();
        using var index = Factory.CreateIndex();
        for (var row = 0; row < faces.Length; row++)
        {
            index.Add(row, row % 10 == 9 ? [] : [faces[row]]);
        }
        index.Remove(7);
        var probe = Factory.Prepare([faces[123]])!;
        var evidence = Enumerable.Repeat(1f, faces.Length + 1).ToArray();

        index.Rank(probe, evidence);

        for (var row = 0; row < faces.Length; row++)
        {
            if (row % 10 == 9 || row == 7)
            {
                Assert.Equal(1f, evidence[row]);
                continue;
            }
            // The int8 cosine is within about 1 % of the exact one; the table's steps are 1/1024 of a cosine.
            var exact = 1 + 100 * Math.Max(0, DotProduct.Dot(faces[123].Embedding, faces[row].Embedding));
            Assert.InRange(evidence[row], exact - 1.5, exact + 1.5);
        }
        Assert.Equal(1f, evidence[^1]);
        Assert.Equal(123, Array.IndexOf(evidence, evidence.Max()));
    }

    [Fact]
    public void RankingManyProbesInOnePassAddsExactlyWhatRankingEachAloneAdds()
    {
        var faces = Enumerable.Range(0, 150).Select(i => Face(i)).ToArray();
        using var index = Factory.CreateIndex();
        for (var row = 0; row < faces.Length; row++)
        {
            index.Add(row, row % 10 == 9 ? [] : [faces[row]]);
        }
        index.Remove(7);
        var probes = new[] { 123, 4, 77 }.Select(i => Factory.Prepare([faces[i]])!).ToArray();
        var alone = probes.Select(_ => new float[faces.Length]).ToArray();
        var together = probes.Select(_ => new float[faces.Length]).ToArray();
        for (var i = 0; i < probes.Length; i++)
        {
            index.Rank(probes[i], alone[i]);
        }

        index.RankMany(probes, together);

        for (var i = 0; i < probes.Length; i++)
        {
            Assert.Equal(alone[i], together[i]);
        }
    }

    [Fact]
    public void ARemovedFaceIsNeitherNominatedNorScoredNorCounted()
    {
        using var index = Factory.CreateIndex();
        index.Add(0, [Face(0)]);
        index.Add(1, [Face(1)]);
        var probe = Factory.Prepare([Face(0)])!;
        var before = index.MemoryBytes;

        index.Remove(0);
        var rows = new HashSet<int>();
        index.Nominate(probe, 5, rows);

        Assert.Equal([1], rows);
        Assert.Empty(index.ScoresOf(probe, 0));
        Assert.Equal(before - Dimension * sizeof(float), index.MemoryBytes);
    }

    [Fact]
    public void AFaceOfAnotherModelIsNeverScored()
    {
        using var index = Factory.CreateIndex();
        index.Add(0, [Face(0)]);

        Assert.Empty(index.ScoresOf(Factory.Prepare([Face(0) with { ModelId = "model-b" }])!, 0));
    }

    [Fact]
    public void AnotherDimensionIsRefusedBeforeAnythingChanges()
    {
        using var index = Factory.CreateIndex();
        index.Add(0, [Face(0)]);

        Assert.Throws<ArgumentException>(() => index.Add(1, [new EnrolledFace("model-a", new float[64], 50)]));
        index.Add(1, [Face(1)]);

        var rows = new HashSet<int>();
        index.Nominate(Factory.Prepare([Face(1)])!, 5, rows);
        Assert.Equal([0, 1], rows.Order());
    }

    /// <summary>A unit vector from a fixed seed per row.</summary>
    /// <summary>A dedup job compares each pair once on the strength of this (Matcher.Gallery's ComparedPairs).</summary>
    [Fact]
    public void TheFirstStageEvidenceOfTwoFacesIsTheSameEitherWayRound()
    {
        var faces = Enumerable.Range(0, 150).Select(i => Face(i)).ToArray();
        var symmetric = new FaceIndexFactory(cosine => 100 * (cosine + 1), blockCapacity: 64);
        using var index = symmetric.CreateIndex();
        for (var row = 0; row < faces.Length; row++)
        {
            index.Add(row, [faces[row]]);
        }
        var evidence = faces.Select(face =>
        {
            var rows = new float[faces.Length];
            index.Rank(symmetric.Prepare([face])!, rows);
            return rows;
        }).ToArray();

        for (var a = 0; a < faces.Length; a++)
        {
            for (var b = a + 1; b < faces.Length; b++)
            {
                Assert.Equal(evidence[a][b], evidence[b][a]);
            }
        }
        Assert.True(evidence.SelectMany(rows => rows).Distinct().Count() > faces.Length, "the evidence must vary for the test to mean anything");
    }

    private static EnrolledFace Face(int seed)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, Dimension).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var norm = (float)Math.Sqrt(values.Sum(v => (double)v * v));
        return new EnrolledFace("model-a", values.Select(v => v / norm).ToArray(), 50);
    }
}
