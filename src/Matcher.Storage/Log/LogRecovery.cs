namespace Matcher.Storage.Log;

/// <summary>
/// Opening a data directory: discard unfinished temporary files, restore the newest snapshot, replay and verify every
/// segment after it, and cut a torn tail off the last segment. Damage anywhere else stops the open.
/// </summary>
internal static class LogRecovery
{
    public static RecoveredLog Run(DurableLogOptions options, FrameSealing sealing, IReplayTarget target)
    {
        var directory = options.DataDirectory;
        var discarded = DiscardTemporaryFiles(directory);
        var (snapshotSequence, snapshotRecords) = RestoreNewestSnapshot(options, sealing, target);
        var segments = ListSegments(directory, snapshotSequence);

        long replayed = 0;
        var expected = segments[0].FirstSequence;
        TruncatedTail? truncation = null;
        long activeLength = 0;
        var scratch = new byte[4096];
        for (var index = 0; index < segments.Count; index++)
        {
            var segment = segments[index];
            if (segment.FirstSequence != expected)
            {
                throw new LogCorruptedException(
                    $"Log records {expected} to {segment.FirstSequence - 1} are missing before '{segment.Path}'. " +
                    "Restore the data directory from a backup or replica.", segment.Path, 0);
            }

            var isLast = index == segments.Count - 1;
            using (var stream = new FileStream(segment.Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16))
            {
                var reader = new FrameReader(stream, sealing.StoredLength(options.MaxRecordBytes));
                FrameStatus status;
                while ((status = reader.ReadNext(expected)) == FrameStatus.Record)
                {
                    if (expected > snapshotSequence)
                    {
                        if (!sealing.TryOpenLogRecord(expected, reader.Header.RecordType, reader.Payload, ref scratch, out var payload))
                        {
                            throw Unopened(segment, reader, sealing, $"record {expected}");
                        }
                        target.ReplayLogRecord(expected, reader.Header.RecordType, payload);
                        replayed++;
                    }
                    expected++;
                }

                activeLength = reader.FrameStart;
                if (status == FrameStatus.UnexpectedSequence && sealing.IsSealed
                    && sealing.TryOpenLogRecord(reader.Header.Sequence, reader.Header.RecordType, reader.Payload, ref scratch, out _))
                {
                    // A crash never leaves a whole, authentic record of another sequence here: records were moved.
                    throw Unopened(segment, reader, sealing, $"record {reader.Header.Sequence}, found where record {expected} belongs,");
                }
                if (status != FrameStatus.EndOfFile)
                {
                    if (!isLast || !IsTornTail(status, reader, stream.Length, options))
                    {
                        throw new LogCorruptedException(
                            $"The log segment '{segment.Path}' is damaged at byte {reader.FrameStart}: {status.Describe()}, " +
                            "and this is not the end of the log a crash could have left. Restore the data directory from a backup or replica.",
                            segment.Path, reader.FrameStart);
                    }
                    truncation = new TruncatedTail(Path.GetFileName(segment.Path), reader.FrameStart, stream.Length - reader.FrameStart, status.Describe());
                }
            }
            if (truncation is not null)
            {
                Truncate(segment.Path, truncation.Offset);
            }
        }

        var lastSequence = Math.Max(expected - 1, snapshotSequence);
        var report = new RecoveryReport(snapshotSequence, snapshotRecords, replayed, lastSequence, truncation, discarded);
        return new RecoveredLog(report, segments, activeLength, lastSequence);
    }

    /// <summary>An intact frame (its checksum matches) that fails to open was altered on purpose: never a torn tail.</summary>
    private static LogCorruptedException Unopened(LogSegment segment, FrameReader reader, FrameSealing sealing, string record) =>
        new($"The log segment '{segment.Path}' is damaged at byte {reader.FrameStart}: {record} is not where it was sealed or does not open " +
            $"with data key {sealing.KeyId} (altered, moved, or sealed for another place or key). Restore the data directory from a backup or replica.",
            segment.Path, reader.FrameStart);

