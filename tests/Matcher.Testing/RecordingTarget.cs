using Matcher.Storage.Log;

namespace Matcher.Testing;

/// <summary>Remembers everything a log replays, in order.</summary>
public sealed class RecordingTarget : IReplayTarget
{
    public List<(byte Type, byte[] Payload)> SnapshotRecords { get; } = [];

    public List<(long Sequence, byte Type, byte[] Payload)> LogRecords { get; } = [];

    public void RestoreSnapshotRecord(byte recordType, ReadOnlySpan<byte> payload) =>
        SnapshotRecords.Add((recordType, payload.ToArray()));

    public void ReplayLogRecord(long sequence, byte recordType, ReadOnlySpan<byte> payload) =>
        LogRecords.Add((sequence, recordType, payload.ToArray()));
}
