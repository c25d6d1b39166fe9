using System.Diagnostics.Metrics;
using Matcher.Core.Telemetry;

namespace Matcher.Redis.Cache;

/// <summary>
/// How the write-through mirror keeps up with the log. The queue's depth and the mirror's state are observed by the
/// host from <see cref="RedisMirror.Status"/>; these count what the writer did.
/// </summary>
internal static class MirrorMetrics
{
    public static readonly Counter<long> Batches = MatcherMetrics.Meter.CreateCounter<long>(
        "matcher.redis.mirror.batches", "{batch}",
        "Batches the mirror tried to write to Redis, by result: applied, failed (Redis unreachable, retried), needs_rebuild (Redis lost data).");

    public static readonly Histogram<long> BatchChanges = MatcherMetrics.Counts(
        "matcher.redis.mirror.batch.changes", "{change}", "Changes written to Redis by one applied batch.",
        [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 4096]);

    public static readonly Histogram<double> BatchDuration = MatcherMetrics.Seconds(
        "matcher.redis.mirror.batch.duration", "Time to write one batch to Redis, failed attempts included.");

    public static readonly Counter<long> Dropped = MatcherMetrics.Meter.CreateCounter<long>(
        "matcher.redis.mirror.dropped", "{change}", "Changes dropped from a full mirror queue; Redis then needs a rebuild from the local log.");

    public static void RecordBatch(string result, int changes, TimeSpan elapsed)
    {
        Batches.Add(1, new KeyValuePair<string, object?>("result", result));
        BatchDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("result", result));
        if (result == "applied")
        {
            BatchChanges.Record(changes);
        }
    }
}
