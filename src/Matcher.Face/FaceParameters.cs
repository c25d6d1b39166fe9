namespace Matcher.Face;

/// <summary>
/// The tuning constants of the face pipeline in one place. Values follow the recipe in docs/face-pipeline.md, which
/// reached 98.3 % on LFW View 1 DevTest with the default models; change them only with a new measurement.
/// </summary>
internal static class FaceParameters
{
    /// <summary>Detector outputs at or above this face probability are candidates.</summary>
    public const float DetectionScoreThreshold = 0.65f;

    /// <summary>At most this many candidates, best first, enter non-maximum suppression.</summary>
    public const int DetectionMaxCandidates = 750;

    /// <summary>Boxes overlapping a better one by more than this intersection-over-union are the same face.</summary>
    public const float NonMaximumSuppressionIou = 0.4f;

    /// <summary>
    /// Margin added on every side, as a share of the image size, before detection: tightly cropped faces (ORL, ID
    /// photos) are otherwise missed because the detector has never seen a face filling the whole frame.
    /// </summary>
    public const double DetectionMargin = 0.3;

    /// <summary>The padded canvas is widened or heightened to the detector's 4:3 input aspect.</summary>
    public const double DetectionAspect = 4.0 / 3.0;

    /// <summary>
    /// Bilinear sampling may shrink by up to this factor; beyond it the image is first shrunk by area averaging: before
    /// detection when it is much larger than the detector input, and before landmarks, alignment and liveness when
    /// the face is much taller than the aligned crop.
    /// </summary>
    public const double MaximumDownsampling = 2;

    /// <summary>Landmark crops are greyscale scaled to 0..1 by 1/256, as the landmark model was trained.</summary>
    public const float LandmarkScale = 1f / 256;

    /// <summary>Detector and embedder inputs: (p - 127) / 128.</summary>
    public const float CentredOffset = 127f;

    public const float CentredScale = 1f / 128;

    /// <summary>The liveness crop spans this many face-box sides, centred on the face and kept inside the image.</summary>
    public const double LivenessContextScale = 2.7;

    /// <summary>Softmax class of the liveness model taken as "live" (best guess, see docs/face-pipeline.md).</summary>
    public const int LivenessLiveClass = 0;
}
