using Matcher.Fingerprint.Templates.Formats;

namespace Matcher.Fingerprint.Templates;

/// <summary>
/// Reads and writes fingerprint templates in the interchange formats (ISO/IEC 19794-2:2005, ANSI INCITS 378-2004) and
/// in our native format. Imported minutiae are converted to 500 dpi and radians; every defect of an untrusted record ends
/// in a <see cref="Matcher.Core.Errors.BiometricInputException"/> naming the problem.
/// </summary>
public static class TemplateCodecs
{
    /// <summary>The format of a record, from its first bytes; throws template.unknown_format or template.unsupported_version.</summary>
    public static TemplateFormat Detect(ReadOnlySpan<byte> data) => TemplateFormatDetector.Detect(data);

    /// <summary>All finger views of a record in any supported format, auto-detected, under the default limits.</summary>
    public static IReadOnlyList<FingerprintView> Import(ReadOnlySpan<byte> data) => Import(data, TemplateImportOptions.Default);

    /// <summary>All finger views of a record in any supported format, auto-detected.</summary>
    public static IReadOnlyList<FingerprintView> Import(ReadOnlySpan<byte> data, TemplateImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (data.Length > options.MaxRecordBytes)
        {
            throw TemplateErrors.TooLarge(data.Length, options.MaxRecordBytes);
        }
        return Detect(data) switch
        {
            TemplateFormat.Native => NativeRecordReader.Read(data, options),
            var standard => StandardRecordReader.Read(data, StandardDialect.For(standard), options),
        };
    }

    /// <summary>A record of several views (fingers or impressions), in 1..10 views of at most 255 minutiae each.</summary>
    public static byte[] Export(IReadOnlyList<FingerprintView> views, TemplateFormat format) => format switch
    {
        TemplateFormat.Native => NativeRecordWriter.Write(views),
        TemplateFormat.Iso19794_2_2005 or TemplateFormat.Ansi378_2004 => StandardRecordWriter.Write(views, StandardDialect.For(format)),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown template format."),
    };

    /// <summary>A single-view record; <paramref name="fingerPosition"/> is the ISO code (0 = unknown).</summary>
    public static byte[] Export(FingerprintTemplate template, TemplateFormat format, int fingerPosition = 0)
    {
        ArgumentNullException.ThrowIfNull(template);
        return Export([new FingerprintView(fingerPosition, 0, 0, template)], format);
    }
}
