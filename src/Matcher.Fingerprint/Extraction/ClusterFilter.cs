namespace Matcher.Fingerprint.Extraction;

/// <summary>Minutiae crowded into a small area come from noise or a scar, not from ridges; the whole crowd is dropped.</summary>
internal static class ClusterFilter
{
    public static void Apply(List<MinutiaCandidate> candidates, int[] work)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(candidates);
        var neighbours = work.AsSpan(0, span.Length);
        neighbours.Clear();
        var radiusSquared = ExtractionParameters.ClusterRadius * ExtractionParameters.ClusterRadius;
        for (var i = 0; i < span.Length; i++)
        {
            for (var j = i + 1; j < span.Length; j++)
            {
                int dx = span[j].X - span[i].X, dy = span[j].Y - span[i].Y;
                if (dx * dx + dy * dy <= radiusSquared)
                {
                    neighbours[i]++;
                    neighbours[j]++;
                }
            }
        }
        for (var i = 0; i < span.Length; i++)
        {
            if (neighbours[i] >= ExtractionParameters.ClusterSize)
            {
                span[i].Removed = true;
            }
        }
    }
}
