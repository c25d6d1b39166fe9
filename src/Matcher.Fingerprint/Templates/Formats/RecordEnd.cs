namespace Matcher.Fingerprint.Templates.Formats;

/// <summary>Checks what follows a parsed record: the declared length must agree and anything after must be zero padding.</summary>
internal static class RecordEnd
{
    public static void Check(ReadOnlySpan<byte> data, int end, long declaredLength, int tolerance)
    {
        if (Math.Abs(declaredLength - end) > tolerance)
        {
            throw TemplateErrors.LengthMismatch(declaredLength, end);
        }
        // Some extractors hand out their whole fixed-size buffer; zeros after the record are harmless.
        var trailing = data[end..].IndexOfAnyExcept((byte)0);
        if (trailing >= 0)
        {
            throw TemplateErrors.TrailingData(end + trailing);
        }
    }
}
