using Matcher.Face.Detection;
using Matcher.Face.Landmarks;

namespace Matcher.Face.Quality;

/// <summary>Runs every quality check against the thresholds and folds them into one 0..100 score.</summary>
internal static class FaceQualityAssessor
{
    public static FaceQuality Assess(
        IReadOnlyList<FaceBox> faces, in FaceBox face, in FivePoints points, ReadOnlySpan<float> alignedGray, int alignedSize, FaceQualityOptions options)
    {
        var problems = new List<string>();
        var interEyeDistance = points.InterEyeDistance;
        var pose = HeadPose.Estimate(points);
        var sharpness = AlignedFaceStatistics.Sharpness(alignedGray, alignedSize);
        var brightness = AlignedFaceStatistics.Brightness(alignedGray, alignedSize);
        var mainHeight = face.Height;
        if (faces.Count(f => f.Height >= options.SeveralFacesRelativeSize * mainHeight) > 1)
        {
            problems.Add(FaceReasonCodes.SeveralDetected);
        }

        // Each factor is 1 for a comfortable value, 0.5 exactly at its threshold and falls to 0 beyond it.
        var factors = new[]
        {
            AtLeast(interEyeDistance, options.MinimumInterEyeDistance, FaceReasonCodes.TooSmall, problems),
            AtMost(Math.Abs(pose.Yaw), options.MaximumYawDegrees, FaceReasonCodes.PoseYaw, problems),
            AtMost(Math.Abs(pose.Pitch), options.MaximumPitchDegrees, FaceReasonCodes.PosePitch, problems),
            AtMost(Math.Abs(pose.Roll), options.MaximumRollDegrees, FaceReasonCodes.PoseRoll, problems),
            AtLeast(sharpness, options.MinimumSharpness, FaceReasonCodes.Blurred, problems),
            AtLeast(brightness, options.MinimumBrightness, FaceReasonCodes.TooDark, problems),
            AtMost(brightness, options.MaximumBrightness, FaceReasonCodes.TooBright, problems),
        };
        var score = 100 * factors.Min();
        if (problems.Count > 0)
        {
            score = Math.Min(score, 49);
        }
        var refusals = problems.Where(options.RefusedProblems.Contains).ToList();
        return new FaceQuality(Math.Round(score, 1), problems, refusals, interEyeDistance, pose, sharpness, brightness, face.Confidence);
    }

    private static double AtLeast(double value, double minimum, string reasonCode, List<string> problems)
    {
        if (value < minimum)
        {
            problems.Add(reasonCode);
        }
        return minimum <= 0 ? 1 : Math.Clamp(0.5 * value / minimum, 0, 1);
    }

    private static double AtMost(double value, double maximum, string reasonCode, List<string> problems)
    {
        if (value > maximum)
        {
            problems.Add(reasonCode);
        }
        return Math.Clamp(1.5 - value / maximum, 0, 1);
    }
}
