using Grpc.Core;
using HdrHistogram;
using Matcher.Load.Traffic;

namespace Matcher.Load.Running;

/// <summary>
/// Everything one step measured, per RPC: latencies in an HdrHistogram (microseconds, 3 significant digits, up to
/// ten minutes), outcomes, status codes, the planted-mate checks and their score margins, completions per second,
/// and each call's (time, latency) for the plots. Safe to record from many calls at once.
/// </summary>
public sealed class StepRecorder
{
    private const long HighestMicroseconds = 600_000_000;
    private const int MaxListedMisses = 100;

    private readonly object _gate = new();
    private readonly TimeProvider _clock;
    private readonly long _runStart;
    private readonly Dictionary<LoadRpc, RpcTally> _tallies = [];
    private readonly LongHistogram _all = NewHistogram();
    private readonly List<LatencyPoint> _points = [];
    private readonly SortedDictionary<long, long> _perSecond = [];
    private long _lastCompletion;

    public StepRecorder(TimeProvider clock, long runStart, long stepStart)
    {
        _clock = clock;
        _runStart = runStart;
        StepStart = stepStart;
        _lastCompletion = stepStart;
    }

    public long StepStart { get; }

    /// <summary>Records a call that was meant to start at <paramref name="intended"/> and answered at <paramref name="completed"/> (clock timestamps).</summary>
    public void Record(long intended, long completed, CallResult result)
    {
        var latency = _clock.GetElapsedTime(intended, completed);
        var micros = Math.Clamp((long)latency.TotalMicroseconds, 0, HighestMicroseconds);
        var second = (long)Math.Floor(_clock.GetElapsedTime(StepStart, completed).TotalSeconds);
        lock (_gate)
        {
            if (!_tallies.TryGetValue(result.Rpc, out var tally))
            {
                _tallies[result.Rpc] = tally = new RpcTally();
            }
            tally.Add(micros, result);
            _all.RecordValue(micros);
            _points.Add(new LatencyPoint(result.Rpc, _clock.GetElapsedTime(_runStart, intended).TotalSeconds, latency.TotalMilliseconds, result.Code == StatusCode.OK));
            _perSecond[second] = _perSecond.GetValueOrDefault(second) + 1;
            _lastCompletion = Math.Max(_lastCompletion, completed);
        }
    }

    public long Completed
    {
        get
        {
            lock (_gate)
            {
                return _all.TotalCount;
            }
        }
    }

    /// <summary>The step's figures, with <paramref name="target"/> the level it ran at and <paramref name="sent"/> the requests it started.</summary>
    public StepReport Report(ArrivalModel model, double target, TimeSpan duration, long sent)
    {
        lock (_gate)
        {
            var elapsed = _clock.GetElapsedTime(StepStart, _lastCompletion);
            var seconds = Math.Max(elapsed.TotalSeconds, duration.TotalSeconds);
            return new StepReport(
                Model: model == ArrivalModel.Open ? "open" : "closed",
                Target: target,
                TargetRate: model == ArrivalModel.Open ? target : null,
                DurationSeconds: duration.TotalSeconds,
                ElapsedSeconds: elapsed.TotalSeconds,
                Sent: sent,
                Completed: _all.TotalCount,
                AchievedRate: _all.TotalCount / seconds,
                Latency: LatencySummary.Of(_all),
                Rpcs: [.. _tallies.OrderBy(t => t.Key).Select(t => t.Value.Report(t.Key))],
                ThroughputPerSecond: [.. _perSecond.Select(p => new SecondCount(p.Key, p.Value))],
                Points: [.. _points]);
        }
    }

    internal static LongHistogram NewHistogram() => new(HighestMicroseconds, 3);

    private sealed class RpcTally
    {
        private readonly LongHistogram _latency = NewHistogram();
        private readonly SortedDictionary<string, long> _outcomes = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, long> _codes = new(StringComparer.Ordinal);
        private readonly List<double> _margins = [];
        private readonly List<string> _missed = [];
        private long _found;
        private long _missedCount;
        private long _newEnrolled;
        private long _newFlagged;
        private long _withOtherCandidates;

        public void Add(long micros, CallResult result)
        {
            _latency.RecordValue(micros);
            _outcomes[result.Outcome] = _outcomes.GetValueOrDefault(result.Outcome) + 1;
            var code = result.Code.ToString();
            _codes[code] = _codes.GetValueOrDefault(code) + 1;
            switch (result.Check)
            {
                case MateCheck.Found:
                    _found++;
                    if (result.Margin is { } margin)
                    {
                        _margins.Add(margin);
                    }
                    break;
                case MateCheck.Missed:
                    _missedCount++;
                    if (result.MissedSubject is { } subject && _missed.Count < MaxListedMisses)
                    {
                        _missed.Add(subject);
                    }
                    break;
                case MateCheck.NewEnrolled:
                    _newEnrolled++;
                    break;
                case MateCheck.NewFlagged:
                    _newFlagged++;
                    break;
            }
            if (result.OtherCandidates > 0)
            {
                _withOtherCandidates++;
            }
        }

        public RpcReport Report(LoadRpc rpc) => new(
            Rpc: RpcName(rpc),
            Requests: _latency.TotalCount,
            Ok: _codes.GetValueOrDefault(nameof(StatusCode.OK)),
            Outcomes: new SortedDictionary<string, long>(_outcomes, StringComparer.Ordinal),
            Codes: new SortedDictionary<string, long>(_codes, StringComparer.Ordinal),
            Latency: LatencySummary.Of(_latency),
            Mates: new MateReport(_found, _missedCount, _newEnrolled, _newFlagged, _withOtherCandidates, MarginSummary.Of(_margins), [.. _missed]),
            Percentiles: LatencySummary.Curve(_latency));
    }

    /// <summary>The service's name of the RPC, as its metrics label it.</summary>
    public static string RpcName(LoadRpc rpc) => rpc switch
    {
        LoadRpc.Enroll => "Matcher/Enroll",
        LoadRpc.Identify => "Matcher/Identify",
        _ => "Matcher/Verify",
    };
}
