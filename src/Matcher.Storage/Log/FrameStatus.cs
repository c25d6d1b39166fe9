namespace Matcher.Storage.Log;

/// <summary>What reading the next frame found.</summary>
internal enum FrameStatus
{
    Record,
    EndOfFile,
    PartialHeader,
    ImplausibleLength,
    PartialPayload,
    ChecksumMismatch,
    UnexpectedSequence,
}

internal static class FrameStatusText
{
    public static string Describe(this FrameStatus status) => status switch
    {
        FrameStatus.PartialHeader => "the file ends inside a record header",
        FrameStatus.ImplausibleLength => "a record header declares an impossible length",
        FrameStatus.PartialPayload => "the file ends inside a record",
        FrameStatus.ChecksumMismatch => "a record's checksum does not match its contents",
        FrameStatus.UnexpectedSequence => "a record has the wrong sequence number",
        _ => status.ToString(),
    };
}
