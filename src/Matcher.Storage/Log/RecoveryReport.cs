namespace Matcher.Storage.Log;

/// <summary>What opening the data directory found and did.</summary>
public sealed record RecoveryReport(
    long SnapshotSequence,
    long SnapshotRecords,
    long LogRecordsReplayed,
    long LastSequence,
    TruncatedTail? Truncation,
    IReadOnlyList<string> DiscardedTemporaryFiles)
{
    public override string ToString()
    {
        var summary = $"restored {SnapshotRecords} snapshot records (covering sequence {SnapshotSequence}) and replayed {LogRecordsReplayed} log records; last sequence {LastSequence}";
        if (Truncation is { } cut)
        {
            summary += $"; {cut}";
        }
        if (DiscardedTemporaryFiles.Count > 0)
        {
            summary += $"; discarded unfinished files: {string.Join(", ", DiscardedTemporaryFiles)}";
        }
        return summary;
    }
}

/// <summary>An incomplete or damaged end of the last segment, left by a crash during a write, that was cut off.</summary>
public sealed record TruncatedTail(string Segment, long Offset, long BytesTruncated, string Reason)
{
    public override string ToString() => $"cut {BytesTruncated} bytes from '{Segment}' at offset {Offset} because {Reason}";
}
