using Matcher.Gallery.Search;
using Xunit;

namespace Matcher.Gallery.Tests.Equivalence;

/// <summary>
/// The sharded, shortlisted search against a brute-force comparison of every subject, on templates and embeddings our
/// engines extract from FVC2002 + FVC2000, CrossMatch, LFW and ORL (see <see cref="RealPopulation"/>), for 1 to 8
/// shards: the same candidates at or above the threshold, in the same order, with bit-identical scores.
/// Why the claim is exact: a shard evaluates the rows its modalities nominate, each modality its best
/// <see cref="GalleryOptions.ShortlistPerModality"/>. With a shortlist at least the number of rows of a shard (here the
/// whole population, decoys included) every row sharing a modality with the probe is nominated, so at threshold 0 the
/// search must return every comparable subject, exactly as brute force. With a short shortlist (8, below the 40 or more
/// rows a shard holds even at 8 shards) the cascade may skip weak subjects; that is allowed only below the threshold, so
/// the test asks for the candidates at or above 30 (FMR 10^-3) and they must all be there. A search naming subjects
/// compares exactly them, whatever the shortlist.
/// </summary>
public sealed class ShardedSearchEquivalenceTests(RealPopulation population) : IClassFixture<RealPopulation>
{
    private const int ShortShortlist = 8;
    private const double ShortShortlistThreshold = 30;

    public static TheoryData<int> ShardCounts { get; } = [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(ShardCounts))]
    public void ExhaustiveShortlistReturnsEveryComparableSubjectWithTheBruteForceScores(int shards)
    {
        var people = population.Require();
        using var index = people.Enroll(shards, shortlist: people.Subjects.Count + people.Decoys.Count);

        var compared = AssertSameAsBruteForce(people, index, SearchScope.Everything, threshold: 0, _ => true);

        Report(people, shards, compared);
    }

    [Theory]
    [MemberData(nameof(ShardCounts))]
    public void ShortShortlistStillReturnsEveryBruteForceCandidateAboveTheThreshold(int shards)
    {
        var people = population.Require();
        Assert.True(people.Subjects.Count / shards > 4 * ShortShortlist, "the shortlist must be well below a shard's size");
        using var index = people.Enroll(shards, ShortShortlist);

        var compared = AssertSameAsBruteForce(people, index, SearchScope.Everything, ShortShortlistThreshold, _ => true);

        Assert.True(compared >= people.Probes.Count * 3 / 4, $"only {compared} candidates at or above the threshold: the test would prove little");
        Report(people, shards, compared);
    }

    [Theory]
    [MemberData(nameof(ShardCounts))]
    public void DeletedSubjectsAreNeverReturnedAndTheOthersKeepTheirScores(int shards)
    {
        var people = population.Require();
        using var index = people.Enroll(shards, shortlist: people.Subjects.Count + people.Decoys.Count, withDeletedDecoys: true);

        var compared = AssertSameAsBruteForce(people, index, SearchScope.Everything, threshold: 0, _ => true);

        Assert.Equal(people.Subjects.Count, index.Count);
        Report(people, shards, compared);
    }

    [Theory]
    [MemberData(nameof(ShardCounts))]
    public void SubjectScopedSearchComparesExactlyTheNamedSubjects(int shards)
    {
        var people = population.Require();
        var named = people.Subjects.Where((_, i) => i % 5 == 0).Select(s => s.Key.SubjectId).Append("never-enrolled")
            .ToHashSet(StringComparer.Ordinal);
        using var index = people.Enroll(shards, shortlist: 1);

        var compared = AssertSameAsBruteForce(people, index, new SearchScope(SubjectIds: named), threshold: 0,
            c => named.Contains(c.Key.SubjectId));

        Report(people, shards, compared);
    }

    /// <summary>
    /// The cascade with a list far shorter than a shard (8 rows of 40 or more): the first stage alone decides which
    /// subjects are compared, and every brute-force candidate at or above FMR 10^-3 must still be among them, with the
    /// same score. With a list as long as a shard it compares every subject and equals brute force at threshold 0.
    /// </summary>
    [Theory]
    [MemberData(nameof(ShardCounts))]
    public void CascadeWithAShortListReturnsEveryBruteForceCandidateAboveTheThreshold(int shards)
    {
        var people = population.Require();
        using var index = people.Enroll(shards, ShortShortlist, strategy: SearchStrategy.Cascade, minimumShortlistPerShard: ShortShortlist);

        var compared = AssertSameAsBruteForce(people, index, SearchScope.Everything, ShortShortlistThreshold, _ => true);

        Assert.True(compared >= people.Probes.Count * 3 / 4, $"only {compared} candidates at or above the threshold: the test would prove little");
        Report(people, shards, compared);
    }

    [Theory]
    [MemberData(nameof(ShardCounts))]
    public void CascadeWithAListAsLongAsAShardEqualsBruteForceAtThresholdZero(int shards)
    {
        var people = population.Require();
        using var index = people.Enroll(shards, ShortShortlist, withDeletedDecoys: true, strategy: SearchStrategy.Cascade,
            minimumShortlistPerShard: people.Subjects.Count + people.Decoys.Count);

        var compared = AssertSameAsBruteForce(people, index, SearchScope.Everything, threshold: 0, _ => true);

        Report(people, shards, compared);
    }

    /// <summary>Searches with every probe; returns how many candidates were compared with brute force's.</summary>
    private static int AssertSameAsBruteForce(Population people, SubjectIndex index, SearchScope scope, double threshold,
        Func<ReferenceCandidate, bool> inScope)
    {
        var compared = 0;
        for (var p = 0; p < people.Probes.Count; p++)
        {
            var expected = people.Reference[p].Where(c => c.Score >= threshold && inScope(c)).Select(c => c.Text).ToList();
            var found = index.Search(index.Prepare(people.Probes[p]), scope, int.MaxValue, threshold, TestContext.Current.CancellationToken);

            Assert.Equal(expected, found.Select(CandidateText.Of).ToList());
            compared += expected.Count;
        }
        return compared;
    }

    private static void Report(Population people, int shards, int compared) =>
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{shards} shard(s): {people.Subjects.Count} subjects, {people.Probes.Count} probes, {compared} candidates compared");
}
