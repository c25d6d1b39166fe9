using Matcher.Core.Search;
using Matcher.Core.Subjects;
using Matcher.Gallery.Search;
using Xunit;

namespace Matcher.Gallery.Tests.Equivalence;

/// <summary>
/// A self-dedup that compares each unordered pair once (<see cref="ComparedPairs"/>) on real mates among synthetic
/// subjects: searched in blocks, every pair any plain search compared is still compared (from one side, with the same
/// score), and fewer comparisons are made.
/// </summary>
public sealed class PairsOnceTests(PaddedGallery gallery) : IClassFixture<PaddedGallery>
{
    private const int Block = 16;

    [Fact]
    public void Every_pair_a_plain_dedup_compares_is_compared_once_with_the_same_score()
    {
        var (index, _) = gallery.Require();
        // Every real person and as many synthetic subjects, in the ordinal order a job searches them.
        var members = index.RecordsIn("population")
            .OrderBy(r => r.Key.SubjectId.StartsWith("synthetic-", StringComparison.Ordinal))
            .ThenBy(r => r.Key.SubjectId, StringComparer.Ordinal)
            .Take(480)
            .OrderBy(r => r.Key.SubjectId, StringComparer.Ordinal)
            .ToList();
        // Threshold 0 and no cut: every row a search compares comes back, so the candidates are the comparisons.
        const double everything = 0;
        const int noCut = 10_000;
        var plainEffort = new SearchEffort();
        var onceEffort = new SearchEffort();
        var ledger = new ComparedPairs();
        var plain = new Dictionary<(SubjectKey, SubjectKey), double>();
        var once = new Dictionary<(SubjectKey, SubjectKey), double>();
        var scope = new SearchScope(Galleries: new HashSet<string> { "population" });
        foreach (var block in members.Chunk(Block))
        {
            var probes = block.Select(r => index.Prepare(r.Samples)).ToList();
            var keys = block.Select(r => r.Key).ToList();
            Collect(plain, keys, index.SearchMany(probes, scope, noCut, everything, plainEffort, TestContext.Current.CancellationToken));
            Collect(once, keys, index.SearchManyComparingPairsOnce(probes, keys, "population", ledger, noCut, everything, onceEffort,
                TestContext.Current.CancellationToken));
        }

        Assert.Equal(plain.Count, once.Count);
        Assert.All(plain, pair => Assert.Equal(pair.Value, once[pair.Key]));
        Assert.Equal(members.Count, ledger.Count);
        // Only pairs of two searched subjects can be skipped, a sixth of the gallery here: a whole job saves more.
        Assert.True(onceEffort.Comparisons < plainEffort.Comparisons,
            $"{onceEffort.Comparisons} comparisons with the ledger against {plainEffort.Comparisons} without");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{members.Count} subjects: {plain.Count} pairs; {plainEffort.Comparisons} comparisons plain, {onceEffort.Comparisons} once");
    }

    /// <summary>Each unordered pair of a searched subject and another, with the score; a pair seen twice must score alike.</summary>
    private static void Collect(Dictionary<(SubjectKey, SubjectKey), double> pairs, IReadOnlyList<SubjectKey> searched,
        IReadOnlyList<IReadOnlyList<Candidate>> found)
    {
        for (var i = 0; i < searched.Count; i++)
        {
            foreach (var candidate in found[i].Where(c => c.Key != searched[i]))
            {
                var key = string.CompareOrdinal(searched[i].SubjectId, candidate.Key.SubjectId) < 0 ? (searched[i], candidate.Key) : (candidate.Key, searched[i]);
                if (pairs.TryGetValue(key, out var seen))
                {
                    Assert.Equal(seen, candidate.Score);
                }
                pairs[key] = candidate.Score;
            }
        }
    }
}
