namespace Matcher.Fingerprint.Templates;

/// <summary>The kind of a minutia, with the numbering ISO/IEC 19794-2 uses.</summary>
public enum MinutiaType : byte
{
    Other = 0,
    Ending = 1,
    Bifurcation = 2,
}

/// <summary>
/// One minutia in template coordinates: pixels at 500 dpi, origin top-left, y growing downwards.
/// <see cref="Direction"/> is in radians in [0, 2π), measured counter-clockwise from the +x axis as seen on the
/// image (the ISO/IEC 19794-2 convention). <see cref="Quality"/> is 0..100 (0 = unknown).
/// </summary>
public readonly record struct Minutia(int X, int Y, float Direction, MinutiaType Type, byte Quality);
