namespace Matcher.Face.Quality;

/// <summary>
/// Thresholds of the face quality checks; each failed check adds its reason code. Defaults are set to pass typical
/// frontal photos (including low-resolution research sets such as ORL) and to catch clearly unusable captures.
/// A failed check either refuses the capture (<see cref="RefusedProblems"/>) or is reported as a warning with a
/// lower quality score.
/// </summary>
public sealed record FaceQualityOptions
{
    /// <summary>
    /// Problems that make a capture unusable. By default: a face too small, blurred, too dark, too bright or tilted
    /// sideways, which damage the embedding itself. Yaw, pitch and other faces in the picture are warnings by default:
    /// the five-point pose estimate is noisy, the embedding tolerates moderate turns, and the applicant's face (the
    /// prominent face nearest the centre) is the one used. On LFW, refusing them too kept 16 % of people out of the
    /// gallery and let their later applications pass as new identities. A programme that enforces ISO/IEC 19794-5
    /// capture adds them here.
    /// </summary>
    public IReadOnlySet<string> RefusedProblems { get; init; } = new HashSet<string>(StringComparer.Ordinal)
    {
        FaceReasonCodes.TooSmall,
        FaceReasonCodes.PoseRoll,
        FaceReasonCodes.Blurred,
        FaceReasonCodes.TooDark,
        FaceReasonCodes.TooBright,
    };

    /// <summary>Distance between the eye centres, in image pixels (ISO/IEC 19794-5 asks 60+ for ID photos).</summary>
    public double MinimumInterEyeDistance { get; init; } = 20;

    /// <summary>
    /// Pose limits in degrees. The five-point pose estimate is noisy (pitch most of all), so the defaults leave room:
    /// they flag about 5 % of LFW images, a set known for turned heads, and pass ORL's upright faces.
    /// </summary>
    public double MaximumYawDegrees { get; init; } = 40;

    public double MaximumPitchDegrees { get; init; } = 40;

    public double MaximumRollDegrees { get; init; } = 25;

    /// <summary>Variance of the Laplacian of the aligned grey face (grey levels squared).</summary>
    public double MinimumSharpness { get; init; } = 20;

    /// <summary>Mean grey level of the aligned face, 0..255.</summary>
    public double MinimumBrightness { get; init; } = 40;

    public double MaximumBrightness { get; init; } = 220;

    /// <summary>
    /// A second face at least this tall relative to the main face counts as another person in the picture; faces at
    /// least this tall relative to the tallest are the candidates for the applicant's face, the most central is used.
    /// </summary>
    public double SeveralFacesRelativeSize { get; init; } = 0.5;

    internal void Validate()
    {
        if (!(MinimumInterEyeDistance >= 0 && MaximumYawDegrees > 0 && MaximumPitchDegrees > 0 && MaximumRollDegrees > 0
              && MinimumSharpness >= 0 && MinimumBrightness >= 0 && MaximumBrightness > MinimumBrightness
              && SeveralFacesRelativeSize > 0))
        {
            throw new ArgumentException("Face quality thresholds must be positive and the brightness range non-empty.");
        }
        ArgumentNullException.ThrowIfNull(RefusedProblems);
        var unknown = RefusedProblems.Where(code => !FaceReasonCodes.QualityChecks.Contains(code)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"Unknown face quality problem(s) to refuse: {string.Join(", ", unknown)}. Known: {string.Join(", ", FaceReasonCodes.QualityChecks)}.");
        }
    }
}
