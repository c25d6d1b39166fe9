namespace Matcher.Fingerprint.Templates.Formats;

/// <summary>
/// Byte layout of the native template format (little-endian; see docs/template-format.md):
/// header "MTF", version, record length (u16, whole record), view count (u8);
/// per view: finger position, view number and impression type (nibbles), sample quality, width (u16), height (u16),
/// minutia count (u8); per minutia: x (u16), y (u16), type (2 bits) and direction (14 bits, 1/32 degree), quality (u8);
/// finally the CRC-32C of everything before it.
/// </summary>
internal static class NativeLayout
{
    public const byte Version = 1;

    public const int HeaderBytes = 7;

    public const int ViewHeaderBytes = 8;

    public const int MinutiaBytes = 7;

    public const int ChecksumBytes = 4;

    public const int DirectionBits = 14;

    public static ReadOnlySpan<byte> Magic => "MTF"u8;

    public static int RecordLength(IReadOnlyList<FingerprintView> views) =>
        HeaderBytes + views.Sum(v => ViewHeaderBytes + (v.Template.Minutiae.Count * MinutiaBytes)) + ChecksumBytes;

    public static void CheckVersion(ReadOnlySpan<byte> data)
    {
        if (data.Length <= Magic.Length)
        {
            throw TemplateErrors.Truncated("format identifier and version", Magic.Length + 1, data.Length);
        }
        var version = data[Magic.Length];
        if (version != Version)
        {
            throw TemplateErrors.UnsupportedVersion("native Matcher", version.ToString(), $"{Version}");
        }
    }
}
