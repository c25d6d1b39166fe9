namespace Matcher.Fingerprint.Templates.Formats;

/// <summary>
/// What differs between ISO/IEC 19794-2:2005 and ANSI INCITS 378-2004 minutiae records: everything else (magic, frame,
/// views, 6-byte minutiae, extended data) is laid out identically.
/// </summary>
internal sealed class StandardDialect
{
    public static readonly StandardDialect Iso = new(
        "ISO/IEC 19794-2:2005", TemplateFormat.Iso19794_2_2005, DirectionUnits.IsoStepsPerTurn, hasProductId: false, headerBytes: 24);

    public static readonly StandardDialect Ansi = new(
        "ANSI INCITS 378-2004", TemplateFormat.Ansi378_2004, DirectionUnits.AnsiStepsPerTurn, hasProductId: true, headerBytes: 26);

    private StandardDialect(string name, TemplateFormat format, int angleStepsPerTurn, bool hasProductId, int headerBytes)
    {
        Name = name;
        Format = format;
        AngleStepsPerTurn = angleStepsPerTurn;
        HasProductId = hasProductId;
        HeaderBytes = headerBytes;
    }

    public string Name { get; }

    public TemplateFormat Format { get; }

    /// <summary>ISO angles step by 360/256 degrees, ANSI angles by 2 degrees.</summary>
    public int AngleStepsPerTurn { get; }

    /// <summary>ANSI adds a 4-byte CBEFF product identifier after the record length.</summary>
    public bool HasProductId { get; }

    /// <summary>Record header size with the short length field (ANSI grows by 4 bytes when it needs the long one).</summary>
    public int HeaderBytes { get; }

    public static StandardDialect For(TemplateFormat format) => format switch
    {
        TemplateFormat.Iso19794_2_2005 => Iso,
        TemplateFormat.Ansi378_2004 => Ansi,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not an ISO or ANSI minutiae format."),
    };
}
