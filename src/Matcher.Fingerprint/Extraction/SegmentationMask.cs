namespace Matcher.Fingerprint.Extraction;

/// <summary>
/// Decides which blocks show ridges: enough contrast (absolute and relative to the image) and parallel gradients,
/// then cleaned by majority votes, holes filled and only the largest region kept.
/// </summary>
internal static class SegmentationMask
{
    /// <summary>Fills <paramref name="mask"/> (1 = foreground) and returns the foreground fraction of the image.</summary>
    public static double Compute(BlockGrid grid, float[] deviation, float[] coherence, byte[] mask, ExtractionScratch scratch)
    {
        var blocks = grid.BlockCount;
        var threshold = Math.Max(ExtractionParameters.MinAbsoluteContrast,
            ExtractionParameters.MinRelativeContrast * Percentile(deviation.AsSpan(0, blocks), scratch.BlockWorkA));
        for (var block = 0; block < blocks; block++)
        {
            var ridged = deviation[block] >= threshold && coherence[block] >= ExtractionParameters.MinCoherence;
            mask[block] = ridged ? (byte)1 : (byte)0;
        }
        for (var i = 0; i < ExtractionParameters.MaskVoteIterations; i++)
        {
            Vote(grid, mask, scratch.BlockMaskWork);
        }
        FillHoles(grid, mask, scratch.BlockQueue);
        KeepLargestRegion(grid, mask, scratch.BlockMaskWork, scratch.BlockQueue);
        var foreground = 0;
        for (var block = 0; block < blocks; block++)
        {
            foreground += mask[block];
        }
        return (double)foreground / blocks;
    }

    private static float Percentile(ReadOnlySpan<float> values, float[] work)
    {
        var sorted = work.AsSpan(0, values.Length);
        values.CopyTo(sorted);
        sorted.Sort();
        return sorted[(int)(ExtractionParameters.ContrastPercentile * (sorted.Length - 1))];
    }

    private static void Vote(BlockGrid grid, byte[] mask, byte[] work)
    {
        var radius = ExtractionParameters.MaskVoteRadius;
        for (var row = 0; row < grid.Rows; row++)
        {
            for (var column = 0; column < grid.Columns; column++)
            {
                int votes = 0, voters = 0;
                for (var r = Math.Max(0, row - radius); r <= Math.Min(grid.Rows - 1, row + radius); r++)
                {
                    for (var c = Math.Max(0, column - radius); c <= Math.Min(grid.Columns - 1, column + radius); c++)
                    {
                        votes += mask[r * grid.Columns + c];
                        voters++;
                    }
                }
                work[row * grid.Columns + column] = 2 * votes > voters ? (byte)1 : (byte)0;
            }
        }
        Array.Copy(work, mask, grid.BlockCount);
    }

    /// <summary>Background enclosed by foreground is a core, a scar or a smudge inside the finger, not background.</summary>
    private static void FillHoles(BlockGrid grid, byte[] mask, int[] queue)
    {
        const byte outside = 2;
        var count = 0;
        for (var row = 0; row < grid.Rows; row++)
        {
            for (var column = 0; column < grid.Columns; column++)
            {
                var onEdge = row == 0 || column == 0 || row == grid.Rows - 1 || column == grid.Columns - 1;
                var block = row * grid.Columns + column;
                if (onEdge && mask[block] == 0)
                {
                    mask[block] = outside;
                    queue[count++] = block;
                }
            }
        }
        for (var head = 0; head < count; head++)
        {
            var block = queue[head];
            int row = block / grid.Columns, column = block % grid.Columns;
            TryEnqueue(row - 1, column);
            TryEnqueue(row + 1, column);
            TryEnqueue(row, column - 1);
            TryEnqueue(row, column + 1);
        }
        for (var block = 0; block < grid.BlockCount; block++)
        {
            mask[block] = mask[block] == outside ? (byte)0 : (byte)1;
        }

        void TryEnqueue(int row, int column)
        {
            if (row >= 0 && column >= 0 && row < grid.Rows && column < grid.Columns && mask[row * grid.Columns + column] == 0)
            {
                mask[row * grid.Columns + column] = outside;
                queue[count++] = row * grid.Columns + column;
            }
        }
    }

    private static void KeepLargestRegion(BlockGrid grid, byte[] mask, byte[] labels, int[] queue)
    {
        Array.Clear(labels, 0, grid.BlockCount);
        int largestSeed = -1, largestSize = 0;
        for (var seed = 0; seed < grid.BlockCount; seed++)
        {
            if (mask[seed] == 1 && labels[seed] == 0)
            {
                var size = Flood(grid, mask, labels, queue, seed);
                if (size > largestSize)
                {
                    largestSize = size;
                    largestSeed = seed;
                }
            }
        }
        if (largestSeed < 0)
        {
            return;
        }
        Array.Clear(labels, 0, grid.BlockCount);
        Flood(grid, mask, labels, queue, largestSeed);
        Array.Copy(labels, mask, grid.BlockCount);
    }

    private static int Flood(BlockGrid grid, byte[] mask, byte[] labels, int[] queue, int seed)
    {
        var count = 0;
        labels[seed] = 1;
        queue[count++] = seed;
        for (var head = 0; head < count; head++)
        {
            var block = queue[head];
            int row = block / grid.Columns, column = block % grid.Columns;
            for (var r = Math.Max(0, row - 1); r <= Math.Min(grid.Rows - 1, row + 1); r++)
            {
                for (var c = Math.Max(0, column - 1); c <= Math.Min(grid.Columns - 1, column + 1); c++)
                {
                    var neighbour = r * grid.Columns + c;
                    if (mask[neighbour] == 1 && labels[neighbour] == 0)
                    {
                        labels[neighbour] = 1;
                        queue[count++] = neighbour;
                    }
                }
            }
        }
        return count;
    }
}
