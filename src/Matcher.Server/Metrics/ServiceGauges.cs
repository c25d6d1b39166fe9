using System.Diagnostics.Metrics;
using Matcher.Core.Modalities;
using Matcher.Core.Telemetry;
using Matcher.Enrollment;
using Matcher.Redis.Cache;

namespace Matcher.Server.Metrics;

/// <summary>
/// What the node holds, read at each scrape: subjects per gallery, samples per modality, the shards' memory, and the
/// Redis mirror's queue and state. Its meter belongs to this host and ends with it.
/// </summary>
internal sealed class ServiceGauges : IDisposable
{
    private static readonly MirrorState[] States = Enum.GetValues<MirrorState>();

    private readonly Meter _meter = new(MatcherMetrics.MeterName);

    public ServiceGauges(EnrollmentCore core)
    {
        var index = core.Registry.Index;
        _meter.CreateObservableGauge("matcher.gallery.subjects",
            () => index.Galleries.Order(StringComparer.Ordinal)
                .Select(g => new Measurement<long>(index.CountIn(g), new KeyValuePair<string, object?>("gallery", g))),
            "{subject}", "Subjects enrolled per gallery.");
        _meter.CreateObservableGauge("matcher.gallery.samples",
            () => Enum.GetValues<Modality>().Select(m => new Measurement<long>(index.SampleCount(m),
                new KeyValuePair<string, object?>("modality", m == Modality.Face ? "face" : "fingerprint"))),
            "{sample}", "Enrolled samples over every gallery, by modality (fingerprint templates, face embeddings).");
        _meter.CreateObservableGauge("matcher.index.memory", () => index.MemoryBytes, "By",
            "Bytes the shards hold for scanning and rescoring, over every gallery.");
        _meter.CreateObservableGauge("matcher.index.shards", () => index.ShardCount, "{shard}", "Shards per gallery.");
        _meter.CreateObservableGauge("matcher.redis.mirror.queued",
            () => core.CacheHost.Cache is { } cache ? [new Measurement<int>(cache.Status.QueuedChanges)] : Array.Empty<Measurement<int>>(),
            "{change}", "Changes logged but not yet written to Redis (absent without Redis).");
        _meter.CreateObservableGauge("matcher.redis.mirror.state",
            () => core.CacheHost.Cache is { } cache ? StateOf(cache.Status.State) : [],
            "{state}", "1 for the mirror's current state (connected, degraded, needs_rebuild, rebuilding), 0 for the others (absent without Redis).");
    }

    public void Dispose() => _meter.Dispose();

    private static IEnumerable<Measurement<int>> StateOf(MirrorState current) =>
        States.Select(state => new Measurement<int>(state == current ? 1 : 0, new KeyValuePair<string, object?>("state", StateName(state))));

    private static string StateName(MirrorState state) => state switch
    {
        MirrorState.Connected => "connected",
        MirrorState.Degraded => "degraded",
        MirrorState.NeedsRebuild => "needs_rebuild",
        _ => "rebuilding",
    };
}
