namespace Matcher.Face.Quality;

/// <summary>Stable reason codes of face quality problems, as reported to stations and in BiometricInputException.</summary>
public static class FaceReasonCodes
{
    public const string NoneDetected = "face.none_detected";
    public const string SeveralDetected = "face.several_detected";
    public const string TooSmall = "face.too_small";
    public const string PoseYaw = "face.pose_yaw";
    public const string PosePitch = "face.pose_pitch";
    public const string PoseRoll = "face.pose_roll";
    public const string Blurred = "face.blurred";
    public const string TooDark = "face.too_dark";
    public const string TooBright = "face.too_bright";

    /// <summary>The codes a quality check can report about a detected face (no face at all is always refused).</summary>
    public static IReadOnlyList<string> QualityChecks { get; } =
        [SeveralDetected, TooSmall, PoseYaw, PosePitch, PoseRoll, Blurred, TooDark, TooBright];

    /// <summary>Operator-readable explanation of a reason code.</summary>
    public static string Describe(string reasonCode) => reasonCode switch
    {
        NoneDetected => "No face was found in the image. Make sure the face is visible, lit and facing the camera.",
        SeveralDetected => "More than one face is in the image. Only the applicant may be in front of the camera.",
        TooSmall => "The face is too small in the image. Move the camera closer or use a higher resolution.",
        PoseYaw => "The head is turned to the side. Ask the person to look straight at the camera.",
        PosePitch => "The head is tilted up or down. Ask the person to look straight at the camera.",
        PoseRoll => "The head is tilted sideways. Ask the person to hold the head upright.",
        Blurred => "The face is blurred. Hold still, focus the camera and take the picture again.",
        TooDark => "The face is too dark. Improve the lighting.",
        TooBright => "The face is over-exposed. Reduce the lighting or avoid direct light on the face.",
        _ => reasonCode,
    };
}
