using Matcher.Fingerprint.Templates;

namespace Matcher.Fingerprint.Tests.Extraction;

/// <summary>
/// Counts minutiae of two sets in the same frame that pair one-to-one within a distance and an angle, closest pairs
/// first; the basis of recall and precision against a reference extractor.
/// </summary>
internal static class MinutiaPairing
{
    public const double MaxDistance = 12;
    public const double MaxAngle = Math.PI / 6;

    public static int CountPairs(IReadOnlyList<Minutia> found, IReadOnlyList<Minutia> reference,
        double maxDistance = MaxDistance, double maxAngle = MaxAngle)
    {
        var candidates = new List<(double Distance, int Found, int Reference)>();
        for (var i = 0; i < found.Count; i++)
        {
            for (var j = 0; j < reference.Count; j++)
            {
                double dx = found[i].X - reference[j].X, dy = found[i].Y - reference[j].Y;
                var distance = Math.Sqrt(dx * dx + dy * dy);
                if (distance <= maxDistance && AngleBetween(found[i].Direction, reference[j].Direction) <= maxAngle)
                {
                    candidates.Add((distance, i, j));
                }
            }
        }
        candidates.Sort((a, b) => a.Distance.CompareTo(b.Distance));
        var usedFound = new bool[found.Count];
        var usedReference = new bool[reference.Count];
        var pairs = 0;
        foreach (var (_, i, j) in candidates)
        {
            if (!usedFound[i] && !usedReference[j])
            {
                usedFound[i] = usedReference[j] = true;
                pairs++;
            }
        }
        return pairs;
    }

    public static double AngleBetween(double a, double b)
    {
        var difference = Math.Abs(a - b) % (2 * Math.PI);
        return difference > Math.PI ? 2 * Math.PI - difference : difference;
    }
}
