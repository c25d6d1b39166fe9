namespace Matcher.Imaging;

/// <summary>
/// Upper bounds an input image must respect before any pixel memory is allocated. The defaults suit ID stations:
/// a 4096 x 4096 image (16,777,216 pixels) and 20 MiB of encoded bytes.
/// </summary>
public sealed record ImageLimits
{
    /// <summary>The most pixels (width x height) a decoded image may have.</summary>
    public int MaxPixels
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxPixels), value, "MaxPixels must be positive.");
    } = 4096 * 4096;

    /// <summary>The most bytes an encoded image may have.</summary>
    public int MaxEncodedBytes
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxEncodedBytes), value, "MaxEncodedBytes must be positive.");
    } = 20 * 1024 * 1024;

    /// <summary>The limits used when a caller passes none.</summary>
    public static ImageLimits Default { get; } = new();
}
