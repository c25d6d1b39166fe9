namespace Matcher.Storage.Log;

/// <summary>
/// Reads frames one after another from a stream and verifies each. Never allocates more than the configured record
/// limit, whatever a damaged header claims.
/// </summary>
internal sealed class FrameReader(Stream stream, int maxPayloadBytes)
{
    private readonly byte[] header = new byte[RecordFrame.HeaderSize];
    private byte[] payload = new byte[4096];
    private long position;

    /// <summary>Offset in the stream where the frame last read (or found damaged) starts.</summary>
    public long FrameStart { get; private set; }

    public FrameHeader Header { get; private set; }

    /// <summary>Where the last frame would end if its header is to be believed; only meaningful past a plausible length.</summary>
    public long DeclaredFrameEnd => FrameStart + RecordFrame.Size(Header.PayloadLength);

    public ReadOnlySpan<byte> Payload => payload.AsSpan(0, Header.PayloadLength);

    public FrameStatus ReadNext(long expectedSequence)
    {
        FrameStart = position;
        var headerBytes = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        position += headerBytes;
        if (headerBytes == 0)
        {
            return FrameStatus.EndOfFile;
        }
        if (headerBytes < header.Length)
        {
            return FrameStatus.PartialHeader;
        }

        Header = RecordFrame.ReadHeader(header);
        if (Header.PayloadLength < 0 || Header.PayloadLength > maxPayloadBytes)
        {
            return FrameStatus.ImplausibleLength;
        }
        if (payload.Length < Header.PayloadLength)
        {
            payload = new byte[Math.Min(maxPayloadBytes, Math.Max(Header.PayloadLength, payload.Length * 2))];
        }

        var payloadBytes = stream.ReadAtLeast(payload.AsSpan(0, Header.PayloadLength), Header.PayloadLength, throwOnEndOfStream: false);
        position += payloadBytes;
        if (payloadBytes < Header.PayloadLength)
        {
            return FrameStatus.PartialPayload;
        }
        if (!RecordFrame.IsIntact(header, Payload))
        {
            return FrameStatus.ChecksumMismatch;
        }
        return Header.Sequence == expectedSequence ? FrameStatus.Record : FrameStatus.UnexpectedSequence;
    }
}
