namespace Matcher.Fingerprint.Templates.Formats;

/// <summary>Reads ISO/IEC 19794-2:2005 and ANSI INCITS 378-2004 minutiae records into 500 dpi views.</summary>
internal static class StandardRecordReader
{
    /// <summary>
    /// How far the declared record length may disagree with the structure. Published samples miscount: NIST's ISO
    /// example declares one byte less than it holds, FingerprintIO's ANSI sample declares the ISO length (two less).
    /// </summary>
    public const int LengthTolerance = 2;

    private const int MinutiaBytes = 6;

    public static IReadOnlyList<FingerprintView> Read(ReadOnlySpan<byte> data, StandardDialect dialect, TemplateImportOptions options)
    {
        var reader = new RecordReader(data);
        reader.Take(8, "format identifier and version");
        var declaredLength = ReadLength(ref reader, dialect);
        if (declaredLength > options.MaxRecordBytes)
        {
            throw TemplateErrors.TooLarge(declaredLength, options.MaxRecordBytes);
        }
        if (dialect.HasProductId)
        {
            reader.Take(4, "CBEFF product identifier");
        }
        reader.Take(2, "capture equipment");
        var width = reader.ReadUInt16BigEndian("image width");
        var height = reader.ReadUInt16BigEndian("image height");
        var resolutionX = reader.ReadUInt16BigEndian("horizontal resolution");
        var resolutionY = reader.ReadUInt16BigEndian("vertical resolution");
        var viewCount = reader.ReadByte("number of finger views");
        reader.Take(1, "reserved header byte");
        if (viewCount == 0)
        {
            throw TemplateErrors.NoViews();
        }
        if (viewCount > TemplateLimits.MaxViews)
        {
            throw TemplateErrors.TooManyViews(viewCount);
        }
        var frame = StandardFrame.Validated(width, height, resolutionX, resolutionY);
        var views = new FingerprintView[viewCount];
        for (var v = 0; v < viewCount; v++)
        {
            views[v] = ReadView(ref reader, v + 1, frame, dialect);
        }
        RecordEnd.Check(data, reader.Position, declaredLength, LengthTolerance);
        return views;
    }

    private static long ReadLength(ref RecordReader reader, StandardDialect dialect)
    {
        if (!dialect.HasProductId)
        {
            return reader.ReadUInt32BigEndian("record length");
        }
        var shortLength = reader.ReadUInt16BigEndian("record length");
        return shortLength != 0 ? shortLength : reader.ReadUInt32BigEndian("long record length");
    }

    private static FingerprintView ReadView(ref RecordReader reader, int number, StandardFrame frame, StandardDialect dialect)
    {
        var header = reader.Take(4, RecordPart.OfView("header", number));
        var fingerPosition = header[0];
        var viewNumber = header[1] >> 4;
        var impressionType = header[1] & 0x0f;
        var quality = header[2];
        var count = header[3];
        TemplateValidation.CheckFingerPosition(fingerPosition, number);
        TemplateValidation.CheckQuality(quality, RecordPart.View(number));
        var block = reader.Take(count * MinutiaBytes, RecordPart.Minutiae(count, number));
        var minutiae = new Minutia[count];
        for (var i = 0; i < count; i++)
        {
            minutiae[i] = ReadMinutia(block.Slice(i * MinutiaBytes, MinutiaBytes), frame, dialect, number, i + 1);
        }
        var extendedLength = reader.ReadUInt16BigEndian(RecordPart.OfView("extended data length", number));
        reader.Take(extendedLength, RecordPart.OfView("extended data", number));
        return new FingerprintView(fingerPosition, viewNumber, impressionType, frame.ToTemplate(minutiae, quality));
    }

    private static Minutia ReadMinutia(ReadOnlySpan<byte> bytes, StandardFrame frame, StandardDialect dialect, int view, int index)
    {
        var typeAndX = (bytes[0] << 8) | bytes[1];
        var y = ((bytes[2] << 8) | bytes[3]) & 0x3fff;
        var x = typeAndX & 0x3fff;
        var part = RecordPart.Minutia(index, view);
        var type = TemplateValidation.CheckType(typeAndX >> 14, part);
        TemplateValidation.CheckQuality(bytes[5], part);
        if (!frame.Contains(x, y))
        {
            throw TemplateErrors.InvalidValue(part.ToString(), $"lies outside the {frame.Width} x {frame.Height} image");
        }
        // Out-of-range ANSI angles (over 179) wrap around: FingerprintIO's published ANSI sample carries ISO angle values.
        var direction = DirectionUnits.ToRadians(bytes[4], dialect.AngleStepsPerTurn);
        return new Minutia(x, y, direction, type, bytes[5]);
    }
}
