using Matcher.Core.Errors;

namespace Matcher.Fingerprint.Templates.Formats;

/// <summary>Every template error in one place, so reason codes stay stable and messages read alike for operators.</summary>
internal static class TemplateErrors
{
    public static BiometricInputException UnknownFormat() =>
        BiometricInputException.Invalid(
            "template.unknown_format",
            "The file is not a fingerprint template we can read: expected an ISO/IEC 19794-2:2005 or ANSI INCITS 378-2004 " +
            "minutiae record (starting with \"FMR\") or a native Matcher template (starting with \"MTF\").");

    public static BiometricInputException UnsupportedVersion(string format, string version, string supported) =>
        BiometricInputException.Invalid(
            "template.unsupported_version",
            $"The {format} template has version {version}, which this system does not read; supported: {supported}. " +
            "Export the template again in a supported version.");

    public static BiometricInputException Truncated(RecordPart part, int neededEnd, int available) =>
        BiometricInputException.Invalid(
            "template.truncated",
            $"The fingerprint template is incomplete: the {part} needs bytes up to {neededEnd}, but the data ends after " +
            $"{available} bytes. The file was probably cut short in transfer; send it again.");

    public static BiometricInputException LengthMismatch(long declared, int actual) =>
        BiometricInputException.Invalid(
            "template.length_mismatch",
            $"The fingerprint template declares a length of {declared} bytes, but its contents take {actual} bytes. " +
            "The record is damaged or was written by faulty software.");

    public static BiometricInputException TrailingData(int offset) =>
        BiometricInputException.Invalid(
            "template.trailing_data",
            $"The fingerprint template is followed by unexpected data from byte {offset} on. " +
            "Send a single template per file.");

    public static BiometricInputException TooLarge(long size, int limit) =>
        BiometricInputException.TooLarge(
            "template.too_large",
            $"The fingerprint template is {size} bytes; the limit is {limit} bytes.");

    public static BiometricInputException TooManyViews(int count) =>
        BiometricInputException.TooLarge(
            "template.too_many_views",
            $"The fingerprint template holds {count} finger views; at most {TemplateLimits.MaxViews} are accepted.");

    public static BiometricInputException NoViews() =>
        BiometricInputException.Invalid(
            "template.no_views",
            "The fingerprint template holds no finger view, so there is nothing to compare.");

    public static BiometricInputException ChecksumMismatch() =>
        BiometricInputException.Invalid(
            "template.checksum_mismatch",
            "The fingerprint template is damaged: its checksum does not match its contents. Send it again.");

    public static BiometricInputException InvalidValue(string what, string problem) =>
        BiometricInputException.Invalid(
            "template.invalid_value",
            $"The fingerprint template is malformed: {what} {problem}.");
}
