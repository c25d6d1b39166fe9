using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using Matcher.Core.Telemetry;

namespace Matcher.Benchmarks.Jobs;

/// <summary>
/// Adds up the processor time the searches of a run spend in each cascade stage, from the service's own
/// `matcher.search.stage.duration` histogram, so a benchmark says which stage dominates.
/// </summary>
internal sealed class StageTimes : IDisposable
{
    private const string StageInstrument = "matcher.search.stage.duration";

    private readonly ConcurrentDictionary<string, double> _secondsByStage = new(StringComparer.Ordinal);
    private readonly MeterListener _listener = new();

    public StageTimes()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MatcherMetrics.MeterName && instrument.Name == StageInstrument)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.Start();
    }

    /// <summary>Each stage and modality with its processor seconds and share of all stages, largest first.</summary>
    public void Report(TextWriter output)
    {
        var total = _secondsByStage.Values.Sum();
        foreach (var (stage, seconds) in _secondsByStage.OrderByDescending(s => s.Value))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {stage,-28} {seconds,9:0.0} s processor  {100 * seconds / Math.Max(total, double.Epsilon),5:0.0} %"));
        }
    }

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        string? stage = null, modality = null;
        foreach (var tag in tags)
        {
            if (tag.Key == "stage")
            {
                stage = tag.Value as string;
            }
            else if (tag.Key == "modality")
            {
                modality = tag.Value as string;
            }
        }
        _secondsByStage.AddOrUpdate($"{stage} {modality}", seconds, (_, sum) => sum + seconds);
    }
}
