using HdrHistogram;
using Matcher.Load.Prometheus;
using System.Text.Json.Serialization;

namespace Matcher.Load;

/// <summary>
/// The whole run as the JSON report writes it (schema <see cref="SchemaName"/>, snake_case names; documented in the
/// README's "Load tests and metrics"). Latencies are milliseconds; in the open model they run from each request's
/// intended send time. <see cref="RealFingers"/> counts the real fingers planted beside the synthetic subjects.
/// </summary>
public sealed record LoadReport(
    string Schema,
    string Server,
    string Gallery,
    long GallerySubjects,
    int RealFingers,
    ulong Seed,
    string Model,
    string Mix,
    int FingersPerProbe,
    bool FaceInProbe,
    double P99LimitMs,
    DateTimeOffset StartedAt,
    PreloadReport? Preload,
    IReadOnlyList<StepReport> Steps,
    KneeReport Knee,
    ServerView? ServerSide)
{
    public const string SchemaName = "matcher.load/v1";
}

/// <summary>What the bulk import did before the load (absent when the gallery was already there).</summary>
public sealed record PreloadReport(long Imported, long AlreadyPresent, double Seconds);

/// <param name="Target">The level: requests per second (open) or stations (closed).</param>
/// <param name="TargetRate">The rate asked for, open model only.</param>
/// <param name="ElapsedSeconds">From the step's start to its last answer.</param>
/// <param name="AchievedRate">Answers per second over the longer of the step's duration and its elapsed time.</param>
public sealed record StepReport(
    string Model,
    double Target,
    double? TargetRate,
    double DurationSeconds,
    double ElapsedSeconds,
    long Sent,
    long Completed,
    double AchievedRate,
    LatencySummary Latency,
    IReadOnlyList<RpcReport> Rpcs,
    IReadOnlyList<SecondCount> ThroughputPerSecond,
    [property: JsonIgnore] IReadOnlyList<LatencyPoint> Points);

/// <param name="Outcomes">Calls by outcome, in the words of the service's matcher_rpc_requests_total outcome label.</param>
/// <param name="Codes">Calls by gRPC status code (OK included).</param>
/// <param name="Percentiles">The latency curve, for the percentile plot.</param>
public sealed record RpcReport(
    string Rpc,
    long Requests,
    long Ok,
    IReadOnlyDictionary<string, long> Outcomes,
    IReadOnlyDictionary<string, long> Codes,
    LatencySummary Latency,
    MateReport Mates,
    IReadOnlyList<PercentilePoint> Percentiles);

/// <param name="Found">Planted mates named (identify), reported as duplicate (enroll) or matched (verify).</param>
/// <param name="Missed">Planted mates the answer did not name or match.</param>
/// <param name="NewEnrolled">New applicants enrolled with no candidate.</param>
/// <param name="NewFlagged">New applicants reported as possible duplicates: false alarms.</param>
/// <param name="AnswersWithOtherCandidates">Answers naming someone other than the planted mate.</param>
/// <param name="MissedSubjects">The first 100 planted subjects missed.</param>
public sealed record MateReport(
    long Found,
    long Missed,
    long NewEnrolled,
    long NewFlagged,
    long AnswersWithOtherCandidates,
    MarginSummary? FoundMargin,
    IReadOnlyList<string> MissedSubjects);

/// <summary>How far above the threshold the found mates scored (score - threshold, on the -10 log10 FMR scale).</summary>
public sealed record MarginSummary(double Min, double P5, double P50, double Max)
{
    public static MarginSummary? Of(IReadOnlyCollection<double> margins)
    {
        if (margins.Count == 0)
        {
            return null;
        }
        var sorted = margins.Order().ToArray();
        return new MarginSummary(sorted[0], At(sorted, 0.05), At(sorted, 0.5), sorted[^1]);
    }

    private static double At(double[] sorted, double quantile) => sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(quantile * sorted.Length))];
}

public sealed record LatencySummary(long Count, double P50Ms, double P90Ms, double P99Ms, double P999Ms, double MaxMs, double MeanMs)
{
    private static readonly double[] CurvePercentiles = [0, 10, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 100];

    public static LatencySummary Of(HdrHistogram.HistogramBase histogram) => histogram.TotalCount == 0
        ? new LatencySummary(0, 0, 0, 0, 0, 0, 0)
        : new LatencySummary(histogram.TotalCount, Ms(histogram.GetValueAtPercentile(50)), Ms(histogram.GetValueAtPercentile(90)),
            Ms(histogram.GetValueAtPercentile(99)), Ms(histogram.GetValueAtPercentile(99.9)), Ms(histogram.GetMaxValue()), histogram.GetMean() / 1000);

    public static IReadOnlyList<PercentilePoint> Curve(HdrHistogram.HistogramBase histogram) => histogram.TotalCount == 0
        ? []
        : [.. CurvePercentiles.Select(p => new PercentilePoint(p, Ms(histogram.GetValueAtPercentile(p))))];

    private static double Ms(long micros) => micros / 1000.0;
}

public sealed record PercentilePoint(double Percentile, double LatencyMs);

/// <param name="Second">Whole seconds since the step started.</param>
public sealed record SecondCount(long Second, long Completed);

/// <summary>One call for the latency-over-time plot: its intended start in seconds since the run began.</summary>
public sealed record LatencyPoint(LoadRpc Rpc, double AtSeconds, double LatencyMs, bool Ok);

/// <param name="Step">Index of the first step past a limit; null when every step held.</param>
/// <param name="SustainableTarget">The highest level before the knee (null when the first step already failed).</param>
public sealed record KneeReport(int? Step, double? KneeTarget, double? SustainableTarget, string Reason);
