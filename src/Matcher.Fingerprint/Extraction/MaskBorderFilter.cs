namespace Matcher.Fingerprint.Extraction;

/// <summary>Drops minutiae near the edge of the foreground, where every ridge is cut off into a false ending.</summary>
internal static class MaskBorderFilter
{
    public static void Apply(List<MinutiaCandidate> candidates, BlockGrid grid, byte[] mask)
    {
        var margin = ExtractionParameters.BorderMargin;
        var diagonal = (int)MathF.Round(margin * MathF.Sqrt(0.5f));
        ReadOnlySpan<int> dx = [0, margin, diagonal, 0, -diagonal, -margin, -diagonal, 0, diagonal];
        ReadOnlySpan<int> dy = [0, 0, diagonal, margin, diagonal, 0, -diagonal, -margin, -diagonal];
        foreach (ref var candidate in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(candidates))
        {
            for (var probe = 0; probe < dx.Length; probe++)
            {
                int x = candidate.X + dx[probe], y = candidate.Y + dy[probe];
                var outside = x < 0 || y < 0 || x >= grid.Width || y >= grid.Height || mask[grid.BlockOf(x, y)] == 0;
                if (outside)
                {
                    candidate.Removed = true;
                    break;
                }
            }
        }
    }
}
