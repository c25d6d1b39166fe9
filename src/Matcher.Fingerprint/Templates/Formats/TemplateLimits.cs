namespace Matcher.Fingerprint.Templates.Formats;

/// <summary>Structural limits shared by all formats.</summary>
internal static class TemplateLimits
{
    /// <summary>A ten-print card is the most a record may carry.</summary>
    public const int MaxViews = 10;

    /// <summary>The standard records count minutiae in one byte; the native format keeps the same ceiling.</summary>
    public const int MaxMinutiaePerView = 255;

    /// <summary>ISO/ANSI minutia coordinates are 14-bit fields.</summary>
    public const int MaxStandardCoordinate = (1 << 14) - 1;

    public const int MaxQuality = 100;

    /// <summary>ISO/IEC 19794 finger positions 1..10 are single fingers; 0 means unknown.</summary>
    public const int MaxFingerPosition = 10;

    /// <summary>View number and impression type share one byte as two nibbles in every format.</summary>
    public const int MaxNibble = 15;
}
