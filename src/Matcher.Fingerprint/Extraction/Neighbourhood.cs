namespace Matcher.Fingerprint.Extraction;

/// <summary>
/// The 8 neighbours of a pixel as a bit mask, clockwise from north: bit 0 = N, 1 = NE, 2 = E, 3 = SE, 4 = S, 5 = SW,
/// 6 = W, 7 = NW. Callers keep the one-pixel image frame empty, so no bounds checks are needed.
/// </summary>
internal static class Neighbourhood
{
    public static ReadOnlySpan<int> Dx => [0, 1, 1, 1, 0, -1, -1, -1];

    public static ReadOnlySpan<int> Dy => [-1, -1, 0, 1, 1, 1, 0, -1];

    public static int Bits(byte[] image, int pixel, int width) =>
        (image[pixel - width] != 0 ? 1 : 0)
        | (image[pixel - width + 1] != 0 ? 2 : 0)
        | (image[pixel + 1] != 0 ? 4 : 0)
        | (image[pixel + width + 1] != 0 ? 8 : 0)
        | (image[pixel + width] != 0 ? 16 : 0)
        | (image[pixel + width - 1] != 0 ? 32 : 0)
        | (image[pixel - 1] != 0 ? 64 : 0)
        | (image[pixel - width - 1] != 0 ? 128 : 0);

    public static int Offset(int direction, int width) => Dy[direction] * width + Dx[direction];

    /// <summary>Number of set neighbours.</summary>
    public static int Count(int bits) => System.Numerics.BitOperations.PopCount((uint)bits);

    /// <summary>Crossing number: how many separate runs of set neighbours surround the pixel (1 = ridge end, 2 = ridge, 3 = fork).</summary>
    public static int Crossings(int bits)
    {
        var rotated = ((bits << 1) | (bits >> 7)) & 0xFF;
        return System.Numerics.BitOperations.PopCount((uint)(bits & ~rotated & 0xFF));
    }
}
