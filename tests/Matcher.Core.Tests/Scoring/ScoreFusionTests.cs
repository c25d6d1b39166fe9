using Matcher.Core.Scoring;
using Xunit;

namespace Matcher.Core.Tests.Scoring;

public sealed class ScoreFusionTests
{
    [Fact]
    public void SingleScorePassesThrough() => Assert.Equal(37.5, ScoreFusion.Fuse([37.5]), 9);

    [Fact]
    public void NoScoresFuseToZero() => Assert.Equal(0, ScoreFusion.Fuse(ReadOnlySpan<double>.Empty));

    [Fact]
    public void AnUninformativeFingerLowersTheFusedScore() =>
        Assert.True(ScoreFusion.Fuse([40.0, 0.0]) < 40);

    [Fact]
    public void TwoStrongFingersBeatEitherAlone() =>
        Assert.True(ScoreFusion.Fuse([30.0, 30.0]) > 30);

    [Fact]
    public void FusedScoreKeepsItsMeaningForImpostors()
    {
        // Impostor scores are -10 log10(U) for uniform U: the fused score must again be calibrated, i.e. the share of
        // fused impostor scores above 20 must be close to 1 %.
        var random = new Random(42);
        const int trials = 200_000;
        var above = 0;
        Span<double> scores = stackalloc double[4];
        for (var t = 0; t < trials; t++)
        {
            for (var i = 0; i < scores.Length; i++)
            {
                scores[i] = MatchScore.FromFalseMatchRate(1 - random.NextDouble());
            }
            if (ScoreFusion.Fuse(scores) >= 20)
            {
                above++;
            }
        }
        Assert.InRange(above / (double)trials, 0.008, 0.012);
    }

    [Fact]
    public void HugeScoresStayFiniteAndCapped() =>
        Assert.Equal(MatchScore.Maximum, ScoreFusion.Fuse([MatchScore.Maximum, MatchScore.Maximum, 500]));
}
