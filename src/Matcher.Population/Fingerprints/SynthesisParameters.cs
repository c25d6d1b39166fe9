namespace Matcher.Population.Fingerprints;

/// <summary>The tuning constants of fingerprint synthesis, all at 500 dpi, each with the reason for its value.</summary>
internal static class SynthesisParameters
{
    /// <summary>Adult ridge period is about 0.45-0.5 mm, 9-10 pixels at 500 dpi; it spreads between people.</summary>
    public const double MeanRidgePeriod = 9.5;

    public const double RidgePeriodDeviation = 0.8;

    /// <summary>Two minutiae closer than this would be one broken ridge the extractor's gap filter removes.</summary>
    public const double MinimumSpacingInPeriods = 1.0;

    /// <summary>
    /// Contact areas differ by finger size, pressure and placement; light or off-centre touches give impressions as
    /// small as a single-finger sensor's window, so sizes spread by about 20 % down to 55 % of the mean. Small areas
    /// matter: measured on FVC, impostor tails are highest for small impressions (few minutiae in the overlap).
    /// </summary>
    public const double ContactSizeDeviation = 0.20;

    public const double ContactSizeMin = 0.55;

    public const double ContactSizeMax = 1.15;

    /// <summary>Minutiae spread between impressions of similar area (people differ); one deviation is about 16 %.</summary>
    public const double MinutiaeCountDeviation = 0.16;

    public const int MinimumMinutiae = 18;

    public const int MaximumMinutiae = 90;

    /// <summary>Extractors drop minutiae within about a ridge block of the contact border.</summary>
    public const double BorderMarginPixels = 14;

    /// <summary>A frame holds the contact area with some background around it, as a scanner window does.</summary>
    public const double FrameMarginPixels = 24;

    /// <summary>Fingers are placed up to about 20 degrees off upright.</summary>
    public const double PlacementRotationDeviation = 0.17;

    /// <summary>Ridge endings are slightly more common than bifurcations in extracted plain impressions.</summary>
    public const double EndingShare = 0.56;

    /// <summary>The spread of a minutia's direction around the local ridge flow (about 7 degrees).</summary>
    public const double DirectionNoise = 0.12;

    /// <summary>
    /// Share of minutiae that come as the two ends of a short ridge or an enclosure (two minutiae of one type facing
    /// each other along the flow), which fingerprint statistics count at roughly a tenth to a fifth of all features.
    /// </summary>
    public const double CompanionShare = 0.2;

    /// <summary>Length of a short ridge or enclosure, in ridge periods.</summary>
    public const double CompanionMinPeriods = 1.5;

    public const double CompanionMaxPeriods = 4;

    /// <summary>Orientation wobble: a few degrees over waves of a few hundred pixels.</summary>
    public const double WobbleAmplitude = 0.08;

    public const double WobbleWavelengthMin = 180;

    public const double WobbleWavelengthMax = 420;

    public const int WobbleCount = 3;

    /// <summary>Length of the regions in which minutiae mostly point the same way along the flow.</summary>
    public const double SenseRegionWavelength = 260;

    /// <summary>Share of a region's minutiae whose sense follows the region rather than being drawn at random.</summary>
    public const double SenseCoherence = 0.6;

    /// <summary>Relative minutia density of the sparsest (smudged or dry) regions of an impression.</summary>
    public const double SparseRegionDensity = 0.03;

    public const double MeanSampleQuality = 72;

    public const double SampleQualityDeviation = 12;
}
