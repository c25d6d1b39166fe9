using Matcher.Core.Search;
using Matcher.Fingerprint.Descriptors;
using Matcher.Fingerprint.Indexing;
using Matcher.Fingerprint.Matching;
using Matcher.Fingerprint.Tests.Matching;
using Matcher.Testing;
using Xunit;

namespace Matcher.Fingerprint.Tests.Indexing;

/// <summary>The fingerprint modality index: position by position, with rows that hold no finger and removed rows.</summary>
public sealed class FingerprintIndexTests
{
    private static readonly FingerprintIndexFactory Factory = new();

    [Fact]
    public void EachProbeFingerIsScoredOnlyAgainstTheRowsFingerAtItsPosition()
    {
        var database = IsoDatabase.Open("DB1_B");
        using var index = Factory.CreateIndex();
        index.Add(0, [new EnrolledFinger(2, database.Templates[0], 50), new EnrolledFinger(7, database.Templates[8], 50)]);
        index.Add(1, []);
        index.Add(2, [new EnrolledFinger(3, database.Templates[16], 50)]);
        var probe = Factory.Prepare([new EnrolledFinger(7, database.Templates[9], 0), new EnrolledFinger(2, database.Templates[1], 0)])!;

        // In position order, whatever order the probe's fingers came in.
        var expected = new SampleScore[]
        {
            new(2, FingerprintMatcher.Compare(database.Probes[1], database.Candidates[0])),
            new(7, FingerprintMatcher.Compare(database.Probes[9], database.Candidates[8])),
        };
        Assert.Equal(expected, index.ScoresOf(probe, 0));
        Assert.Empty(index.ScoresOf(probe, 1));
        Assert.Empty(index.ScoresOf(probe, 2));
    }

    /// <summary>
    /// The leading fingers are the first two positions probe and row both hold, index fingers, then thumbs, middle,
    /// ring and little fingers; the rest are the others both hold. Together they are the whole comparison, and the
    /// split is the same with probe and row swapped, so a dedup job's pair is staged alike from either side.
    /// </summary>
    [Fact]
    public void LeadingFingersAreTheFirstSharedPositionsInLeadOrderAndTheRestCompletesTheWhole()
    {
        var database = IsoDatabase.Open("DB1_B");
        var first = new[] { 1, 3, 6, 7, 9 }.Select((position, i) => new EnrolledFinger(position, database.Templates[i * 8], 50)).ToArray();
        var second = new[] { 1, 2, 3, 6, 9 }.Select((position, i) => new EnrolledFinger(position, database.Templates[i * 8 + 1], 50)).ToArray();
        using var index = Factory.CreateIndex();
        index.Add(0, first);
        index.Add(1, second);

        // Shared: 1, 3, 6, 9. Neither index finger is shared, so the thumbs (1 and 6) lead.
        foreach (var (probeFingers, row) in new[] { (second, 0), (first, 1) })
        {
            var probe = Factory.Prepare(probeFingers)!;
            var whole = index.ScoresOf(probe, row);
            var leading = index.ScoresOf(probe, row, Core.Modalities.ProbePart.Leading);
            var rest = index.ScoresOf(probe, row, Core.Modalities.ProbePart.Rest);
            Assert.Equal([1, 3, 6, 9], whole.Select(s => s.Position));
            Assert.Equal([1, 6], leading.Select(s => s.Position));
            Assert.Equal([3, 9], rest.Select(s => s.Position));
            Assert.Equal(whole, leading.Concat(rest).OrderBy(s => s.Position));
        }
        var leadingOneWay = index.ScoresOf(Factory.Prepare(second)!, 0, Core.Modalities.ProbePart.Leading);
        var leadingOtherWay = index.ScoresOf(Factory.Prepare(first)!, 1, Core.Modalities.ProbePart.Leading);
        Assert.Equal(leadingOneWay, leadingOtherWay);
    }

    /// <summary>A dedup job compares each pair once on the strength of this (Matcher.Gallery's ComparedPairs).</summary>
    [Fact]
    public void TheFirstStageEvidenceOfTwoSubjectsIsTheSameEitherWayRound()
    {
        var database = IsoDatabase.Open("DB1_B");
        // Subjects of two or three fingers at overlapping positions, so some positions meet an empty column.
        var subjects = Enumerable.Range(0, 40)
            .Select(s => (IReadOnlyList<Core.Subjects.EnrolledSample>)Enumerable.Range(0, 2 + s % 2)
                .Select(f => new EnrolledFinger(1 + (s + f) % 4, database.Templates[(s * 3 + f) % database.Templates.Count], 50))
                .ToList())
            .ToArray();
        using var index = Factory.CreateIndex();
        for (var row = 0; row < subjects.Length; row++)
        {
            index.Add(row, subjects[row]);
        }
        var evidence = subjects.Select(subject =>
        {
            var rows = new float[subjects.Length];
            index.Rank(Factory.Prepare(subject)!, rows);
            return rows;
        }).ToArray();

        for (var a = 0; a < subjects.Length; a++)
        {
            for (var b = a + 1; b < subjects.Length; b++)
            {
                Assert.Equal(evidence[a][b], evidence[b][a]);
            }
        }
        Assert.True(evidence.SelectMany(rows => rows).Count(e => e > 0) > subjects.Length, "the evidence must vary for the test to mean anything");
    }

