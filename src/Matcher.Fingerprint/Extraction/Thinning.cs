namespace Matcher.Fingerprint.Extraction;

/// <summary>
/// Thins ridges to one-pixel-wide, 8-connected skeletons (Zhang and Suen's two sub-iteration scheme, decided by lookup
/// tables), then drops the corner pixels of staircases so every plain ridge pixel has exactly two neighbours.
/// </summary>
internal static class Thinning
{
    private static readonly bool[] RemovableFirst = BuildTable(firstSubIteration: true);
    private static readonly bool[] RemovableSecond = BuildTable(firstSubIteration: false);

    public static void Thin(byte[] ridges, BlockGrid grid, int[] work)
    {
        // Only pixels still on a ridge can be removed, so each pass visits that shrinking list, not the whole image.
        var count = CollectRidgePixels(ridges, grid, work);
        bool changed;
        do
        {
            changed = SubIteration(ridges, grid.Width, work, ref count, RemovableFirst);
            changed |= SubIteration(ridges, grid.Width, work, ref count, RemovableSecond);
        }
        while (changed);
        RemoveStaircaseCorners(ridges, grid.Width, work.AsSpan(0, count));
    }

    private static int CollectRidgePixels(byte[] image, BlockGrid grid, int[] pixels)
    {
        var count = 0;
        for (var pixel = grid.Width; pixel < grid.PixelCount - grid.Width; pixel++)
        {
            if (image[pixel] != 0)
            {
                pixels[count++] = pixel;
            }
        }
        return count;
    }

    /// <summary>
    /// Zhang-Suen decides all removals of a sub-iteration on the image as it was before it; removal is therefore marked
    /// first (value 2 still counts as set) and applied after the scan, while the list is compacted.
    /// </summary>
    private static bool SubIteration(byte[] image, int width, int[] pixels, ref int count, bool[] removable)
    {
        const byte doomed = 2;
        var any = false;
        for (var i = 0; i < count; i++)
        {
            var pixel = pixels[i];
            if (removable[Neighbourhood.Bits(image, pixel, width)])
            {
                image[pixel] = doomed;
                any = true;
            }
        }
        if (!any)
        {
            return false;
        }
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            var pixel = pixels[i];
            if (image[pixel] == doomed)
            {
                image[pixel] = 0;
            }
            else
            {
                pixels[kept++] = pixel;
            }
        }
        count = kept;
        return true;
    }

    private static bool[] BuildTable(bool firstSubIteration)
    {
        var table = new bool[256];
        for (var bits = 0; bits < 256; bits++)
        {
            var count = Neighbourhood.Count(bits);
            bool north = (bits & 1) != 0, east = (bits & 4) != 0, south = (bits & 16) != 0, west = (bits & 64) != 0;
            var keepsShape = firstSubIteration
                ? !(north && east && south) && !(east && south && west)
                : !(north && east && west) && !(north && south && west);
            table[bits] = count is >= 2 and <= 6 && Neighbourhood.Crossings(bits) == 1 && keepsShape;
        }
        return table;
    }

    /// <summary>
    /// A pixel whose two set 4-neighbours are also 8-neighbours of each other (an "L" corner) carries no connectivity;
    /// removing it leaves a clean diagonal step and prevents false forks.
    /// </summary>
    private static void RemoveStaircaseCorners(byte[] image, int width, ReadOnlySpan<int> skeleton)
    {
        foreach (var pixel in skeleton)
        {
            var bits = Neighbourhood.Bits(image, pixel, width);
            for (var corner = 0; corner < 8; corner += 2)
            {
                var first = 1 << corner;
                var second = 1 << ((corner + 2) & 7);
                var opposite = (1 << ((corner + 4) & 7)) | (1 << ((corner + 5) & 7)) | (1 << ((corner + 6) & 7));
                if ((bits & first) != 0 && (bits & second) != 0 && (bits & opposite) == 0)
                {
                    image[pixel] = 0;
                    break;
                }
            }
        }
    }
}
