namespace Matcher.Fingerprint.Extraction;

/// <summary>
/// Oriented filtering: smooth along the local ridge direction, then band-pass across it. The result is positive on
/// ridges and negative in valleys, with pores, scratches and sensor noise largely gone.
/// </summary>
internal static class RidgeEnhancement
{
    public static void Enhance(float[] normalized, BlockGrid grid, float[] orientation, byte[] mask, float ridgePeriod, float[] along, float[] enhanced)
    {
        var alongKernel = OrientedKernel.AlongRidge;
        var acrossKernel = OrientedKernel.AcrossRidgeFor(ridgePeriod);
        Span<int> alongOffsets = stackalloc int[alongKernel.Dx.Length];
        Span<int> acrossOffsets = stackalloc int[acrossKernel.Dx.Length];
        alongKernel.FillOffsets(grid.Width, alongOffsets);
        acrossKernel.FillOffsets(grid.Width, acrossOffsets);
        for (var row = 0; row < grid.Rows; row++)
        {
            for (var column = 0; column < grid.Columns; column++)
            {
                if (NearForeground(grid, mask, row, column))
                {
                    FilterBlock(normalized, grid, row, column, orientation, alongKernel, alongOffsets, along);
                }
            }
        }
        for (var row = 0; row < grid.Rows; row++)
        {
            for (var column = 0; column < grid.Columns; column++)
            {
                if (mask[row * grid.Columns + column] != 0)
                {
                    FilterBlock(along, grid, row, column, orientation, acrossKernel, acrossOffsets, enhanced);
                }
            }
        }
    }

    /// <summary>The across-ridge pass reads up to one block beyond the foreground, so the along-ridge pass covers that ring.</summary>
    private static bool NearForeground(BlockGrid grid, byte[] mask, int row, int column)
    {
        for (var r = Math.Max(0, row - 1); r <= Math.Min(grid.Rows - 1, row + 1); r++)
        {
            for (var c = Math.Max(0, column - 1); c <= Math.Min(grid.Columns - 1, column + 1); c++)
            {
                if (mask[r * grid.Columns + c] != 0)
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static void FilterBlock(float[] source, BlockGrid grid, int row, int column, float[] orientation,
        OrientedKernel kernel, ReadOnlySpan<int> offsets, float[] target)
    {
        var bin = OrientedKernel.BinOf(orientation[row * grid.Columns + column]);
        var taps = kernel.Taps;
        var binOffsets = offsets.Slice(bin * taps, taps);
        var weights = kernel.Weights.AsSpan();
        var radius = kernel.Radius;
        var xStart = column * BlockGrid.BlockSize;
        var xEnd = Math.Min(grid.Width, xStart + BlockGrid.BlockSize);
        var yEnd = Math.Min(grid.Height, (row + 1) * BlockGrid.BlockSize);
        var interiorColumns = xStart >= radius && xEnd <= grid.Width - radius;
        for (var y = row * BlockGrid.BlockSize; y < yEnd; y++)
        {
            if (interiorColumns && y >= radius && y < grid.Height - radius)
            {
                var rowStart = y * grid.Width + xStart;
                OrientedRowFilter.Apply(source, rowStart, binOffsets, weights, target.AsSpan(rowStart, xEnd - xStart));
                continue;
            }
            for (var x = xStart; x < xEnd; x++)
            {
                float sum = 0;
                for (var k = 0; k < taps; k++)
                {
                    var sx = Math.Clamp(x + kernel.Dx[bin * taps + k], 0, grid.Width - 1);
                    var sy = Math.Clamp(y + kernel.Dy[bin * taps + k], 0, grid.Height - 1);
                    sum += source[sy * grid.Width + sx] * weights[k];
                }
                target[y * grid.Width + x] = sum;
            }
        }
    }
}
