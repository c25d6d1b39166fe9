using Matcher.Simd.Scan;
using Xunit;

namespace Matcher.Simd.Tests.Scan;

public sealed class TopKSelectorTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 5000)]
    [InlineData(10, 7)]
    [InlineData(10, 5000)]
    [InlineData(1000, 999)]
    [InlineData(1000, 20_000)]
    public void Keeps_exactly_what_a_full_sort_keeps_including_ties(int k, int candidates)
    {
        var random = new Random(8301 + k + candidates);
        // Few distinct scores, so ties are frequent and the row tie-break is exercised.
        var scored = Enumerable.Range(0, candidates).Select(row => new ScoredRow(row, random.Next(50) / 7f)).ToArray();
        var shuffled = scored.OrderBy(_ => random.Next()).ToArray();

        var selector = new TopKSelector(k);
        foreach (var candidate in shuffled)
        {
            selector.Offer(candidate.Row, candidate.Score);
        }

        var expected = scored.OrderByDescending(s => s.Score).ThenBy(s => s.Row).Take(k).ToArray();
        Assert.Equal(expected, selector.ToSortedArray());
    }

    [Fact]
    public void Merging_per_thread_selectors_equals_one_selector_over_everything()
    {
        var random = new Random(8302);
        var whole = new TopKSelector(25);
        var parts = new[] { new TopKSelector(25), new TopKSelector(25), new TopKSelector(25) };
        for (var row = 0; row < 3000; row++)
        {
            var score = (float)random.NextDouble();
            whole.Offer(row, score);
            parts[row % 3].Offer(row, score);
        }

        var merged = new TopKSelector(25);
        foreach (var part in parts)
        {
            merged.OfferAll(part);
        }
        Assert.Equal(whole.ToSortedArray(), merged.ToSortedArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(TopKSelector.MaxK + 1)]
    public void Rejects_an_unreasonable_k(int k)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TopKSelector(k));
    }
}
