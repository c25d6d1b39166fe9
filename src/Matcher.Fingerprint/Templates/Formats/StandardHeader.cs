using System.Buffers.Binary;

namespace Matcher.Fingerprint.Templates.Formats;

/// <summary>
/// The fixed start of ISO and ANSI records: "FMR\0", a version, then a record length whose width tells the two apart.
/// ISO always writes 4 bytes; ANSI writes 2 bytes, or 2 zero bytes followed by 4 bytes for records over 65,535 bytes.
/// </summary>
internal static class StandardHeader
{
    public const int PrefixBytes = 12;

    private const int IsoMinimumLength = 24;

    public static ReadOnlySpan<byte> FormatIdentifier => "FMR\0"u8;

    /// <summary>The 2005 versions. ANSI 378-2004 writes " 20\0"; some ANSI writers (FingerprintIO's sample) write "020\0".</summary>
    public static bool IsSupportedVersion(ReadOnlySpan<byte> version) => version.SequenceEqual(" 20\0"u8) || version.SequenceEqual("020\0"u8);

    /// <summary>
    /// Which of the two 2005-era dialects a record with a supported version is. The length field decides; when its
    /// answer has an implausible header (view count outside 1..10 or a non-zero reserved byte) and the other reading
    /// has a plausible one, the other wins, so that a lying length field still gets the error of the right format.
    /// </summary>
    public static StandardDialect DetectDialect(ReadOnlySpan<byte> data)
    {
        var high = BinaryPrimitives.ReadUInt16BigEndian(data[8..]);
        var isoLength = BinaryPrimitives.ReadUInt32BigEndian(data[8..]);
        var byLength = high != 0
            // Only an ISO record of 64 KiB or more has a non-zero top half; it then says roughly how long the data is.
            ? (isoLength <= (uint)data.Length + StandardRecordReader.LengthTolerance ? StandardDialect.Iso : StandardDialect.Ansi)
            : (isoLength < IsoMinimumLength ? StandardDialect.Ansi : StandardDialect.Iso);
        var other = byLength == StandardDialect.Iso ? StandardDialect.Ansi : StandardDialect.Iso;
        return !HasPlausibleViewCount(data, byLength) && HasPlausibleViewCount(data, other) ? other : byLength;
    }

    private static bool HasPlausibleViewCount(ReadOnlySpan<byte> data, StandardDialect dialect)
    {
        var longLength = dialect.HasProductId && BinaryPrimitives.ReadUInt16BigEndian(data[8..]) == 0 ? 4 : 0;
        var viewCountAt = dialect.HeaderBytes + longLength - 2;
        return data.Length >= viewCountAt + 2
            && data[viewCountAt] is > 0 and <= TemplateLimits.MaxViews
            && data[viewCountAt + 1] == 0;
    }

    /// <summary>The version field as an operator would quote it, for example "030".</summary>
    public static string DescribeVersion(ReadOnlySpan<byte> version)
    {
        var text = new string(version.ToArray().Where(b => b is > 0x20 and < 0x7f).Select(b => (char)b).ToArray());
        var known = text switch
        {
            "030" => " (ISO/IEC 19794-2:2011 or ANSI INCITS 378-2009)",
            "035" => " (ANSI INCITS 378-2009/AM 1)",
            _ => "",
        };
        return text.Length == 0 ? "(unreadable)" : $"'{text}'{known}";
    }
}
