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
        var (top, bottom) = RowRange(ridges, grid);
        bool changed;
        do
        {
            changed = SubIteration(ridges, grid, top, bottom, RemovableFirst, work);
            changed |= SubIteration(ridges, grid, top, bottom, RemovableSecond, work);
        }
        while (changed);
        RemoveStaircaseCorners(ridges, grid, top, bottom);
    }

    private static (int Top, int Bottom) RowRange(byte[] image, BlockGrid grid)
    {
        int top = grid.Height, bottom = 0;
        for (var y = 1; y < grid.Height - 1; y++)
        {
            if (image.AsSpan(y * grid.Width, grid.Width).ContainsAnyExcept((byte)0))
            {
                top = Math.Min(top, y);
                bottom = y;
            }
        }
        return (top, bottom);
    }

    private static bool SubIteration(byte[] image, BlockGrid grid, int top, int bottom, bool[] removable, int[] work)
    {
        var width = grid.Width;
        var count = 0;
        for (var y = top; y <= bottom; y++)
        {
            for (var x = 1; x < width - 1; x++)
            {
                var pixel = y * width + x;
                if (image[pixel] != 0 && removable[Neighbourhood.Bits(image, pixel, width)])
                {
                    work[count++] = pixel;
                }
            }
        }
        for (var i = 0; i < count; i++)
        {
            image[work[i]] = 0;
        }
        return count > 0;
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
    private static void RemoveStaircaseCorners(byte[] image, BlockGrid grid, int top, int bottom)
    {
        var width = grid.Width;
        for (var y = top; y <= bottom; y++)
        {
            for (var x = 1; x < width - 1; x++)
            {
                var pixel = y * width + x;
                if (image[pixel] == 0)
                {
                    continue;
                }
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
}
