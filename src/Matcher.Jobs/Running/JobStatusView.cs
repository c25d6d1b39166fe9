using Matcher.Jobs.Definitions;

namespace Matcher.Jobs.Running;

/// <summary>A job's state and progress at one moment, as operators see it.</summary>
/// <param name="GalleryAsOf">The job's galleries are their subjects enrolled up to this moment; null until it starts.</param>
/// <param name="Threshold">The score a pair must reach; 0 until the job starts and knows its gallery's size.</param>
/// <param name="SecondsLeft">From the recent rate; null while unknown.</param>
/// <param name="SubjectsDeletedSinceStart">The job's subjects deleted from the gallery after it started, as of its last checkpoint.</param>
public sealed record JobStatusView(
    DedupJobDefinition Definition,
    JobState State,
    DateTimeOffset? GalleryAsOf,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    long SubjectsDone,
    long SubjectsTotal,
    long Comparisons,
    double SubjectsPerSecond,
    double? SecondsLeft,
    long PairsFound,
    double Threshold,
    string? Failure,
    long SubjectsDeletedSinceStart);
