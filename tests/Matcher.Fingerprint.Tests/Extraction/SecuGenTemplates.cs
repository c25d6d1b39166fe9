using System.Buffers.Binary;
using Matcher.Fingerprint.Templates;
using Matcher.Testing;

namespace Matcher.Fingerprint.Tests.Extraction;

/// <summary>
/// Minutiae found by a commercial extractor (SecuGen) in the same FVC2002 images, as ISO 19794-2:2005 records. They
/// were extracted from images resized to 300 x 400, so positions and angles are mapped back to the original image and
/// then to 500 dpi, the frame our extractor reports in.
/// </summary>
internal static class SecuGenTemplates
{
    private const int FrameWidth = 300;
    private const int FrameHeight = 400;

    public static IReadOnlyList<Minutia> Load(string database, int finger, int impression, int imageWidth, int imageHeight)
    {
        var path = Path.Combine(Datasets.Require("fingerprints/iso19794-2/openafis/fvc2002"), database, $"{finger}_{impression}.iso");
        var scale = 500.0 / FvcImages.DpiOf(database);
        var scaleX = (double)imageWidth / FrameWidth * scale;
        var scaleY = (double)imageHeight / FrameHeight * scale;
        return Parse(File.ReadAllBytes(path), scaleX, scaleY);
    }

    private static List<Minutia> Parse(byte[] record, double scaleX, double scaleY)
    {
        var span = record.AsSpan();
        if (!span.StartsWith("FMR\0"u8))
        {
            throw new InvalidDataException("Not an ISO 19794-2 record.");
        }
        const int firstView = 24;
        var count = span[firstView + 3];
        var minutiae = new List<Minutia>(count);
        for (var i = 0; i < count; i++)
        {
            var entry = span.Slice(firstView + 4 + 6 * i, 6);
            var first = BinaryPrimitives.ReadUInt16BigEndian(entry);
            var second = BinaryPrimitives.ReadUInt16BigEndian(entry[2..]);
            var type = (MinutiaType)(first >> 14);
            var angle = entry[4] * 2 * Math.PI / 256;
            // A non-uniform resize skews angles too: map the direction vector, not the angle.
            var directionX = Math.Cos(angle) * scaleX;
            var directionY = Math.Sin(angle) * scaleY;
            var mapped = Math.Atan2(directionY, directionX);
            if (mapped < 0)
            {
                mapped += 2 * Math.PI;
            }
            minutiae.Add(new Minutia((int)Math.Round((first & 0x3FFF) * scaleX), (int)Math.Round((second & 0x3FFF) * scaleY),
                (float)(mapped % (2 * Math.PI)), type, entry[5]));
        }
        return minutiae;
    }
}
