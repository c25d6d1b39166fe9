using System.Diagnostics.Metrics;

namespace Matcher.Core.Telemetry;

/// <summary>
/// The one meter every project of the service records on. The host exports it (Prometheus, when enabled); without a
/// listener an instrument costs a flag test. To add an instrument, in the project where the event happens: create it
/// once in that project's static <c>...Metrics</c> class from <see cref="Meter"/> (or <see cref="Seconds"/> for a
/// duration), name it <c>matcher.AREA.WHAT</c> (Prometheus turns the dots into underscores and adds <c>_total</c> to
/// counters and <c>_seconds</c> / <c>_bytes</c> for the units "s" / "By"), give it tags only from small fixed sets
/// (an outcome, a stage, a status code, a reason through <see cref="Reason"/>), and list it in the README's metrics
/// table. Never a subject id, request id, image, template or embedding: no tag, name or value may carry them.
/// </summary>
public static class MatcherMetrics
{
    public const string MeterName = "Matcher";

    /// <summary>Reason codes longer than this, or not shaped like one, are reported as <see cref="OtherReason"/>.</summary>
    private const int MaxReasonLength = 64;

    public const string OtherReason = "other";

    /// <summary>From half a millisecond (one fsync on a fast disk) to half a minute (a deadline): latencies of every stage fit.</summary>
    private static readonly double[] SecondsBoundaries =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    public static Meter Meter { get; } = new(MeterName);

    /// <summary>A duration histogram in seconds with buckets from 0.5 ms to 30 s.</summary>
    public static Histogram<double> Seconds(string name, string description) =>
        Meter.CreateHistogram(name, "s", description, tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBoundaries });

    /// <summary>A histogram of whole counts (records per batch, subjects compared) with the given bucket boundaries.</summary>
    public static Histogram<long> Counts(string name, string unit, string description, IReadOnlyList<long> boundaries) =>
        Meter.CreateHistogram(name, unit, description, tags: null, new InstrumentAdvice<long> { HistogramBucketBoundaries = boundaries });

    /// <summary>
    /// A stable reason code (<c>subject.not_found</c>) as a tag value, or <see cref="OtherReason"/> for anything else,
    /// so that text built from a request can never become a label.
    /// </summary>
    public static string Reason(string? reason)
    {
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength || !char.IsAsciiLetterLower(reason[0]))
        {
            return OtherReason;
        }
        foreach (var c in reason)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c is not '_' and not '.')
            {
                return OtherReason;
            }
        }
        return reason;
    }
}
