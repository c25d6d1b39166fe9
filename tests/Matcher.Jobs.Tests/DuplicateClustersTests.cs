using Matcher.Core.Modalities;
using Matcher.Core.Search;
using Matcher.Core.Subjects;
using Matcher.Jobs.Results;
using Xunit;

namespace Matcher.Jobs.Tests;

public sealed class DuplicateClustersTests
{
    private static DedupPair Pair(string a, string b, double score) =>
        new(new SubjectKey("g", a), new Candidate(new SubjectKey("g", b), score, [new ModalityScore(Modality.Fingerprint, score, [new SampleScore(2, score)])]));

    [Fact]
    public void PairsLinkedThroughASubjectFormOneClusterAndClustersAreNumberedBestPairFirst()
    {
        IReadOnlyList<DedupPair> pairs = [Pair("c", "b", 60), Pair("d", "e", 90), Pair("a", "b", 50), Pair("x", "y", 70)];
        var (clusters, clusterOfPair) = DuplicateClusters.Of(pairs);

        Assert.Equal(3, clusters.Count);
        Assert.Equal((1, "d e", 1, 90.0), (clusters[0].Number, Members(clusters[0]), clusters[0].Pairs, clusters[0].BestScore));
        Assert.Equal((2, "x y"), (clusters[1].Number, Members(clusters[1])));
        Assert.Equal((3, "a b c", 2, 60.0), (clusters[2].Number, Members(clusters[2]), clusters[2].Pairs, clusters[2].BestScore));
        Assert.Equal([3, 1, 3, 2], clusterOfPair);
    }

    private static string Members(DuplicateCluster cluster) => string.Join(" ", cluster.Members.Select(m => m.SubjectId));

    [Fact]
    public void NoPairsMakeNoClusters()
    {
        var (clusters, clusterOfPair) = DuplicateClusters.Of([]);
        Assert.Empty(clusters);
        Assert.Empty(clusterOfPair);
    }
}
