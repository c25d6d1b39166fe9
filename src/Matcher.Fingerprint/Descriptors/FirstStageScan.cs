using Matcher.Core.Scoring;

namespace Matcher.Fingerprint.Descriptors;

/// <summary>What a gallery scan needs of the first-stage model: the background and the similarity-to-score table.</summary>
internal static class FirstStageScan
{
    /// <summary>Similarities from -8 to 24 in steps of 1/32: finer than the calibration's own knots, far past real mates.</summary>
    public static ScoreTable Scores { get; } = new(FirstStageModel.Calibration.ToScore, -8, 24, 1025);

    public static DescriptorBackground Background => FirstStageModel.Background;
}
