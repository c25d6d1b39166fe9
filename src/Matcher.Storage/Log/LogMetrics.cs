using System.Diagnostics.Metrics;
using Matcher.Core.Telemetry;

namespace Matcher.Storage.Log;

/// <summary>What group commit does: how long each write + fsync takes and how many records and bytes share it.</summary>
internal static class LogMetrics
{
    public static readonly Histogram<double> CommitDuration = MatcherMetrics.Seconds(
        "matcher.log.fsync.duration", "Time to write one group-commit batch to the log and fsync it.");

    public static readonly Histogram<long> BatchRecords = MatcherMetrics.Counts(
        "matcher.log.batch.records", "{record}", "Records written by one group commit (one fsync).",
        [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024]);

    public static readonly Histogram<long> BatchBytes = MatcherMetrics.Counts(
        "matcher.log.batch.size", "By", "Bytes written by one group commit (one fsync).",
        [1024, 4096, 16_384, 65_536, 262_144, 1_048_576, 4_194_304, 16_777_216]);

    public static readonly Counter<long> FailedCommits = MatcherMetrics.Meter.CreateCounter<long>(
        "matcher.log.failed_commits", "{batch}", "Batches that did not reach the disk: the one whose write or fsync failed and every later one, refused until restart.");
}
