using Matcher.Core.Scoring;
using Matcher.Gallery.Search;
using Xunit;

namespace Matcher.Gallery.Tests.Equivalence;

/// <summary>
/// The cascade on real mates hidden among synthetic subjects (<see cref="PaddedGallery"/>): with a list of one percent
/// of each shard it finds every real mate of a multi-finger probe, and above the FPIR 1 % threshold its candidates are
/// exactly those of exhaustive search, with the same scores.
/// </summary>
public sealed class PaddedCascadeTests(PaddedGallery gallery) : IClassFixture<PaddedGallery>
{
    [Fact]
    public void Every_planted_real_mate_of_a_multi_finger_probe_is_found_with_a_one_percent_list()
    {
        var (index, people) = gallery.Require();
        var threshold = DecisionThreshold.ForIdentification(0.01, index.Count);
        var missed = new List<string>();
        var searches = 0;
        foreach (var person in people.Where(p => p.Planted))
        {
            foreach (var probe in person.Probes)
            {
                var found = index.Search(index.Prepare(probe), SearchScope.Everything, 10, threshold, TestContext.Current.CancellationToken);
                searches++;
                if (found.FirstOrDefault()?.Key != person.Record.Key)
                {
                    missed.Add($"{person.Record.Key.SubjectId} ({probe.Count} fingers)");
                }
            }
        }

        Assert.True(searches >= 100, $"only {searches} mated searches");
        // The exhaustive reference misses a few of these too (poor impressions); the next test compares the two.
        Assert.True(missed.Count <= searches / 50, $"{missed.Count} of {searches} mates not found first: {string.Join(", ", missed)}");
        TestContext.Current.TestOutputHelper?.WriteLine($"{searches - missed.Count} of {searches} real mates found first among {index.Count} subjects");
    }

    /// <summary>
    /// The staged comparison (GalleryOptions.ContinuationScore) is what lets the test above hold while comparing less:
    /// most listed subjects are impostors, and most of them stop after their leading fingers.
    /// </summary>
    [Fact]
    public void Most_listed_subjects_of_a_multi_finger_search_stop_after_their_leading_fingers()
    {
        var (index, people) = gallery.Require();
        var threshold = DecisionThreshold.ForIdentification(0.01, index.Count);
        var effort = new SearchEffort();
        foreach (var probe in people.Where(p => p.Planted).Select(p => p.Probes[0]).Where(p => p.Count >= 4))
        {
            index.Search(index.Prepare(probe), SearchScope.Everything, 10, threshold, effort, TestContext.Current.CancellationToken);
        }

        Assert.True(effort.Comparisons >= 100, $"only {effort.Comparisons} listed subjects compared");
        var share = (double)effort.StoppedEarly / effort.Comparisons;
        Assert.True(share >= 0.6, $"only {effort.StoppedEarly} of {effort.Comparisons} listed subjects stopped after their leading fingers");
        TestContext.Current.TestOutputHelper?.WriteLine($"{effort.StoppedEarly} of {effort.Comparisons} listed subjects ({share:P0}) stopped after their leading fingers");
    }

    [Fact]
    public void Above_the_threshold_the_cascade_returns_exactly_what_exhaustive_search_returns()
    {
        var (index, people) = gallery.Require();
        var threshold = DecisionThreshold.ForIdentification(0.01, index.Count);
        var compared = 0;
        // One probe per person (exhaustive search compares every finger of every subject): planted people and strangers.
        foreach (var person in people)
        {
            var prepared = index.Prepare(person.Probes[0]);
            var cascade = index.Search(prepared, SearchScope.Everything, 100, threshold, TestContext.Current.CancellationToken);
            var exhaustive = index.Search(prepared, SearchScope.Everything, 100, threshold, TestContext.Current.CancellationToken, SearchStrategy.Exhaustive);

            Assert.Equal(exhaustive.Select(c => (c.Key, c.Score)), cascade.Select(c => (c.Key, c.Score)));
            compared += exhaustive.Count;
        }

        Assert.True(compared >= people.Count(p => p.Planted) - 2, $"only {compared} candidates above the threshold: the test would prove little");
    }

    [Fact]
    public void Searching_a_block_of_probes_together_answers_each_exactly_as_searching_it_alone()
    {
        var (index, people) = gallery.Require();
        var threshold = DecisionThreshold.ForIdentification(0.01, index.Count);
        // Ten-finger, two-finger and one-finger probes mixed in one block: their lists differ in length.
        var probes = people.SelectMany(p => p.Probes.Take(2))
            .Select((probe, i) => (IReadOnlyList<Core.Subjects.EnrolledSample>)probe.Take(i % 3 == 0 ? probe.Count : i % 3 == 1 ? 2 : 1).ToList())
            .Take(24)
            .Select(index.Prepare)
            .ToList();
        var effort = new SearchEffort();

        var together = index.SearchMany(probes, SearchScope.Everything, 10, threshold, effort, TestContext.Current.CancellationToken);

        var aloneEffort = new SearchEffort();
        for (var i = 0; i < probes.Count; i++)
        {
            var alone = index.Search(probes[i], SearchScope.Everything, 10, threshold, aloneEffort, TestContext.Current.CancellationToken);
            Assert.Equal(alone.Select(c => (c.Key, c.Score)), together[i].Select(c => (c.Key, c.Score)));
        }
        Assert.Equal(aloneEffort.Comparisons, effort.Comparisons);
        Assert.True(together.Count(c => c.Count > 0) >= probes.Count / 2, "too few probes found anything: the test would prove little");
    }
}
