using System.Buffers.Binary;
using Matcher.Imaging;
using Matcher.Testing;

namespace Matcher.Fingerprint.Tests.Extraction;

/// <summary>The FVC2002 B images: 4 databases x 10 fingers x 8 impressions, read straight from their simple TIFFs.</summary>
internal static class FvcImages
{
    public static IReadOnlyList<string> Databases { get; } = ["DB1_B", "DB2_B", "DB3_B", "DB4_B"];

    /// <summary>DB2_B was scanned at 569 dpi, the others at 500 (the TIFF resolution tags are wrong, see the dataset README).</summary>
    public static int DpiOf(string database) => database == "DB2_B" ? 569 : 500;

    public static string PathOf(string database, int finger, int impression) =>
        Path.Combine(Datasets.Require("fingerprints/fvc2002"), database, $"{finger}_{impression}.tif");

    public static GrayImage Load(string database, int finger, int impression) =>
        ReadTiff(File.ReadAllBytes(PathOf(database, finger, impression)));

    /// <summary>Uncompressed, 8-bit, little-endian, single-strip TIFF: all that these files use.</summary>
    private static GrayImage ReadTiff(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span[0] != (byte)'I' || span[1] != (byte)'I')
        {
            throw new InvalidDataException("Expected a little-endian TIFF.");
        }
        var directory = (int)BinaryPrimitives.ReadUInt32LittleEndian(span[4..]);
        var entries = BinaryPrimitives.ReadUInt16LittleEndian(span[directory..]);
        int width = 0, height = 0, stripOffset = 0;
        for (var i = 0; i < entries; i++)
        {
            var entry = span.Slice(directory + 2 + 12 * i, 12);
            var tag = BinaryPrimitives.ReadUInt16LittleEndian(entry);
            var type = BinaryPrimitives.ReadUInt16LittleEndian(entry[2..]);
            var value = type == 3 ? BinaryPrimitives.ReadUInt16LittleEndian(entry[8..]) : (int)BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]);
            switch (tag)
            {
                case 256: width = value; break;
                case 257: height = value; break;
                case 273: stripOffset = value; break;
            }
        }
        return new GrayImage(width, height, span.Slice(stripOffset, width * height).ToArray());
    }
}
