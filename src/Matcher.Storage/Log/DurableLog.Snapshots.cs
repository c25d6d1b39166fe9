namespace Matcher.Storage.Log;

public sealed partial class DurableLog
{
    /// <summary>
    /// Writes the caller's live state as a snapshot covering every log record up to <paramref name="coveredSequence"/>,
    /// atomically (temporary file, fsync, rename, fsync of the directory), then deletes older snapshots and the
    /// segments it fully covers. The records must reflect exactly the log up to that sequence; appends may go on meanwhile.
    /// </summary>
    /// <returns>The number of records written.</returns>
    public long WriteSnapshot(long coveredSequence, IEnumerable<SnapshotRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        lock (snapshotLock)
        {
            if (coveredSequence < snapshotSequence || coveredSequence > LastSequence)
            {
                throw new ArgumentOutOfRangeException(nameof(coveredSequence), coveredSequence,
                    $"A snapshot must cover a sequence between the previous snapshot ({snapshotSequence}) and the last stored record ({LastSequence}).");
            }

            var directory = options.DataDirectory;
            var finalPath = Path.Combine(directory, LogFileNames.Snapshot(coveredSequence));
            var temporaryPath = finalPath + LogFileNames.TemporarySuffix;
            long written;
            try
            {
                written = SnapshotFile.Write(temporaryPath, coveredSequence, records, options.MaxRecordBytes, sealing);
            }
            catch
            {
                File.Delete(temporaryPath);
                throw;
            }
            File.Move(temporaryPath, finalPath, overwrite: true);
            IO.DirectorySync.Flush(directory);

            var previous = snapshotSequence;
            snapshotSequence = coveredSequence;
            if (previous != coveredSequence)
            {
                File.Delete(Path.Combine(directory, LogFileNames.Snapshot(previous)));
            }
            DeleteCoveredSegments(coveredSequence);
            IO.DirectorySync.Flush(directory);
            return written;
        }
    }

    /// <summary>A segment is covered when the next one starts at or before the snapshot's sequence + 1; the active one stays.</summary>
    private void DeleteCoveredSegments(long coveredSequence)
    {
        List<LogSegment> covered;
        lock (segmentsLock)
        {
            var count = 0;
            while (count < segments.Count - 1 && segments[count + 1].FirstSequence - 1 <= coveredSequence)
            {
                count++;
            }
            covered = segments.GetRange(0, count);
            segments.RemoveRange(0, count);
        }
        foreach (var segment in covered)
        {
            File.Delete(segment.Path);
        }
    }
}
