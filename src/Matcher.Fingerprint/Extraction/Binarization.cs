namespace Matcher.Fingerprint.Extraction;

/// <summary>Ridge pixels are the foreground pixels where the enhanced image is positive.</summary>
internal static class Binarization
{
    /// <summary>Writes 1 for ridge and 0 for valley or background; the one-pixel image frame stays 0 so neighbour lookups never leave the image.</summary>
    public static void Binarize(float[] enhanced, BlockGrid grid, byte[] mask, byte[] ridges)
    {
        var width = grid.Width;
        Array.Clear(ridges, 0, grid.PixelCount);
        for (var y = 1; y < grid.Height - 1; y++)
        {
            var blockRow = y / BlockGrid.BlockSize * grid.Columns;
            for (var x = 1; x < width - 1; x++)
            {
                if (mask[blockRow + x / BlockGrid.BlockSize] != 0 && enhanced[y * width + x] > 0)
                {
                    ridges[y * width + x] = 1;
                }
            }
        }
    }
}
