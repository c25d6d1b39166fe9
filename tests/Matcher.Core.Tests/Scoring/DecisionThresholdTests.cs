using Matcher.Core.Scoring;
using Xunit;

namespace Matcher.Core.Tests.Scoring;

public sealed class DecisionThresholdTests
{
    [Fact]
    public void VerificationThresholdIsTheScoreOfTheTargetRate() =>
        Assert.Equal(40, DecisionThreshold.ForVerification(1e-4), 9);

    [Fact]
    public void IdentificationThresholdGrowsTenPointsPerTenfoldGallery()
    {
        var small = DecisionThreshold.ForIdentification(0.01, 1_000);
        var large = DecisionThreshold.ForIdentification(0.01, 10_000);
        Assert.Equal(50, small, 9);
        Assert.Equal(10, large - small, 9);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void RatesOutsideTheOpenUnitIntervalAreRefused(double rate) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DecisionThreshold.ForVerification(rate));
}
