namespace Matcher.Fingerprint.Templates;

/// <summary>
/// The minutiae of one finger impression, normalised to 500 dpi. <see cref="Width"/> and <see cref="Height"/> give the
/// frame the coordinates live in (the impression's size at 500 dpi). <see cref="SampleQuality"/> is 0..100.
/// </summary>
public sealed class FingerprintTemplate
{
    public const int Dpi = 500;

    public FingerprintTemplate(int width, int height, IReadOnlyList<Minutia> minutiae, byte sampleQuality)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), "A template frame must have a positive size.");
        }
        Width = width;
        Height = height;
        Minutiae = minutiae;
        SampleQuality = sampleQuality;
    }

    public int Width { get; }

    public int Height { get; }

    public IReadOnlyList<Minutia> Minutiae { get; }

    public byte SampleQuality { get; }
}
