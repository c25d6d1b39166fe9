namespace Matcher.Fingerprint.Extraction;

/// <summary>Drops minutiae near the edge of the foreground, where every ridge is cut off into a false ending.</summary>
internal static class MaskBorderFilter
{
    public static void Apply(List<MinutiaCandidate> candidates, BlockGrid grid, byte[] mask)
    {
        var radius = ExtractionParameters.BorderMarginBlocks;
        foreach (ref var candidate in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(candidates))
        {
            int row = candidate.Y / BlockGrid.BlockSize, column = candidate.X / BlockGrid.BlockSize;
            for (var r = row - radius; r <= row + radius && !candidate.Removed; r++)
            {
                for (var c = column - radius; c <= column + radius; c++)
                {
                    var outside = r < 0 || c < 0 || r >= grid.Rows || c >= grid.Columns || mask[r * grid.Columns + c] == 0;
                    if (outside)
                    {
                        candidate.Removed = true;
                        break;
                    }
                }
            }
        }
    }
}
