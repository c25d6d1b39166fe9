namespace Matcher.Population.Fingerprints;

/// <summary>The tuning constants of fingerprint synthesis, all at 500 dpi, each with the reason for its value.</summary>
internal static class SynthesisParameters
{
    /// <summary>Adult ridge period is about 0.45-0.5 mm, 9-10 pixels at 500 dpi; it spreads between people.</summary>
    public const double MeanRidgePeriod = 9.5;

    public const double RidgePeriodDeviation = 0.8;

    /// <summary>Two minutiae closer than this would be one broken ridge the extractor's gap filter removes.</summary>
    public const double MinimumSpacingInPeriods = 1.0;

    /// <summary>Contact areas differ by pressure and finger size, about 10 % either way.</summary>
    public const double ContactSizeDeviation = 0.10;

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

    /// <summary>The spread of a minutia's direction around the local ridge flow (about 6 degrees).</summary>
    public const double DirectionNoise = 0.10;

    /// <summary>Orientation wobble: a few degrees over waves of a few hundred pixels.</summary>
    public const double WobbleAmplitude = 0.08;

    public const double WobbleWavelengthMin = 180;

    public const double WobbleWavelengthMax = 420;

    public const int WobbleCount = 3;

    /// <summary>
    /// Length of the regions in which minutiae point the same way along the flow (new ridges appear where ridges
    /// spread and end where they crowd, so neighbouring minutiae agree in sense).
    /// </summary>
    public const double SenseRegionWavelength = 260;

    /// <summary>Share of a region's minutiae whose sense follows the region rather than being drawn at random.</summary>
    public const double SenseCoherence = 0.7;

    public const double MeanSampleQuality = 72;

    public const double SampleQualityDeviation = 12;
}
