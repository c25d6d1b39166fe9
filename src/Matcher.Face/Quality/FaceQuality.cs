namespace Matcher.Face.Quality;

/// <summary>
/// Quality of the face used from one image. <see cref="Score"/> is 0..100 and below 50 exactly when at least one
/// check failed; <see cref="Problems"/> lists the failed checks as reason codes (see <see cref="FaceReasonCodes"/>).
/// </summary>
public sealed record FaceQuality(
    double Score,
    IReadOnlyList<string> Problems,
    double InterEyeDistance,
    HeadPose Pose,
    double Sharpness,
    double Brightness,
    double DetectionConfidence)
{
    public bool IsUsable => Problems.Count == 0;
}
