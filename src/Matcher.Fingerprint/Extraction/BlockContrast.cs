namespace Matcher.Fingerprint.Extraction;

/// <summary>Local mean and standard deviation of grey levels per block, pooled over the neighbouring blocks.</summary>
internal static class BlockContrast
{
    public static void Measure(byte[] pixels, BlockGrid grid, float[] mean, float[] deviation, float[] sumWork, float[] squareWork)
    {
        var blocks = grid.BlockCount;
        Array.Clear(sumWork, 0, blocks);
        Array.Clear(squareWork, 0, blocks);
        for (var y = 0; y < grid.Height; y++)
        {
            var rowStart = y * grid.Width;
            var blockRow = y / BlockGrid.BlockSize * grid.Columns;
            for (var x = 0; x < grid.Width; x++)
            {
                float value = pixels[rowStart + x];
                var block = blockRow + x / BlockGrid.BlockSize;
                sumWork[block] += value;
                squareWork[block] += value * value;
            }
        }
        var radius = ExtractionParameters.StatisticsRadiusBlocks;
        for (var row = 0; row < grid.Rows; row++)
        {
            for (var column = 0; column < grid.Columns; column++)
            {
                double sum = 0, squares = 0, count = 0;
                for (var r = Math.Max(0, row - radius); r <= Math.Min(grid.Rows - 1, row + radius); r++)
                {
                    for (var c = Math.Max(0, column - radius); c <= Math.Min(grid.Columns - 1, column + radius); c++)
                    {
                        sum += sumWork[r * grid.Columns + c];
                        squares += squareWork[r * grid.Columns + c];
                        count += BlockPixelCount(grid, c, r);
                    }
                }
                var blockMean = sum / count;
                var block = row * grid.Columns + column;
                mean[block] = (float)blockMean;
                deviation[block] = (float)Math.Sqrt(Math.Max(0, squares / count - blockMean * blockMean));
            }
        }
    }

    private static int BlockPixelCount(BlockGrid grid, int column, int row) =>
        (Math.Min(grid.Width, (column + 1) * BlockGrid.BlockSize) - column * BlockGrid.BlockSize) *
        (Math.Min(grid.Height, (row + 1) * BlockGrid.BlockSize) - row * BlockGrid.BlockSize);
}
