namespace Matcher.Face.Detection;

/// <summary>Greedy non-maximum suppression: keep the best box, drop every box overlapping it too much, repeat.</summary>
internal static class NonMaximumSuppression
{
    public static List<FaceBox> Apply(List<FaceBox> candidates, double maximumOverlap)
    {
        candidates.Sort((a, b) => b.Confidence.CompareTo(a.Confidence));
        var kept = new List<FaceBox>();
        foreach (var candidate in candidates)
        {
            if (kept.TrueForAll(k => k.IntersectionOverUnion(candidate) <= maximumOverlap))
            {
                kept.Add(candidate);
            }
        }
        return kept;
    }
}
