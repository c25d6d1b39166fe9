using Matcher.Imaging.Decoding;

namespace Matcher.Imaging.Tiff;

/// <summary>The validated geometry and sample layout of a TIFF image.</summary>
internal sealed record TiffLayout(
    int Width,
    int Height,
    int SamplesPerPixel,
    int BitsPerSample,
    int Photometric,
    int Compression,
    int Predictor,
    long RowsPerStrip,
    ushort[]? ColorMap)
{
    private const string Format = "TIFF";

    public const int WhiteIsZero = 0;
    public const int BlackIsZero = 1;
    public const int Rgb = 2;
    public const int Palette = 3;

    public int BytesPerSample => BitsPerSample / 8;

    public long RowBytes => (long)Width * SamplesPerPixel * BytesPerSample;

    public static TiffLayout Read(TiffReader reader, TiffDirectory directory, ImageLimits limits)
    {
        var width = directory.Required(reader, TiffTag.ImageWidth, "ImageWidth");
        var height = directory.Required(reader, TiffTag.ImageLength, "ImageLength");
        ImageErrors.CheckDimensions(width, height, limits, Format);

        if (directory.Contains(TiffTag.TileWidth))
        {
            throw ImageErrors.Unsupported("tiled TIFF is not supported; save with strips");
        }
        var compression = directory.Scalar(reader, TiffTag.Compression, TiffCompression.None);
        if (compression is not (TiffCompression.None or TiffCompression.PackBits or TiffCompression.Lzw
            or TiffCompression.Deflate or TiffCompression.DeflateOld))
        {
            throw ImageErrors.Unsupported(
                $"TIFF compression {compression} ({TiffCompression.Name(compression)}); uncompressed, PackBits, LZW and Deflate are accepted");
        }
        var samples = directory.Scalar(reader, TiffTag.SamplesPerPixel, 1);
        if (samples is < 1 or > 4)
        {
            throw ImageErrors.Unsupported($"a TIFF with {samples} samples per pixel; 1 to 4 are accepted");
        }
        var bits = directory.Array(reader, TiffTag.BitsPerSample, (int)samples, "BitsPerSample") ?? [1];
        if (bits.Any(b => b != bits[0]) || bits[0] is not (8 or 16))
        {
            throw ImageErrors.Unsupported($"a TIFF with {string.Join(",", bits)} bits per sample; 8 or 16 are accepted");
        }
        var photometric = directory.Scalar(reader, TiffTag.PhotometricInterpretation, samples >= 3 ? (uint)Rgb : BlackIsZero);
        var samplesOk = photometric switch
        {
            WhiteIsZero or BlackIsZero => samples <= 2,
            Rgb => samples >= 3,
            Palette => samples == 1 && bits[0] == 8,
            _ => throw ImageErrors.Unsupported(
                $"TIFF photometric interpretation {photometric}; greyscale, RGB and palette are accepted"),
        };
        if (!samplesOk)
        {
            throw ImageErrors.Corrupt(Format, $"photometric interpretation {photometric} with {samples} samples of {bits[0]} bits per pixel");
        }
        var planar = directory.Scalar(reader, TiffTag.PlanarConfiguration, 1);
        if (planar != 1 && samples > 1)
        {
            throw ImageErrors.Unsupported("planar (separate-plane) TIFF is not supported; save with interleaved samples");
        }
        var sampleFormat = directory.Scalar(reader, TiffTag.SampleFormat, 1);
        if (sampleFormat != 1)
        {
            throw ImageErrors.Unsupported($"TIFF sample format {sampleFormat}; only unsigned integer samples are accepted");
        }
        var predictor = directory.Scalar(reader, TiffTag.Predictor, 1);
        if (compression is not (TiffCompression.Lzw or TiffCompression.Deflate or TiffCompression.DeflateOld))
        {
            predictor = 1; // only meaningful with LZW and Deflate
        }
        if (predictor is not (1 or 2))
        {
            throw ImageErrors.Unsupported($"TIFF predictor {predictor}; none (1) and horizontal differencing (2) are accepted");
        }
        long rowsPerStrip = directory.Scalar(reader, TiffTag.RowsPerStrip, uint.MaxValue);
        if (rowsPerStrip == 0)
        {
            throw ImageErrors.Corrupt(Format, "RowsPerStrip is 0");
        }
        rowsPerStrip = Math.Min(rowsPerStrip, height);

        ushort[]? colorMap = null;
        if (photometric == Palette)
        {
            var map = directory.Array(reader, TiffTag.ColorMap, 3 * 256, "ColorMap")
                ?? throw ImageErrors.Corrupt(Format, "a palette image has no ColorMap tag (320)");
            colorMap = map.Select(v => (ushort)v).ToArray();
        }
        return new TiffLayout((int)width, (int)height, (int)samples, (int)bits[0], (int)photometric, (int)compression,
            (int)predictor, rowsPerStrip, colorMap);
    }
}
