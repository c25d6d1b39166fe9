namespace Matcher.Fingerprint.Extraction;

/// <summary>
/// Ridge direction and coherence per block, from Sobel gradients summed as doubled-angle vectors (so that opposite
/// gradients on the two flanks of a ridge reinforce instead of cancelling), then smoothed across blocks.
/// </summary>
internal static class OrientationField
{
    /// <summary>
    /// Fills <paramref name="orientation"/> with the ridge direction in [0, pi) (image coordinates, y down) and
    /// <paramref name="coherence"/> with how well the gradients in the block's window agree (0 = none, 1 = perfectly).
    /// </summary>
    public static void Compute(float[] normalized, BlockGrid grid, float[] orientation, float[] coherence, ExtractionScratch scratch)
    {
        var cosines = scratch.BlockWorkA;
        var sines = scratch.BlockWorkB;
        var energies = scratch.BlockWorkC;
        AccumulateGradients(normalized, grid, cosines, sines, energies);
        var pooledX = scratch.BlockWorkD;
        var pooledY = scratch.BlockWorkE;
        Pool(grid, cosines, sines, energies, pooledX, pooledY, coherence);
        Smooth(grid, pooledX, pooledY, orientation);
    }

    private static void AccumulateGradients(float[] image, BlockGrid grid, float[] cosines, float[] sines, float[] energies)
    {
        var blocks = grid.BlockCount;
        Array.Clear(cosines, 0, blocks);
        Array.Clear(sines, 0, blocks);
        Array.Clear(energies, 0, blocks);
        var width = grid.Width;
        for (var y = 1; y < grid.Height - 1; y++)
        {
            var blockRow = y / BlockGrid.BlockSize * grid.Columns;
            var above = (y - 1) * width;
            var here = y * width;
            var below = (y + 1) * width;
            for (var x = 1; x < width - 1; x++)
            {
                var gx = image[above + x + 1] + 2 * image[here + x + 1] + image[below + x + 1]
                       - image[above + x - 1] - 2 * image[here + x - 1] - image[below + x - 1];
                var gy = image[below + x - 1] + 2 * image[below + x] + image[below + x + 1]
                       - image[above + x - 1] - 2 * image[above + x] - image[above + x + 1];
                var block = blockRow + x / BlockGrid.BlockSize;
                cosines[block] += gx * gx - gy * gy;
                sines[block] += 2 * gx * gy;
                energies[block] += gx * gx + gy * gy;
            }
        }
    }

    /// <summary>Sums each block's window; the result vector has length = coherence, so every block votes with its reliability.</summary>
    private static void Pool(BlockGrid grid, float[] cosines, float[] sines, float[] energies, float[] pooledX, float[] pooledY, float[] coherence)
    {
        var radius = ExtractionParameters.StatisticsRadiusBlocks;
        for (var row = 0; row < grid.Rows; row++)
        {
            for (var column = 0; column < grid.Columns; column++)
            {
                float sumX = 0, sumY = 0, energy = 0;
                for (var r = Math.Max(0, row - radius); r <= Math.Min(grid.Rows - 1, row + radius); r++)
                {
                    for (var c = Math.Max(0, column - radius); c <= Math.Min(grid.Columns - 1, column + radius); c++)
                    {
                        var neighbour = r * grid.Columns + c;
                        sumX += cosines[neighbour];
                        sumY += sines[neighbour];
                        energy += energies[neighbour];
                    }
                }
                var block = row * grid.Columns + column;
                var scale = energy > 1e-6f ? 1f / energy : 0f;
                pooledX[block] = sumX * scale;
                pooledY[block] = sumY * scale;
                coherence[block] = MathF.Sqrt(sumX * sumX + sumY * sumY) * scale;
            }
        }
    }

    private static void Smooth(BlockGrid grid, float[] pooledX, float[] pooledY, float[] orientation)
    {
        var radius = ExtractionParameters.OrientationSmoothingRadius;
        var side = 2 * radius + 1;
        var twoSigmaSquared = 2f * (radius / 2f) * (radius / 2f);
        Span<float> weights = stackalloc float[side * side];
        for (var r = -radius; r <= radius; r++)
        {
            for (var c = -radius; c <= radius; c++)
            {
                weights[(r + radius) * side + c + radius] = MathF.Exp(-(r * r + c * c) / twoSigmaSquared);
            }
        }
        for (var row = 0; row < grid.Rows; row++)
        {
            for (var column = 0; column < grid.Columns; column++)
            {
                float sumX = 0, sumY = 0;
                for (var r = Math.Max(0, row - radius); r <= Math.Min(grid.Rows - 1, row + radius); r++)
                {
                    for (var c = Math.Max(0, column - radius); c <= Math.Min(grid.Columns - 1, column + radius); c++)
                    {
                        var weight = weights[(r - row + radius) * side + c - column + radius];
                        sumX += weight * pooledX[r * grid.Columns + c];
                        sumY += weight * pooledY[r * grid.Columns + c];
                    }
                }
                var ridge = 0.5f * MathF.Atan2(sumY, sumX) + MathF.PI / 2;
                orientation[row * grid.Columns + column] = ridge >= MathF.PI ? ridge - MathF.PI : ridge < 0 ? ridge + MathF.PI : ridge;
            }
        }
    }
}
