using Matcher.Imaging.Decoding;

namespace Matcher.Imaging.Tiff;

/// <summary>
/// Baseline TIFF reader for the first image of a file: strips (not tiles), chunky samples, 8 or 16 bits per sample,
/// greyscale (WhiteIsZero or BlackIsZero, with or without an alpha sample), RGB (with or without alpha) and 8-bit palette,
/// uncompressed, PackBits, LZW or Deflate, with or without horizontal differencing (Predictor 2). Resolution tags are
/// ignored (FVC2002 files say 1 x 1 dpi); the Orientation tag is applied.
/// </summary>
internal static class TiffDecoder
{
    private const string Format = "TIFF";

    public static bool IsTiffMagic(ReadOnlySpan<byte> data) =>
        (data[0] == 'I' && data[1] == 'I' && (data[2] == 42 || data[2] == 43) && data[3] == 0)
        || (data[0] == 'M' && data[1] == 'M' && data[2] == 0 && (data[3] == 42 || data[3] == 43));

    public static DecodedImage Decode(ReadOnlySpan<byte> data, ImageLimits limits)
    {
        if (data.Length < 8)
        {
            throw ImageErrors.TruncatedInput(Format, $"the file has {data.Length} bytes, fewer than the 8-byte header");
        }
        var reader = new TiffReader(data, bigEndian: data[0] == 'M');
        if (reader.UInt16(2) == 43)
        {
            throw ImageErrors.Unsupported("BigTIFF (64-bit offsets) is not supported; save as classic TIFF");
        }
        var directory = TiffDirectory.Read(reader, reader.UInt32(4));
        var layout = TiffLayout.Read(reader, directory, limits);
        var raw = ReadStrips(reader, directory, layout);
        var image = TiffPixels.Convert(raw, layout, reader.BigEndian);
        return Orientation.Apply(image, (int)directory.Scalar(reader, TiffTag.Orientation, 1));
    }

    private static byte[] ReadStrips(TiffReader reader, TiffDirectory directory, TiffLayout layout)
    {
        var stripCount = (int)((layout.Height + layout.RowsPerStrip - 1) / layout.RowsPerStrip);
        var offsets = directory.Array(reader, TiffTag.StripOffsets, stripCount, "StripOffsets")
            ?? throw ImageErrors.Corrupt(Format, "the required StripOffsets tag (273) is missing");
        var counts = directory.Array(reader, TiffTag.StripByteCounts, stripCount, "StripByteCounts");
        if (counts is null)
        {
            if (layout.Compression != TiffCompression.None)
            {
                throw ImageErrors.Corrupt(Format, "the StripByteCounts tag (279) is missing from a compressed file");
            }
            counts = new uint[stripCount];
            for (var i = 0; i < stripCount; i++)
            {
                counts[i] = (uint)Math.Min(StripBytes(layout, i), reader.Data.Length);
            }
        }

        // Every strip must lie inside the file and be able to hold its rows before the pixel buffer is allocated.
        long encodedTotal = 0;
        for (var i = 0; i < stripCount; i++)
        {
            reader.Slice(offsets[i], counts[i]);
            encodedTotal += counts[i];
            if (layout.Compression == TiffCompression.None && counts[i] < StripBytes(layout, i))
            {
                throw ImageErrors.TruncatedInput(Format, $"strip {i} has {counts[i]} bytes but its rows need {StripBytes(layout, i)}");
            }
        }
        var totalBytes = layout.RowBytes * layout.Height;
        if (totalBytes > Array.MaxLength)
        {
            throw ImageErrors.TooManyPixels(layout.Width, layout.Height, (int)(Array.MaxLength / (layout.RowBytes / layout.Width)));
        }
        if (encodedTotal * MaxExpansion(layout.Compression) < totalBytes)
        {
            throw ImageErrors.TruncatedInput(Format, $"{encodedTotal} compressed bytes cannot hold {totalBytes} bytes of pixels");
        }

        var raw = new byte[totalBytes];
        for (var i = 0; i < stripCount; i++)
        {
            var start = (long)i * layout.RowsPerStrip * layout.RowBytes;
            var destination = raw.AsSpan((int)start, (int)StripBytes(layout, i));
            var source = reader.Slice(offsets[i], counts[i]);
            var written = layout.Compression switch
            {
                TiffCompression.None => Copy(source, destination),
                TiffCompression.PackBits => PackBits.Decode(source, destination),
                TiffCompression.Lzw => TiffLzw.Decode(source, destination),
                _ => TiffDeflate.Decode(source, destination),
            };
            if (written < destination.Length)
            {
                throw ImageErrors.TruncatedInput(Format, $"strip {i} decodes to {written} bytes but its rows need {destination.Length}");
            }
            if (layout.Predictor == 2)
            {
                Predictor.UndoHorizontalDifferencing(destination, layout, reader.BigEndian);
            }
        }
        return raw;
    }

    private static long StripBytes(TiffLayout layout, int strip) =>
        Math.Min(layout.RowsPerStrip, layout.Height - (long)strip * layout.RowsPerStrip) * layout.RowBytes;

    /// <summary>The most bytes one encoded byte can expand to, so an impossible ratio is caught before allocating.</summary>
    private static long MaxExpansion(int compression) => compression switch
    {
        TiffCompression.None => 1,
        TiffCompression.PackBits => 64, // 2 bytes repeat one byte 128 times
        TiffCompression.Lzw => 4096, // one 9..12-bit code stands for at most 4096 bytes
        _ => 1032, // the deflate limit: 258 bytes per 2 bits
    };

    private static int Copy(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        source[..destination.Length].CopyTo(destination);
        return destination.Length;
    }
}
