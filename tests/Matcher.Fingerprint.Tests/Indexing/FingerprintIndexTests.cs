using Matcher.Core.Search;
using Matcher.Fingerprint.Indexing;
using Matcher.Fingerprint.Matching;
using Matcher.Fingerprint.Tests.Matching;
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

        var expected = new SampleScore[]
        {
            new(7, FingerprintMatcher.Compare(database.Probes[9], database.Candidates[8])),
            new(2, FingerprintMatcher.Compare(database.Probes[1], database.Candidates[0])),
        };
        Assert.Equal(expected, index.Score(probe, 0));
        Assert.Empty(index.Score(probe, 1));
        Assert.Empty(index.Score(probe, 2));
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
