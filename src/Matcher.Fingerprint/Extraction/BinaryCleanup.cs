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
        for (var y = 1; y < grid.Height - 1; y++)
        {
            for (var x = 1; x < width - 1; x++)
            {
                var seed = y * width + x;
                if (image[seed] != value)
                {
                    continue;
                }
                var count = Flood(image, grid, queue, seed, value, eightConnected, out var touchesFrame);
                var erase = count < maxArea && !touchesFrame;
                for (var i = 0; i < count; i++)
                {
                    image[queue[i]] = erase ? flipped : Visited;
                }
            }
        }
        for (var i = 0; i < grid.PixelCount; i++)
        {
            if (image[i] == Visited)
            {
                image[i] = value;
            }
        }
    }

    private static int Flood(byte[] image, BlockGrid grid, int[] queue, int seed, byte value, bool eightConnected, out bool touchesFrame)
    {
        var width = grid.Width;
        var count = 0;
        touchesFrame = false;
        image[seed] = Visited + 1;
        queue[count++] = seed;
        for (var head = 0; head < count; head++)
        {
            var pixel = queue[head];
            int x = pixel % width, y = pixel / width;
            if (x <= 1 || y <= 1 || x >= width - 2 || y >= grid.Height - 2)
            {
                touchesFrame = true;
                continue;
            }
            for (var dy = -1; dy <= 1; dy++)
            {
                for (var dx = -1; dx <= 1; dx++)
                {
                    if ((dx == 0 && dy == 0) || (!eightConnected && dx != 0 && dy != 0))
                    {
                        continue;
                    }
                    var neighbour = pixel + dy * width + dx;
                    if (image[neighbour] == value)
                    {
                        image[neighbour] = Visited + 1;
                        queue[count++] = neighbour;
                    }
                }
            }
        }
        return count;
    }
}
