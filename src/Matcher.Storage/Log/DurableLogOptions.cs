using Matcher.Sealing.Keys;

namespace Matcher.Storage.Log;

public sealed class DurableLogOptions
{
    public required string DataDirectory { get; init; }

    /// <summary>
    /// Seals every record with the directory's data key, which this key wraps (see <see cref="Sealing.DirectoryKey"/>).
    /// Null keeps the directory plaintext, and refuses a sealed one.
    /// </summary>
    public MasterKey? MasterKey { get; init; }

    /// <summary>A segment is closed and a new one started once it would grow past this size.</summary>
    public long SegmentSizeLimit { get; init; } = 64L << 20;

    /// <summary>Largest payload accepted; also caps what recovery will allocate for a damaged length field.</summary>
    public int MaxRecordBytes { get; init; } = 16 << 20;

    /// <summary>
    /// Most bytes written by one group commit (a single larger record is written alone). Recovery relies on it:
    /// a crash can only damage the last unacknowledged batch, so damage further back than this is corruption.
    /// </summary>
    public int MaxBatchBytes { get; init; } = 1 << 20;

    /// <summary>Appends waiting for the writer beyond this make callers wait, bounding memory under overload.</summary>
    public int MaxQueuedAppends { get; init; } = 65_536;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            throw new ArgumentException("A data directory is required.", nameof(DataDirectory));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(SegmentSizeLimit, 4096, nameof(SegmentSizeLimit));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRecordBytes, 1, nameof(MaxRecordBytes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxRecordBytes, 1 << 30, nameof(MaxRecordBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchBytes, RecordFrame.HeaderSize, nameof(MaxBatchBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxQueuedAppends, 1, nameof(MaxQueuedAppends));
    }
}
