using Matcher.Fingerprint.Templates;

namespace Matcher.Fingerprint.Extraction;

/// <summary>
/// Two endings facing each other across a short gap are one ridge interrupted by a scar, a crease or dry skin;
/// both are dropped.
/// </summary>
internal static class RidgeGapFilter
{
    public static void Apply(List<MinutiaCandidate> candidates)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(candidates);
        var maxSquared = ExtractionParameters.MaxGapLength * ExtractionParameters.MaxGapLength;
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i].Type != MinutiaType.Ending)
            {
                continue;
            }
            for (var j = i + 1; j < span.Length; j++)
            {
                if (span[j].Type != MinutiaType.Ending)
                {
                    continue;
                }
                float dx = span[j].X - span[i].X, dy = span[j].Y - span[i].Y;
                var squared = dx * dx + dy * dy;
                if (squared > maxSquared || squared == 0)
                {
                    continue;
                }
                var length = MathF.Sqrt(squared);
                dx /= length;
                dy /= length;
                // An ending points into its own ridge, so across a gap the two point away from each other.
                var iFacesJ = -(span[i].DirectionX * dx + span[i].DirectionY * dy) >= ExtractionParameters.GapAlignment;
                var jFacesI = span[j].DirectionX * dx + span[j].DirectionY * dy >= ExtractionParameters.GapAlignment;
                if (iFacesJ && jFacesI)
                {
                    span[i].Removed = true;
                    span[j].Removed = true;
                }
            }
        }
    }
}
