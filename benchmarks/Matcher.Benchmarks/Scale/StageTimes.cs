using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using Matcher.Core.Telemetry;

namespace Matcher.Benchmarks.Scale;

/// <summary>
/// Adds up the processor time the searches of a run spend in each cascade stage, from the service's own
/// `matcher.search.stage.duration` histogram, so a benchmark says which stage dominates; and from
/// `matcher.search.compared` and `matcher.search.stopped_early`, how many listed subjects stopped after their leading samples.
/// </summary>
internal sealed class StageTimes : IDisposable
{
    private const string StageInstrument = "matcher.search.stage.duration";
    private const string ComparedInstrument = "matcher.search.compared";
    private const string StoppedInstrument = "matcher.search.stopped_early";

    private readonly ConcurrentDictionary<string, double> _secondsByStage = new(StringComparer.Ordinal);
    private readonly MeterListener _listener = new();
    private long _compared;
    private long _stopped;

    public StageTimes()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MatcherMetrics.MeterName && instrument.Name is StageInstrument or ComparedInstrument or StoppedInstrument)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.SetMeasurementEventCallback<long>(OnCount);
        _listener.Start();
    }

    /// <summary>Each stage and modality with its processor seconds and share of all stages, largest first.</summary>
    public void Report(TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  staged comparison: {_stopped:N0} of {_compared:N0} listed subjects ({100.0 * _stopped / Math.Max(1, _compared):0.0} %) stopped after their leading samples"));
        var total = _secondsByStage.Values.Sum();
        foreach (var (stage, seconds) in _secondsByStage.OrderByDescending(s => s.Value))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {stage,-28} {seconds,9:0.0} s processor  {100 * seconds / Math.Max(total, double.Epsilon),5:0.0} %"));
        }
    }

    public void Dispose() => _listener.Dispose();

    private void OnCount(Instrument instrument, long count, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state) =>
        Interlocked.Add(ref instrument.Name == ComparedInstrument ? ref _compared : ref _stopped, count);

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
