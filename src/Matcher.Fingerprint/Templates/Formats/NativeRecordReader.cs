using System.Buffers.Binary;

namespace Matcher.Fingerprint.Templates.Formats;

/// <summary>Reads the native template format (layout in <see cref="NativeLayout"/>); the checksum is verified before any field is trusted.</summary>
internal static class NativeRecordReader
{
    private const int DirectionMask = (1 << NativeLayout.DirectionBits) - 1;

    public static IReadOnlyList<FingerprintView> Read(ReadOnlySpan<byte> data, TemplateImportOptions options)
    {
        var header = new RecordReader(data);
        header.Take(NativeLayout.Magic.Length + 1, "format identifier and version");
        var length = header.ReadUInt16LittleEndian("record length");
        if (length > options.MaxRecordBytes)
        {
            throw TemplateErrors.TooLarge(length, options.MaxRecordBytes);
        }
        if (length < NativeLayout.HeaderBytes + NativeLayout.ChecksumBytes)
        {
            throw TemplateErrors.LengthMismatch(length, NativeLayout.HeaderBytes + NativeLayout.ChecksumBytes);
        }
        if (length > data.Length)
        {
            throw TemplateErrors.Truncated($"record of {length} bytes (as its header declares)", length, data.Length);
        }
        var bodyLength = length - NativeLayout.ChecksumBytes;
        var storedChecksum = BinaryPrimitives.ReadUInt32LittleEndian(data[bodyLength..]);
        if (Crc32C.Compute(data[..bodyLength]) != storedChecksum)
        {
            throw TemplateErrors.ChecksumMismatch();
        }
        var reader = new RecordReader(data[..bodyLength]);
        reader.Take(NativeLayout.HeaderBytes - 1, "record header");
        var viewCount = reader.ReadByte("number of finger views");
        if (viewCount == 0)
        {
            throw TemplateErrors.NoViews();
        }
        if (viewCount > TemplateLimits.MaxViews)
        {
            throw TemplateErrors.TooManyViews(viewCount);
        }
        var views = new FingerprintView[viewCount];
        for (var v = 0; v < viewCount; v++)
        {
            views[v] = ReadView(ref reader, v + 1);
        }
        RecordEnd.Check(data, reader.Position + NativeLayout.ChecksumBytes, length, tolerance: 0);
        return views;
    }

    private static FingerprintView ReadView(ref RecordReader reader, int number)
    {
        var header = reader.Take(NativeLayout.ViewHeaderBytes, RecordPart.OfView("header", number));
        var fingerPosition = header[0];
        var quality = header[2];
        var width = BinaryPrimitives.ReadUInt16LittleEndian(header[3..]);
        var height = BinaryPrimitives.ReadUInt16LittleEndian(header[5..]);
        var count = header[7];
        TemplateValidation.CheckFingerPosition(fingerPosition, number);
        TemplateValidation.CheckQuality(quality, RecordPart.View(number));
        if (width == 0 || height == 0)
        {
            throw TemplateErrors.InvalidValue($"finger view {number}", "has an empty frame");
        }
        var block = reader.Take(count * NativeLayout.MinutiaBytes, RecordPart.Minutiae(count, number));
        var minutiae = new Minutia[count];
        for (var i = 0; i < count; i++)
        {
            minutiae[i] = ReadMinutia(block.Slice(i * NativeLayout.MinutiaBytes, NativeLayout.MinutiaBytes), width, height, number, i + 1);
        }
        var template = new FingerprintTemplate(width, height, minutiae, quality);
        return new FingerprintView(fingerPosition, header[1] >> 4, header[1] & 0x0f, template);
    }

    private static Minutia ReadMinutia(ReadOnlySpan<byte> bytes, int width, int height, int view, int index)
    {
        var x = BinaryPrimitives.ReadUInt16LittleEndian(bytes);
        var y = BinaryPrimitives.ReadUInt16LittleEndian(bytes[2..]);
        var typeAndDirection = BinaryPrimitives.ReadUInt16LittleEndian(bytes[4..]);
        var quality = bytes[6];
        var part = RecordPart.Minutia(index, view);
        var type = TemplateValidation.CheckType(typeAndDirection >> NativeLayout.DirectionBits, part);
        var direction = typeAndDirection & DirectionMask;
        TemplateValidation.CheckQuality(quality, part);
        if (x >= width || y >= height)
        {
            throw TemplateErrors.InvalidValue(part.ToString(), $"lies outside the {width} x {height} frame");
        }
        if (direction >= DirectionUnits.GridStepsPerTurn)
        {
            throw TemplateErrors.InvalidValue(part.ToString(), $"has direction step {direction}, beyond a full turn");
        }
        return new Minutia(x, y, DirectionUnits.ToRadians(direction, DirectionUnits.GridStepsPerTurn), type, quality);
    }
}
