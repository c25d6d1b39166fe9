namespace Matcher.Fingerprint.Templates;

/// <summary>Limits applied to untrusted template records before anything is parsed or allocated.</summary>
public sealed record TemplateImportOptions
{
    /// <summary>
    /// 64 KiB holds ten views of 255 minutiae each (about 15 KiB) with generous room for vendor extended data, while
    /// bounding the work one request can cause.
    /// </summary>
    public const int DefaultMaxRecordBytes = 64 * 1024;

    public static TemplateImportOptions Default { get; } = new();

    /// <summary>Largest record (including any zero padding after it) accepted by an import.</summary>
    public int MaxRecordBytes { get; init; } = DefaultMaxRecordBytes;
}