    /// <summary>
    /// A crash can only damage what the last, unacknowledged group commit was writing: at most one batch, or one
    /// frame larger than a batch that runs up to the end of the file.
    /// </summary>
    private static bool IsTornTail(FrameStatus status, FrameReader reader, long fileLength, DurableLogOptions options)
    {
        if (status is FrameStatus.PartialHeader or FrameStatus.PartialPayload)
        {
            return true;
        }
        if (fileLength - reader.FrameStart <= options.MaxBatchBytes)
        {
            return true;
        }
        return status != FrameStatus.ImplausibleLength && reader.DeclaredFrameEnd >= fileLength;
    }

    private static void Truncate(string path, long length)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
        stream.SetLength(length);
        stream.Flush(flushToDisk: true);
    }

    private static List<string> DiscardTemporaryFiles(string directory)
    {
        var discarded = new List<string>();
        foreach (var path in Directory.EnumerateFiles(directory, "*" + LogFileNames.TemporarySuffix))
        {
            File.Delete(path);
            discarded.Add(Path.GetFileName(path));
        }
        return discarded;
    }

    /// <summary>Older snapshots left by a crash between writing a new one and cleaning up are deleted.</summary>
    private static (long Sequence, long Records) RestoreNewestSnapshot(DurableLogOptions options, FrameSealing sealing, IReplayTarget target)
    {
        var snapshots = Directory.EnumerateFiles(options.DataDirectory)
            .Select(path => (Path: path, Ok: LogFileNames.TryParseSnapshot(Path.GetFileName(path), out var sequence), Sequence: sequence))
            .Where(file => file.Ok)
            .OrderByDescending(file => file.Sequence)
            .ToList();
        if (snapshots.Count == 0)
        {
            return (0, 0);
        }

        var newest = snapshots[0];
        var records = SnapshotFile.Read(newest.Path, newest.Sequence, options.MaxRecordBytes, sealing, target);
        foreach (var older in snapshots.Skip(1))
        {
            File.Delete(older.Path);
        }
        return (newest.Sequence, records);
    }

    /// <summary>
    /// Segments in order, without those a snapshot fully covers (left by a crash before cleanup). An empty directory
    /// gets its first segment here, so there is always an active segment to append to.
    /// </summary>
    private static List<LogSegment> ListSegments(string directory, long snapshotSequence)
    {
        var segments = Directory.EnumerateFiles(directory)
            .Select(path => (Path: path, Ok: LogFileNames.TryParseSegment(Path.GetFileName(path), out var first), First: first))
            .Where(file => file.Ok)
            .OrderBy(file => file.First)
            .Select(file => new LogSegment(file.First, file.Path))
            .ToList();

        while (segments.Count > 1 && segments[1].FirstSequence - 1 <= snapshotSequence)
        {
            File.Delete(segments[0].Path);
            segments.RemoveAt(0);
        }

        if (segments.Count == 0)
        {
            segments.Add(CreateSegment(directory, snapshotSequence + 1));
        }
        else if (segments[0].FirstSequence > snapshotSequence + 1)
        {
            throw new LogCorruptedException(
                $"Log records {snapshotSequence + 1} to {segments[0].FirstSequence - 1} are missing: the snapshot covers up to " +
                $"{snapshotSequence} but the oldest segment starts later. Restore the data directory from a backup or replica.",
                segments[0].Path, 0);
        }
        return segments;
    }

    public static LogSegment CreateSegment(string directory, long firstSequence)
    {
        var path = Path.Combine(directory, LogFileNames.Segment(firstSequence));
        new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read).Dispose();
        IO.DirectorySync.Flush(directory);
        return new LogSegment(firstSequence, path);
    }
}

internal sealed record RecoveredLog(RecoveryReport Report, List<LogSegment> Segments, long ActiveSegmentLength, long LastSequence);
