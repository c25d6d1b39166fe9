namespace Matcher.Load.Prometheus;

/// <summary>
/// What the service's own metrics say happened during the load: the difference between a scrape before the first
/// step and one after the last answer. Requests per RPC and outcome come from matcher_rpc_requests_total; times
/// are the mean per observation of the service's duration histograms (RPC, enrollment stages, search stages).
/// </summary>
/// <param name="Requests">RPC ("Matcher/Enroll") to outcome to calls.</param>
/// <param name="Refusals">RPC to "code reason" to calls, for the calls that failed.</param>
public sealed record ServerView(
    string MetricsUrl,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Requests,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Refusals,
    IReadOnlyList<StageTime> Stages)
{
    private const string RequestsName = "matcher_rpc_requests_total";

    private static readonly (string Metric, string Prefix, string[] Labels)[] TimedMetrics =
    [
        ("matcher_rpc_duration_seconds", "rpc", ["rpc", "outcome"]),
        ("matcher_enrollment_stage_duration_seconds", "enrollment", ["stage"]),
        ("matcher_enrollment_gallery_lock_wait_seconds", "gallery_lock_wait", []),
        ("matcher_search_duration_seconds", "search", ["strategy"]),
        ("matcher_search_stage_duration_seconds", "search_stage", ["stage", "modality"]),
        ("matcher_log_fsync_duration_seconds", "log_fsync", []),
    ];

    public static ServerView Between(string url, IReadOnlyList<PrometheusFamily> before, IReadOnlyList<PrometheusFamily> after)
    {
        var requests = new SortedDictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.Ordinal);
        var refusals = new SortedDictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.Ordinal);
        foreach (var rpc in after.Samples(RequestsName).Select(s => s.Label("rpc")).Distinct())
        {
            var outcomes = Delta(before, after, RequestsName, s => s.Label("rpc") == rpc, s => s.Label("outcome"));
            if (outcomes.Count > 0)
            {
                requests[rpc] = outcomes;
            }
            var failures = Delta(before, after, RequestsName, s => s.Label("rpc") == rpc && s.Label("code") != "OK",
                s => $"{s.Label("code")} {s.Label("reason")}".TrimEnd());
            if (failures.Count > 0)
            {
                refusals[rpc] = failures;
            }
        }
        var stages = new List<StageTime>();
        foreach (var (metric, prefix, labels) in TimedMetrics)
        {
            var sums = Delta(before, after, metric + "_sum", _ => true, s => Key(s, labels), asDouble: true);
            var counts = Delta(before, after, metric + "_count", _ => true, s => Key(s, labels));
            foreach (var (key, count) in counts.Where(c => c.Value > 0))
            {
                var name = key.Length == 0 ? prefix : $"{prefix} {key}";
                stages.Add(new StageTime(name, count, sums.GetValueOrDefault(key) / 1e6 / count * 1000));
            }
        }
        return new ServerView(url, requests, refusals, stages);
    }

    private static string Key(PrometheusSample sample, string[] labels) => string.Join(' ', labels.Select(sample.Label));

    /// <summary>After minus before, per key; a double sum is kept in micro-units so one dictionary type serves both.</summary>
    private static SortedDictionary<string, long> Delta(IReadOnlyList<PrometheusFamily> before, IReadOnlyList<PrometheusFamily> after,
        string name, Func<PrometheusSample, bool> filter, Func<PrometheusSample, string> key, bool asDouble = false)
    {
        var scale = asDouble ? 1e6 : 1;
        var result = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var sample in after.Samples(name).Where(filter))
        {
            var k = key(sample);
            result[k] = result.GetValueOrDefault(k) + (long)Math.Round(sample.Value * scale);
        }
        foreach (var sample in before.Samples(name).Where(filter))
        {
            var k = key(sample);
            result[k] = result.GetValueOrDefault(k) - (long)Math.Round(sample.Value * scale);
        }
        foreach (var zero in result.Where(r => r.Value == 0).Select(r => r.Key).ToList())
        {
            result.Remove(zero);
        }
        return result;
    }
}

/// <summary>One timed thing on the server during the load: observations and their mean in milliseconds.</summary>
public sealed record StageTime(string Name, long Count, double MeanMs);
