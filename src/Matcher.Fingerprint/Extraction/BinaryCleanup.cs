namespace Matcher.Fingerprint.Extraction;

/// <summary>
/// Removes specks of ridge (dust, noise) and fills small holes in ridges (sweat pores) before thinning, because each
/// would otherwise thin into a pair of false minutiae.
/// </summary>
internal static class BinaryCleanup
{
    private const byte Ridge = 1;
    private const byte Valley = 0;
    private const byte Visited = 2;
    private const byte Queued = 3;

    public static void RemoveDotsAndPores(byte[] ridges, BlockGrid grid, int[] work)
    {
        RemoveSmallRegions(ridges, grid, work, Ridge, ExtractionParameters.MaxDotArea, eightConnected: true);
        RemoveSmallRegions(ridges, grid, work, Valley, ExtractionParameters.MaxPoreArea, eightConnected: false);
    }

    /// <summary>
    /// Flips every connected region of <paramref name="value"/> smaller than <paramref name="maxArea"/>. Ridges connect
    /// through corners and valleys do not, the usual dual pair that keeps the two from crossing each other.
    /// </summary>
    private static void RemoveSmallRegions(byte[] image, BlockGrid grid, int[] queue, byte value, int maxArea, bool eightConnected)
    {
        var width = grid.Width;
        var flipped = value == Ridge ? Valley : Ridge;
        // The one-pixel frame (always valley) is fenced off as already visited so floods never step outside the image.
        SetFrame(image, grid, Visited);
        Span<int> steps = stackalloc int[8];
        var stepCount = 0;
        steps[stepCount++] = -width;
        steps[stepCount++] = width;
        steps[stepCount++] = -1;
        steps[stepCount++] = 1;
        if (eightConnected)
        {
            steps[stepCount++] = -width - 1;
            steps[stepCount++] = -width + 1;
            steps[stepCount++] = width - 1;
            steps[stepCount++] = width + 1;
        }
        steps = steps[..stepCount];
        for (var seed = width; seed < grid.PixelCount - width; seed++)
        {
            if (image[seed] != value)
            {
                continue;
            }
            var count = Flood(image, queue, seed, value, steps);
            var mark = count < maxArea ? flipped : Visited;
            for (var i = 0; i < count; i++)
            {
                image[queue[i]] = mark;
            }
        }
        for (var i = 0; i < grid.PixelCount; i++)
        {
            if (image[i] == Visited)
            {
                image[i] = value;
            }
        }
        SetFrame(image, grid, Valley);
    }

    private static int Flood(byte[] image, int[] queue, int seed, byte value, ReadOnlySpan<int> steps)
    {
        var count = 0;
        image[seed] = Queued;
        queue[count++] = seed;
        for (var head = 0; head < count; head++)
        {
            var pixel = queue[head];
            foreach (var step in steps)
            {
                var neighbour = pixel + step;
                if (image[neighbour] == value)
                {
                    image[neighbour] = Queued;
                    queue[count++] = neighbour;
                }
            }
        }
        return count;
    }

    private static void SetFrame(byte[] image, BlockGrid grid, byte mark)
    {
        var width = grid.Width;
        image.AsSpan(0, width).Fill(mark);
        image.AsSpan(grid.PixelCount - width, width).Fill(mark);
        for (var y = 1; y < grid.Height - 1; y++)
        {
            image[y * width] = mark;
            image[y * width + width - 1] = mark;
        }
    }
}
