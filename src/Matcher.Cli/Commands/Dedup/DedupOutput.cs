using System.Globalization;
using Matcher.Cli.Commands.Service;
using Matcher.Contracts.V1;

namespace Matcher.Cli.Commands.Dedup;

/// <summary>How job states read for an operator.</summary>
internal static class DedupOutput
{
    public static string State(JobState state) => state switch
    {
        JobState.Queued => "queued",
        JobState.Running => "running",
        JobState.Paused => "paused",
        JobState.Completed => "completed",
        JobState.Failed => "failed",
        JobState.Cancelled => "cancelled",
        _ => "unknown",
    };

    public static bool IsFinal(JobState state) => state is JobState.Completed or JobState.Failed or JobState.Cancelled;

    /// <summary>"dedup-000001 running: 1,234 of 100,000 subjects (1.2 %), 17 pairs, 12.3 subjects/s, about 2 h 14 min left".</summary>
    public static string Line(JobStatus status)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{status.JobId} {State(status.State)}: {status.SubjectsDone:N0} of {status.SubjectsTotal:N0} subjects ({Percent(status)}), {status.PairsFound:N0} pair(s)");
        if (status.State == JobState.Running && status.SubjectsPerSecond > 0)
        {
            line += string.Create(CultureInfo.InvariantCulture, $", {status.SubjectsPerSecond:0.0} subjects/s");
        }
        if (status.HasSecondsLeft)
        {
            line += $", about {Duration(TimeSpan.FromSeconds(status.SecondsLeft))} left";
        }
        if (status.Failure.Length > 0)
        {
            line += $"; failure: {status.Failure}";
        }
        return line;
    }

    /// <summary>What the job compares and how strictly: "gallery legacy against itself, all modalities, FPIR 0.01, threshold 70.0".</summary>
    public static string Definition(JobStatus status)
    {
        var against = status.AgainstGallery.Length == 0 ? "against itself" : $"against gallery {status.AgainstGallery}";
        var modalities = status.Modalities switch
        {
            JobModalities.Fingerprints => "fingerprints only",
            JobModalities.Face => "face only",
            _ => "fingerprints and face",
        };
        var threshold = status.Threshold > 0 ? $", threshold {ServiceOutput.Score(status.Threshold)}" : "";
        var asOf = status.GalleryAsOf is { } at ? $", gallery as of {at.ToDateTimeOffset():yyyy-MM-dd HH:mm:ss} UTC" : "";
        var label = status.Label.Length > 0 ? $" ({status.Label})" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"gallery {status.Gallery} {against}{label}, {modalities}, FPIR {status.TargetFalsePositiveIdentificationRate:G4}{threshold}{asOf}");
    }

    public static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes} min"
        : span.TotalMinutes >= 1 ? $"{span.Minutes} min {span.Seconds} s"
        : $"{Math.Max(0, span.Seconds)} s";

    private static string Percent(JobStatus status) =>
        status.SubjectsTotal == 0 ? "-" : (100.0 * status.SubjectsDone / status.SubjectsTotal).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
