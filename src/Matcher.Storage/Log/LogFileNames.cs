using System.Globalization;

namespace Matcher.Storage.Log;

/// <summary>
/// File names in the data directory. Sequence numbers are zero-padded so names sort in log order.
/// Segments are named after their first sequence, snapshots after the last sequence they cover.
/// </summary>
internal static class LogFileNames
{
    public const string LockFile = "LOCK";
    public const string TemporarySuffix = ".tmp";

    private const string SegmentPrefix = "log-";
    private const string SegmentSuffix = ".seg";
    private const string SnapshotPrefix = "snapshot-";
    private const string SnapshotSuffix = ".snap";

    public static string Segment(long firstSequence) => SegmentPrefix + Format(firstSequence) + SegmentSuffix;

    public static string Snapshot(long coveredSequence) => SnapshotPrefix + Format(coveredSequence) + SnapshotSuffix;

    public static bool TryParseSegment(string fileName, out long firstSequence) =>
        TryParse(fileName, SegmentPrefix, SegmentSuffix, out firstSequence);

    public static bool TryParseSnapshot(string fileName, out long coveredSequence) =>
        TryParse(fileName, SnapshotPrefix, SnapshotSuffix, out coveredSequence);

    private static string Format(long sequence) => sequence.ToString("D20", CultureInfo.InvariantCulture);

    private static bool TryParse(string fileName, string prefix, string suffix, out long sequence)
    {
        sequence = 0;
        return fileName.StartsWith(prefix, StringComparison.Ordinal)
            && fileName.EndsWith(suffix, StringComparison.Ordinal)
            && long.TryParse(fileName.AsSpan(prefix.Length, fileName.Length - prefix.Length - suffix.Length),
                NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
    }
}
