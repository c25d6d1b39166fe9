using Matcher.Core.Scoring;

namespace Matcher.Fingerprint.Descriptors;

/// <summary>
/// The first stage's calibrated score of two fingers: the descriptor similarity mapped, like the minutiae matcher's
/// score, onto -10 log10(FMR) measured on real impostor pairs, so scores of several fingers and of the face add up as
/// the final fusion does.
/// </summary>
public static class FirstStageScore
{
    public static ScoreCalibration Calibration => FirstStageModel.Calibration;

    public static double Of(FingerDescriptor probe, FingerDescriptor candidate) =>
        Calibration.ToScore(DescriptorBackground.Default.Similarity(probe, candidate));
}
