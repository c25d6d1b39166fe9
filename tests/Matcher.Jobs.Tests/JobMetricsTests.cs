using System.Diagnostics.Metrics;
using Matcher.Core.Telemetry;
using Matcher.Jobs.Definitions;
using Matcher.Jobs.Running;
using Xunit;

namespace Matcher.Jobs.Tests;

/// <summary>
/// The job gauges as a scrape reads them: each job not ended, labelled by its server-made id only, with its progress
/// and its state; ended jobs drop out; the caller's label and request id appear nowhere.
/// </summary>
public sealed class JobMetricsTests
{
    private const string Running = "dedup-770001";
    private const string Paused = "dedup-770002";
    private const string Completed = "dedup-770003";

    [Fact]
    public void Each_unended_job_reports_its_progress_and_state_by_its_id()
    {
        var views = new List<JobStatusView>
        {
            View(Running, JobState.Running, done: 40, total: 100, pairs: 3, comparisons: 1280),
            View(Paused, JobState.Paused, done: 7, total: 50, pairs: 0, comparisons: 224),
            View(Completed, JobState.Completed, done: 9, total: 9, pairs: 1, comparisons: 288),
        };
        var measured = new List<(string Instrument, long Value, Dictionary<string, string> Tags)>();
        using var metrics = new JobMetrics(() => views);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MatcherMetrics.MeterName && instrument.Name.StartsWith("matcher.jobs.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void Record(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var map = new Dictionary<string, string>();
            foreach (var tag in tags)
            {
                map[tag.Key] = tag.Value?.ToString() ?? "";
            }
            if (map.GetValueOrDefault("job", "").StartsWith("dedup-77000", StringComparison.Ordinal))
            {
                lock (measured)
                {
                    measured.Add((instrument.Name, value, map));
                }
            }
        }
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
        listener.RecordObservableInstruments();

        long Value(string instrument, string job, string? state = null) => Assert.Single(measured,
            m => m.Instrument == instrument && m.Tags["job"] == job && (state is null || m.Tags["state"] == state)).Value;
        Assert.Equal(40, Value("matcher.jobs.subjects.done", Running));
        Assert.Equal(100, Value("matcher.jobs.subjects.total", Running));
        Assert.Equal(3, Value("matcher.jobs.pairs", Running));
        Assert.Equal(1280, Value("matcher.jobs.comparisons", Running));
        Assert.Equal(7, Value("matcher.jobs.subjects.done", Paused));
        Assert.Equal(1, Value("matcher.jobs.state", Running, "running"));
        Assert.Equal(0, Value("matcher.jobs.state", Running, "paused"));
        Assert.Equal(1, Value("matcher.jobs.state", Paused, "paused"));
        Assert.Equal(0, Value("matcher.jobs.state", Paused, "queued"));
        Assert.DoesNotContain(measured, m => m.Tags["job"] == Completed);
        Assert.All(measured, m => Assert.Subset(new HashSet<string> { "job", "state" }, m.Tags.Keys.ToHashSet()));
        Assert.DoesNotContain(measured, m => m.Tags.Values.Any(v => v.Contains("secret", StringComparison.Ordinal)));
        Assert.Equal(4 + 4 + 3 + 3, measured.Count);
    }

    private static JobStatusView View(string id, JobState state, long done, long total, long pairs, long comparisons) => new(
        new DedupJobDefinition(id, new DedupJobRequest("gallery-secret", null, JobModalities.All, 0.01, 20, "request-secret", "label-secret"),
            DateTimeOffset.UnixEpoch),
        state, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, done, total, comparisons, 1, null, pairs, 50, null, 0);
}
