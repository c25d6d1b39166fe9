using Matcher.Core.Errors;
using Matcher.Fingerprint.Templates;

namespace Matcher.Fingerprint.Matching;

/// <summary>
/// Turns a template into the matcher's compact form: at most <see cref="MatchingParameters.MaxMinutiae"/> minutiae
/// with y pointing up (so angles and rotations follow the usual counter-clockwise maths), byte directions, and each
/// minutia's nearest neighbours.
/// </summary>
internal static class TemplatePacker
{
    /// <summary>Coordinates beyond this are not a fingerprint at 500 dpi (a rolled print is about 1,000 px wide).</summary>
    private const int CoordinateLimit = 8192;

    public static PackedMinutiae Pack(FingerprintTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var kept = SelectMinutiae(template.Minutiae);
        var count = kept.Count;
        var packed = new PackedMinutiae(count);
        for (var i = 0; i < count; i++)
        {
            var minutia = kept[i];
            packed.X[i] = (short)minutia.X;
            packed.Y[i] = (short)-minutia.Y;
            packed.Direction[i] = ByteAngle.FromRadians(minutia.Direction);
            packed.Type[i] = (byte)minutia.Type;
        }
        FillNeighbors(packed);
        return packed;
    }

    private static List<Minutia> SelectMinutiae(IReadOnlyList<Minutia> minutiae)
    {
        foreach (var minutia in minutiae)
        {
            if (minutia.X is < -CoordinateLimit or > CoordinateLimit || minutia.Y is < -CoordinateLimit or > CoordinateLimit)
            {
                throw BiometricInputException.Invalid(
                    "template.minutia_out_of_range",
                    $"A minutia lies at ({minutia.X}, {minutia.Y}), far outside any fingerprint; the template is damaged.");
            }
            if (!float.IsFinite(minutia.Direction))
            {
                throw BiometricInputException.Invalid(
                    "template.minutia_direction_invalid", "A minutia has no valid direction; the template is damaged.");
            }
        }
        if (minutiae.Count <= MatchingParameters.MaxMinutiae)
        {
            return minutiae.ToList();
        }
        // Stable order by quality keeps the extractor's own order among equals, so packing is deterministic.
        return minutiae
            .Select((minutia, index) => (minutia, index))
            .OrderByDescending(m => m.minutia.Quality)
            .ThenBy(m => m.index)
            .Take(MatchingParameters.MaxMinutiae)
            .Select(m => m.minutia)
            .ToList();
    }

    private static void FillNeighbors(PackedMinutiae packed) =>
        NearestNeighbors.Find(packed, MatchingParameters.ProbeNeighborCount, packed.Neighbors);
}
