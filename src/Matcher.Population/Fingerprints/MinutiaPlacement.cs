using Matcher.Population.Sampling;

namespace Matcher.Population.Fingerprints;

/// <summary>
/// Minutia locations: uniform over the contact area (inside its border margin) with no two closer than the minimum
/// spacing, by dart throwing. Gives up on a location after a bounded number of misses, so a dense request on a small
/// area ends with fewer minutiae rather than never.
/// </summary>
internal static class MinutiaPlacement
{
    private const int AttemptsPerMinutia = 30;

    public static List<(double X, double Y)> Place(ContactArea area, int count, double minimumSpacing, ref SeededRandom random)
    {
        var placed = new List<(double X, double Y)>(count);
        var spacingSquared = minimumSpacing * minimumSpacing;
        var misses = 0;
        while (placed.Count < count && misses < AttemptsPerMinutia * count)
        {
            var x = area.CenterX + random.Uniform(-area.HalfWidth, area.HalfWidth);
            var y = area.CenterY + random.Uniform(-area.HalfHeight, area.HalfHeight);
            if (!area.Contains(x, y, SynthesisParameters.BorderMarginPixels) || TooClose(placed, x, y, spacingSquared))
            {
                misses++;
                continue;
            }
            placed.Add((x, y));
        }
        return placed;
    }

    private static bool TooClose(List<(double X, double Y)> placed, double x, double y, double spacingSquared)
    {
        foreach (var (px, py) in placed)
        {
            var dx = px - x;
            var dy = py - y;
            if ((dx * dx) + (dy * dy) < spacingSquared)
            {
                return true;
            }
        }
        return false;
    }
}
