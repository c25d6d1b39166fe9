namespace Matcher.Face.Quality;

/// <summary>
/// Quality of the face used from one image. <see cref="Score"/> is 0..100 and below 50 exactly when at least one
/// check failed; <see cref="Problems"/> lists the failed checks as reason codes (see <see cref="FaceReasonCodes"/>),
/// <see cref="Refusals"/> those of them that make the capture unusable under the engine's options.
/// </summary>
public sealed record FaceQuality(
    double Score,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Refusals,
    double InterEyeDistance,
    HeadPose Pose,
    double Sharpness,
    double Brightness,
    double DetectionConfidence)
{
    public bool IsUsable => Refusals.Count == 0;
}
