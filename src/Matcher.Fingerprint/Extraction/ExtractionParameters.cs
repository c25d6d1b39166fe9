namespace Matcher.Fingerprint.Extraction;

/// <summary>
/// Every tuning constant of the extraction pipeline, in one place. Distances are pixels at 500 dpi; grey levels are
/// 0..255. The values were tuned on FVC2002 DB1_B..DB4_B: pooled EER of the whole engine first, then agreement with
/// the SecuGen ISO templates of the same images and repeatability across impressions as tie-breakers.
/// </summary>
internal static class ExtractionParameters
{
    /// <summary>The fingerprint engine works at this resolution; other resolutions are rescaled first.</summary>
    public const int TargetDpi = 500;

    /// <summary>
    /// Side of the square blocks the mask, local contrast and orientation field live on: smaller than one ridge period
    /// (about 9 px), so the field follows curved ridges near cores and deltas.
    /// </summary>
    public const int BlockSize = 8;

    /// <summary>Block statistics are pooled over (2r+1)^2 blocks: a 24 px window holds two to three ridges.</summary>
    public const int StatisticsRadiusBlocks = 1;

    /// <summary>Below this local standard deviation a block is paper or glass, whatever its neighbours look like.</summary>
    public const float MinAbsoluteContrast = 5f;

    /// <summary>A block also needs this fraction of the image's typical strong contrast (see <see cref="ContrastPercentile"/>).</summary>
    public const float MinRelativeContrast = 0.3f;

    /// <summary>The "typical strong contrast" of an image is this percentile of its block contrasts.</summary>
    public const float ContrastPercentile = 0.9f;

    /// <summary>
    /// Ridges are locally parallel; noise and smudges are not. Blocks whose gradients agree less than this are background
    /// unless the majority filter brings them back (cores and deltas have low coherence but foreground neighbours).
    /// </summary>
    public const float MinCoherence = 0.15f;

    /// <summary>Radius (blocks) of the majority vote that cleans the mask, and how many times it runs.</summary>
    public const int MaskVoteRadius = 2;

    public const int MaskVoteIterations = 2;

    /// <summary>Local standard deviation never drops below this when normalising, so flat areas are not amplified into noise.</summary>
    public const float MinNormalisationDeviation = 4f;

    /// <summary>Radius (blocks) of the Gaussian that smooths the doubled-angle orientation field; sigma is half of it.</summary>
    public const int OrientationSmoothingRadius = 3;

    /// <summary>Orientations are quantised to this many steps over 180 degrees for the oriented filter kernels.</summary>
    public const int OrientationBins = 24;

    /// <summary>Typical ridge period at 500 dpi; the across-ridge filter resonates at it when a print's own period cannot be measured.</summary>
    public const float RidgePeriod = 8.5f;

    /// <summary>
    /// A print's measured period is clamped to this range (adult fingers at 500 dpi span about 7 to 10 px); the filter
    /// bank holds one across-ridge kernel per <see cref="RidgePeriodStep"/> within it.
    /// </summary>
    public const float MinRidgePeriod = 6f;

    public const float MaxRidgePeriod = 11f;

    public const float RidgePeriodStep = 0.25f;

    /// <summary>A block's profile across the ridges: this many samples long, each averaged over this many along the ridge.</summary>
    public const int RidgeProfileLength = 32;

    public const int RidgeProfileWidth = 16;

    /// <summary>The period is measured in every this-many-th block in each direction; the median needs no more.</summary>
    public const int RidgePeriodBlockStep = 2;

    /// <summary>Periods outside this range are a block's noise, not its ridges.</summary>
    public const float MinPlausibleRidgePeriod = 4f;

    public const float MaxPlausibleRidgePeriod = 16f;

    /// <summary>With fewer measured blocks than this, the typical <see cref="RidgePeriod"/> is used.</summary>
    public const int MinRidgePeriodSamples = 10;

    /// <summary>Across-ridge band-pass (even Gabor profile): Gaussian sigma and half-length in pixels.</summary>
    public const float AcrossRidgeSigma = 2.5f;

    public const int AcrossRidgeRadius = 7;

    /// <summary>Along-ridge smoothing: Gaussian sigma and half-length in pixels; long enough to bridge pores and scratches.</summary>
    public const float AlongRidgeSigma = 5.5f;

    public const int AlongRidgeRadius = 11;

    /// <summary>Ridge blobs smaller than this (pixels) are dust; valley holes smaller than this are pores.</summary>
    public const int MaxDotArea = 30;

    public const int MaxPoreArea = 30;

    /// <summary>Distance along the skeleton over which a minutia's direction is measured.</summary>
    public const int DirectionTraceLength = 10;

    /// <summary>A ridge shorter than this between an ending and another minutia is a spur or a fragment.</summary>
    public const int MinRidgeLength = 14;

    /// <summary>A branch shorter than this between two bifurcations is a bridge between neighbouring ridges.</summary>
    public const int MinBridgeLength = 10;

    /// <summary>Minutiae closer than this (pixels) to the mask border are artefacts of the cut-off ridges there.</summary>
    public const int BorderMargin = 14;

    /// <summary>Two endings closer than this whose ridges point at each other are one ridge broken by a scar or dryness.</summary>
    public const int MaxGapLength = 18;

    /// <summary>Cosine of the largest angle between an ending's direction and the line to its partner across a gap.</summary>
    public const float GapAlignment = 0.8f;

    /// <summary>A minutia with at least <see cref="ClusterSize"/> neighbours within <see cref="ClusterRadius"/> px sits in a noisy cloud.</summary>
    public const int ClusterRadius = 12;

    public const int ClusterSize = 3;

    /// <summary>Same-kind detections closer than this are one minutia seen twice by the skeleton (thick junctions).</summary>
    public const int DuplicateRadius = 3;

    /// <summary>Coherence mapped linearly to quality 0..100 between these two values.</summary>
    public const float CoherenceForZeroQuality = 0.2f;

    public const float CoherenceForFullQuality = 0.75f;

    /// <summary>A sample whose foreground covers at least this fraction of the image loses no quality for its size.</summary>
    public const double FullQualityForegroundFraction = 0.4;
}
