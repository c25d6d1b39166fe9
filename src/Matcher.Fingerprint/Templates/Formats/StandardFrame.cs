namespace Matcher.Fingerprint.Templates.Formats;

/// <summary>
/// Image size and resolution from an ISO/ANSI record header, and the mapping of its pixel coordinates onto the
/// 500 dpi template frame. Resolutions are pixels per centimetre; 197 (500.4 dpi) is taken as exactly 500 dpi so that
/// the usual records keep their coordinates unchanged.
/// </summary>
internal readonly record struct StandardFrame(int Width, int Height, int ResolutionX, int ResolutionY)
{
    public const int NativeResolution = 197;

    /// <summary>Below about 100 dpi no fingerprint sensor works; such a value is a broken header, not a real sensor.</summary>
    private const int MinimumResolution = 40;

    /// <summary>Frame sides are 16-bit in every format; a low resolution scales a legal side past that at 500 dpi.</summary>
    private const int MaxTemplateSide = ushort.MaxValue;

    public static StandardFrame Validated(int width, int height, int resolutionX, int resolutionY)
    {
        return new StandardFrame(width, height, CheckResolution(resolutionX, "horizontal"), CheckResolution(resolutionY, "vertical"));
    }

    /// <summary>
    /// Builds the 500 dpi template, rescaling <paramref name="minutiae"/> in place; a zero width or height (unknown)
    /// is taken from the minutiae's extent.
    /// </summary>
    public FingerprintTemplate ToTemplate(Minutia[] minutiae, byte sampleQuality)
    {
        var width = Width > 0 ? Width : 1 + minutiae.Select(m => m.X).DefaultIfEmpty(0).Max();
        var height = Height > 0 ? Height : 1 + minutiae.Select(m => m.Y).DefaultIfEmpty(0).Max();
        if (ResolutionX == NativeResolution && ResolutionY == NativeResolution)
        {
            return new FingerprintTemplate(width, height, minutiae, sampleQuality);
        }
        var scaleX = (double)NativeResolution / ResolutionX;
        var scaleY = (double)NativeResolution / ResolutionY;
        var scaledWidth = Math.Max(1, Scale(width, scaleX));
        var scaledHeight = Math.Max(1, Scale(height, scaleY));
        if (scaledWidth > MaxTemplateSide || scaledHeight > MaxTemplateSide)
        {
            throw TemplateErrors.InvalidValue(
                $"the {width} x {height} image at {ResolutionX} x {ResolutionY} pixels per cm",
                $"is {scaledWidth} x {scaledHeight} pixels at 500 dpi, more than the {MaxTemplateSide} a template frame holds (about 3.3 m)");
        }
        for (var i = 0; i < minutiae.Length; i++)
        {
            // Rounding can push the last column onto the frame edge; keep every minutia inside the frame.
            minutiae[i] = minutiae[i] with
            {
                X = Math.Min(Scale(minutiae[i].X, scaleX), scaledWidth - 1),
                Y = Math.Min(Scale(minutiae[i].Y, scaleY), scaledHeight - 1),
            };
        }
        return new FingerprintTemplate(scaledWidth, scaledHeight, minutiae, sampleQuality);
    }

    public bool Contains(int x, int y) => (Width == 0 || x < Width) && (Height == 0 || y < Height);

    private static int Scale(int value, double scale) => (int)Math.Round(value * scale, MidpointRounding.AwayFromZero);

    private static int CheckResolution(int pixelsPerCm, string direction)
    {
        if (pixelsPerCm == 0)
        {
            return NativeResolution;
        }
        if (pixelsPerCm < MinimumResolution)
        {
            throw TemplateErrors.InvalidValue(
                $"the {direction} resolution of {pixelsPerCm} pixels per cm",
                $"is below the plausible minimum of {MinimumResolution} (about 100 dpi)");
        }
        return pixelsPerCm;
    }
}
