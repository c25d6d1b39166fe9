using Matcher.Storage.Log;

namespace Matcher.Fuzzing.Targets;

/// <summary>
/// A scratch data directory holding one fuzzed file, opened the way the service opens its own. What the log hands to
/// the replay target is checked: log sequences follow each other without gaps.
/// </summary>
internal sealed class LogDirectory
{
    private const int MaxRecordBytes = 1 << 20;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"matcher-fuzz-{Environment.ProcessId}");

    public static DurableLogOptions OptionsFor(string directory) =>
        new() { DataDirectory = directory, MaxRecordBytes = MaxRecordBytes, MaxBatchBytes = 64 * 1024, SegmentSizeLimit = 1 << 20 };

    /// <summary>Opens a directory whose only file is <paramref name="fileName"/> with <paramref name="content"/>.</summary>
    public FuzzOutcome OpenWith(string fileName, byte[] content)
    {
        if (Directory.Exists(_path))
        {
            Directory.Delete(_path, recursive: true);
        }
        Directory.CreateDirectory(_path);
        File.WriteAllBytes(Path.Combine(_path, fileName), content);
        try
        {
            var log = DurableLog.Open(OptionsFor(_path), new CheckingReplay());
            log.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return FuzzOutcome.Accepted;
        }
        catch (LogCorruptedException)
        {
            return FuzzOutcome.Refused;
        }
    }

    /// <summary>The files a real log writes for <paramref name="payloads"/>, after a snapshot of the first <paramref name="snapshotRecords"/>.</summary>
    public static Dictionary<string, byte[]> Written(IReadOnlyList<byte[]> payloads, int snapshotRecords)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"matcher-fuzz-seed-{Guid.NewGuid():N}");
        try
        {
            var log = DurableLog.Open(OptionsFor(directory), new CheckingReplay());
            foreach (var payload in payloads)
            {
                log.AppendAsync(1, payload).GetAwaiter().GetResult();
            }
            if (snapshotRecords > 0)
            {
                log.WriteSnapshot(snapshotRecords, payloads.Take(snapshotRecords).Select(p => new SnapshotRecord(1, p)));
            }
            log.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return Directory.GetFiles(directory)
                .Where(f => f.EndsWith(".seg", StringComparison.Ordinal) || f.EndsWith(".snap", StringComparison.Ordinal))
                .ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private sealed class CheckingReplay : IReplayTarget
    {
        private long _lastSequence = -1;

        public void RestoreSnapshotRecord(byte recordType, ReadOnlySpan<byte> payload)
        {
            if (_lastSequence >= 0)
            {
                throw new BrokenInvariantException("A snapshot record was restored after log records were replayed.");
            }
        }

        public void ReplayLogRecord(long sequence, byte recordType, ReadOnlySpan<byte> payload)
        {
            if (_lastSequence >= 0 && sequence != _lastSequence + 1)
            {
                throw new BrokenInvariantException($"Log record {sequence} was replayed after {_lastSequence}.");
            }
            if (payload.Length > MaxRecordBytes)
            {
                throw new BrokenInvariantException($"A {payload.Length}-byte record passed the {MaxRecordBytes}-byte limit.");
            }
            _lastSequence = sequence;
        }
    }
}
