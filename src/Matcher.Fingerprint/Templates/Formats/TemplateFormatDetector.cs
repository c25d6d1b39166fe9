namespace Matcher.Fingerprint.Templates.Formats;

/// <summary>Tells the supported formats apart by their magic bytes, version and (ISO against ANSI) length field.</summary>
internal static class TemplateFormatDetector
{
    public static TemplateFormat Detect(ReadOnlySpan<byte> data)
    {
        if (StartsWithOrIsPrefixOf(data, NativeLayout.Magic))
        {
            NativeLayout.CheckVersion(data);
            return TemplateFormat.Native;
        }
        if (!StartsWithOrIsPrefixOf(data, StandardHeader.FormatIdentifier))
        {
            throw TemplateErrors.UnknownFormat();
        }
        if (data.Length < 8)
        {
            throw TemplateErrors.Truncated("format identifier and version", 8, data.Length);
        }
        var version = data[4..8];
        if (!StandardHeader.IsSupportedVersion(version))
        {
            throw TemplateErrors.UnsupportedVersion(
                "ISO/ANSI minutiae", StandardHeader.DescribeVersion(version), "ISO/IEC 19794-2:2005 and ANSI INCITS 378-2004 (' 20')");
        }
        if (data.Length < StandardHeader.PrefixBytes)
        {
            throw TemplateErrors.Truncated("record length", StandardHeader.PrefixBytes, data.Length);
        }
        return StandardHeader.DetectDialect(data).Format;
    }

    /// <summary>A record cut inside its magic bytes is reported as truncated rather than as an unknown format.</summary>
    private static bool StartsWithOrIsPrefixOf(ReadOnlySpan<byte> data, ReadOnlySpan<byte> magic) =>
        data.Length > 0 && (data.StartsWith(magic) || (data.Length < magic.Length && magic.StartsWith(data)));
}
