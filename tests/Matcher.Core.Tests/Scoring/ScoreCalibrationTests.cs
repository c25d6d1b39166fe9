using Matcher.Core.Scoring;
using Xunit;

namespace Matcher.Core.Tests.Scoring;

public sealed class ScoreCalibrationTests
{
    [Fact]
    public void FittedScoreMatchesEmpiricalFalseMatchRate()
    {
        var random = new Random(7);
        var impostors = Enumerable.Range(0, 100_000).Select(_ => random.NextDouble()).ToArray();
        var calibration = ScoreCalibration.FitFromImpostors(impostors);

        foreach (var rate in new[] { 0.1, 0.01, 0.001 })
        {
            // For uniform impostor scores the raw threshold at rate r is 1 - r.
            var score = calibration.ToScore(1 - rate);
            Assert.InRange(score, MatchScore.FromFalseMatchRate(rate) - 0.5, MatchScore.FromFalseMatchRate(rate) + 0.5);
        }
    }

    [Fact]
    public void MapIsMonotoneAndStartsAtZero()
    {
        var random = new Random(11);
        var impostors = Enumerable.Range(0, 5_000).Select(_ => Math.Pow(random.NextDouble(), 3) * 50).ToArray();
        var calibration = ScoreCalibration.FitFromImpostors(impostors);

        Assert.Equal(0, calibration.ToScore(-1));
        var previous = 0.0;
        for (var raw = 0.0; raw < 200; raw += 0.25)
        {
            var score = calibration.ToScore(raw);
            Assert.True(score >= previous, $"score fell at raw {raw}");
            previous = score;
        }
    }

    [Fact]
    public void ScoresBeyondMeasuredRangeAreExtrapolatedUpwards()
    {
        var random = new Random(3);
        var impostors = Enumerable.Range(0, 3_000).Select(_ => random.NextDouble()).ToArray();
        var calibration = ScoreCalibration.FitFromImpostors(impostors);

        Assert.InRange(calibration.MeasuredUpToScore, 25, 35);
        Assert.True(calibration.ToScore(1.5) > calibration.MeasuredUpToScore);
        Assert.True(calibration.ToScore(1e9) <= MatchScore.Maximum);
    }

    [Fact]
    public void KnotsSurviveARoundTripThroughTheConstructor()
    {
        var random = new Random(5);
        var fitted = ScoreCalibration.FitFromImpostors(Enumerable.Range(0, 2_000).Select(_ => random.NextDouble()));
        var rebuilt = new ScoreCalibration(fitted.RawKnots, fitted.ScoreKnots);

        Assert.Equal(fitted.ToScore(0.995), rebuilt.ToScore(0.995));
    }

    [Fact]
    public void TooFewImpostorsAreRefused() =>
        Assert.Throws<ArgumentException>(() => ScoreCalibration.FitFromImpostors([0.1, 0.2, 0.3]));

    [Fact]
    public void KnotsMustIncrease() =>
        Assert.Throws<ArgumentException>(() => new ScoreCalibration([1.0, 0.5], [0.0, 10.0]));
}
