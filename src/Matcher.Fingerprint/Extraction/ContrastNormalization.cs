namespace Matcher.Fingerprint.Extraction;

/// <summary>
/// Removes the local brightness and scales by the local contrast so that dry, wet and pressed areas look alike to the
/// later stages. Ridges (dark) come out positive.
/// </summary>
internal static class ContrastNormalization
{
    public static void Normalize(byte[] pixels, BlockGrid grid, float[] mean, float[] deviation, float[] normalized)
    {
        for (var y = 0; y < grid.Height; y++)
        {
            var rowStart = y * grid.Width;
            var blockRow = y / BlockGrid.BlockSize * grid.Columns;
            for (var x = 0; x < grid.Width; x++)
            {
                var block = blockRow + x / BlockGrid.BlockSize;
                var scale = 1f / Math.Max(deviation[block], ExtractionParameters.MinNormalisationDeviation);
                normalized[rowStart + x] = (mean[block] - pixels[rowStart + x]) * scale;
            }
        }
    }
}
