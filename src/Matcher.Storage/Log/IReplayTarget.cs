namespace Matcher.Storage.Log;

/// <summary>
/// Receives the durable state while a log opens: first every record of the newest snapshot, then every log record
/// written after it, in sequence order. Payload spans are only valid during the call. If opening fails part-way
/// the target has seen a partial state and must be discarded.
/// </summary>
public interface IReplayTarget
{
    void RestoreSnapshotRecord(byte recordType, ReadOnlySpan<byte> payload);

    void ReplayLogRecord(long sequence, byte recordType, ReadOnlySpan<byte> payload);
}
