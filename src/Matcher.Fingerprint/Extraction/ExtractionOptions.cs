namespace Matcher.Fingerprint.Extraction;

/// <summary>Limits and acceptance thresholds of <see cref="FingerprintExtractor"/>; sizes are pixels at 500 dpi.</summary>
public sealed record ExtractionOptions
{
    /// <summary>Smaller images cannot hold enough of a fingerprint to match (reason "image.too_small").</summary>
    public int MinWidth { get; init; } = 100;

    public int MinHeight { get; init; } = 100;

    /// <summary>Larger images are refused before any work is done (reason "image.too_large"); 2000 px is 10 cm.</summary>
    public int MaxWidth { get; init; } = 2000;

    public int MaxHeight { get; init; } = 2000;

    /// <summary>The template keeps at most this many minutiae, the ones of highest quality.</summary>
    public int MaxMinutiae { get; init; } = 100;

    /// <summary>Fewer minutiae than this cannot be matched reliably (reason "fingerprint.too_few_minutiae").</summary>
    public int MinMinutiae { get; init; } = 8;

    /// <summary>Below this fraction of the image showing ridges the sample is refused (reason "fingerprint.too_little_foreground").</summary>
    public double MinForegroundFraction { get; init; } = 0.1;

    internal void Validate()
    {
        if (MinWidth < 32 || MinHeight < 32 || MaxWidth < MinWidth || MaxHeight < MinHeight)
        {
            throw new ArgumentException("Extraction size limits must satisfy 32 <= min <= max.");
        }
        if (MaxMinutiae < 1 || MinMinutiae < 0 || MinMinutiae > MaxMinutiae)
        {
            throw new ArgumentException("Extraction minutiae limits must satisfy 0 <= min <= max and max >= 1.");
        }
        if (MinForegroundFraction is < 0 or > 1)
        {
            throw new ArgumentException("MinForegroundFraction must lie in [0, 1].");
        }
    }
}
