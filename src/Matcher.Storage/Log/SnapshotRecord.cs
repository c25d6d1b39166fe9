namespace Matcher.Storage.Log;

/// <summary>One record of a snapshot, for example one live subject.</summary>
public readonly record struct SnapshotRecord(byte RecordType, ReadOnlyMemory<byte> Payload);