    [Fact]
    public void TheFirstStageAddsEachProbeFingersScoreAgainstTheRowsFingerAtItsPositionAndNothingForAbsentOrRemovedRows()
    {
        var database = IsoDatabase.Open("DB1_B");
        using var index = Factory.CreateIndex();
        // More rows than one descriptor chunk holds, so the scan crosses a chunk boundary.
        const int rows = 4100;
        for (var row = 0; row < rows; row++)
        {
            index.Add(row, row % 3 == 1 ? [] : [new EnrolledFinger(row % 2 == 0 ? 2 : 7, database.Templates[row % 80], 50)]);
        }
        index.Remove(4);
        var probeTemplates = new[] { database.Templates[9], database.Templates[17] };
        var probe = Factory.Prepare([new EnrolledFinger(2, probeTemplates[0], 0), new EnrolledFinger(7, probeTemplates[1], 0)])!;
        var evidence = new float[rows + 1];
        evidence[rows] = 99;

        index.Rank(probe, evidence);

        for (var row = 0; row < rows; row++)
        {
            var probeTemplate = probeTemplates[row % 2];
            var expected = row % 3 == 1 || row == 4
                ? 0
                : FirstStageScan.Scores.ScoreOf((float)DescriptorBackground.Default.Similarity(
                    FingerDescriptor.Of(probeTemplate), FingerDescriptor.Of(database.Templates[row % 80])));
            Assert.Equal(expected, evidence[row]);
        }
        Assert.Equal(99, evidence[rows]);
        // Row 8 holds another impression of the probe finger at position 2 (templates 8-15 are one finger), row 2 another finger.
        Assert.True(evidence[8] > evidence[2] + 10, $"mate {evidence[8]:0.0}, other finger {evidence[2]:0.0}");
    }

    [Fact]
    public void RankingManyProbesInOnePassAddsExactlyWhatRankingEachAloneAdds()
    {
        var database = IsoDatabase.Open("DB1_B");
        using var index = Factory.CreateIndex();
        const int rows = 4200;
        for (var row = 0; row < rows; row++)
        {
            index.Add(row, row % 5 == 3 ? [] : [
                new EnrolledFinger(1 + row % 3, database.Templates[row % 80], 50),
                new EnrolledFinger(7, database.Templates[(row * 7 + 3) % 80], 50)]);
        }
        index.Remove(11);
        // Probes with different finger sets, given in other orders than by position.
        var probes = new[]
        {
            Factory.Prepare([new EnrolledFinger(7, database.Templates[3], 0), new EnrolledFinger(1, database.Templates[40], 0)])!,
            Factory.Prepare([new EnrolledFinger(2, database.Templates[21], 0)])!,
            Factory.Prepare([new EnrolledFinger(3, database.Templates[66], 0), new EnrolledFinger(2, database.Templates[9], 0), new EnrolledFinger(7, database.Templates[50], 0)])!,
        };
        var alone = probes.Select(_ => new float[rows]).ToArray();
        var together = probes.Select(_ => new float[rows]).ToArray();
        for (var i = 0; i < probes.Length; i++)
        {
            index.Rank(probes[i], alone[i]);
        }

        index.RankMany(probes, together);

        for (var i = 0; i < probes.Length; i++)
        {
            Assert.Equal(alone[i], together[i]);
        }
        Assert.Contains(together[2], value => value > 0);
    }

    [Fact]
    public void RemovedRowsWidenTheShortlistSoLiveRowsAreNotCrowdedOut()
    {
        var database = IsoDatabase.Open("DB1_B");
        using var index = Factory.CreateIndex();
        for (var row = 0; row < 4; row++)
        {
            index.Add(row, [new EnrolledFinger(2, database.Templates[row], 50)]);
        }
        var probe = Factory.Prepare([new EnrolledFinger(2, database.Templates[0], 0)])!;
        var before = new HashSet<int>();
        index.Nominate(probe, 1, before);

        index.Remove(0);
        var after = new HashSet<int>();
        index.Nominate(probe, 1, after);

        Assert.Equal([0], before);
        Assert.Equal(2, after.Count);
        Assert.Contains(0, after);
    }

    [Fact]
    public void APositionOutsideIsoIsRefusedBeforeAnythingChanges()
    {
        var template = IsoDatabase.Open("DB1_B").Templates[0];
        using var index = Factory.CreateIndex();

        Assert.Throws<ArgumentException>(() => index.Add(0, [new EnrolledFinger(2, template, 50), new EnrolledFinger(11, template, 50)]));
        index.Add(0, [new EnrolledFinger(2, template, 50)]);

        var rows = new HashSet<int>();
        index.Nominate(Factory.Prepare([new EnrolledFinger(2, template, 0)])!, 10, rows);
        Assert.Equal([0], rows);
    }

    [Fact]
    public void AProbeNamesEachPositionOnce()
    {
        var template = IsoDatabase.Open("DB1_B").Templates[0];

        Assert.Null(Factory.Prepare([]));
        Assert.Throws<ArgumentException>(() => Factory.Prepare([new EnrolledFinger(2, template, 0), new EnrolledFinger(2, template, 0)]));
    }
}
