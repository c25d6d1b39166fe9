using System.Diagnostics.Metrics;
using Matcher.Core.Telemetry;

namespace Matcher.Gallery.Search;

/// <summary>Where a search's time goes: the whole search, each stage per modality, and how many subjects it compared fully.</summary>
internal static class SearchMetrics
{
    public static readonly Histogram<double> Duration = MatcherMetrics.Seconds(
        "matcher.search.duration", "Wall time of one 1:N or 1:1 search over the shards, by strategy (cascade, exhaustive, named_subjects).");

    public static readonly Histogram<double> StageDuration = MatcherMetrics.Seconds(
        "matcher.search.stage.duration",
        "Processor time of one search's stage summed over its shards: first_stage (cheap ranking of every subject), shortlist " +
        "(keeping the best ranked), full_match (the full matchers on the short list), exhaustive_scan; by modality (fingerprint, face, all).");

    public static readonly Histogram<long> Compared = MatcherMetrics.Counts(
        "matcher.search.compared", "{subject}", "Subjects one search compared with the full matchers.",
        [1, 10, 32, 64, 100, 250, 500, 1000, 2500, 10_000, 100_000, 1_000_000]);

    public static readonly Histogram<long> StoppedEarly = MatcherMetrics.Counts(
        "matcher.search.stopped_early", "{subject}",
        "Of the subjects one search compared fully, those whose leading samples fused below the continuation score, so their other fingers were not compared.",
        [1, 10, 32, 64, 100, 250, 500, 1000, 2500, 10_000, 100_000, 1_000_000]);
}
