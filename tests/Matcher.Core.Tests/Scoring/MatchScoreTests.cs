using Matcher.Core.Scoring;
using Xunit;

namespace Matcher.Core.Tests.Scoring;

public sealed class MatchScoreTests
{
    [Theory]
    [InlineData(1e-4, 40)]
    [InlineData(1e-2, 20)]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    public void ScoreIsMinusTenLog10OfFalseMatchRate(double rate, double expected) =>
        Assert.Equal(expected, MatchScore.FromFalseMatchRate(rate), 9);

    [Fact]
    public void ZeroRateIsCappedAtMaximum() => Assert.Equal(MatchScore.Maximum, MatchScore.FromFalseMatchRate(0));

    [Theory]
    [InlineData(0)]
    [InlineData(13.7)]
    [InlineData(40)]
    [InlineData(95)]
    public void RateAndScoreRoundTrip(double score) =>
        Assert.Equal(score, MatchScore.FromFalseMatchRate(MatchScore.ToFalseMatchRate(score)), 9);
}
