using Google.Protobuf.WellKnownTypes;
using Matcher.Contracts.V1;
using Matcher.Core.Subjects;
using Matcher.Jobs.Results;
using Matcher.Jobs.Running;
using JobState = Matcher.Jobs.Definitions.JobState;
using JobModalities = Matcher.Jobs.Definitions.JobModalities;

namespace Matcher.Server.Services;

/// <summary>Job states and results in wire form.</summary>
internal static class JobContractMapping
{
    public static JobStatus ToContract(this JobStatusView view)
    {
        var definition = view.Definition;
        var status = new JobStatus
        {
            JobId = definition.JobId,
            State = view.State switch
            {
                JobState.Queued => Contracts.V1.JobState.Queued,
                JobState.Running => Contracts.V1.JobState.Running,
                JobState.Paused => Contracts.V1.JobState.Paused,
                JobState.Completed => Contracts.V1.JobState.Completed,
                JobState.Failed => Contracts.V1.JobState.Failed,
                JobState.Cancelled => Contracts.V1.JobState.Cancelled,
                _ => Contracts.V1.JobState.Unspecified,
            },
            Gallery = definition.Gallery,
            AgainstGallery = definition.AgainstGallery ?? "",
            Modalities = definition.Modalities switch
            {
                JobModalities.Fingerprints => Contracts.V1.JobModalities.Fingerprints,
                JobModalities.Face => Contracts.V1.JobModalities.Face,
                _ => Contracts.V1.JobModalities.All,
            },
            TargetFalsePositiveIdentificationRate = definition.TargetFalsePositiveIdentificationRate,
            Threshold = Math.Round(view.Threshold, 3),
            Label = definition.Label,
            CreatedAt = Timestamp.FromDateTimeOffset(definition.CreatedAt),
            SubjectsDone = view.SubjectsDone,
            SubjectsTotal = view.SubjectsTotal,
            ComparisonsDone = view.Comparisons,
            SubjectsPerSecond = Math.Round(view.SubjectsPerSecond, 3),
            PairsFound = view.PairsFound,
            Failure = view.Failure ?? "",
            SubjectsDeletedSinceStart = view.SubjectsDeletedSinceStart,
        };
        if (view.GalleryAsOf is { } asOf)
        {
            status.GalleryAsOf = Timestamp.FromDateTimeOffset(asOf);
        }
        if (view.StartedAt is { } started)
        {
            status.StartedAt = Timestamp.FromDateTimeOffset(started);
        }
        if (view.EndedAt is { } ended)
        {
            status.EndedAt = Timestamp.FromDateTimeOffset(ended);
        }
        if (view.SecondsLeft is { } left)
        {
            status.SecondsLeft = Math.Round(left, 1);
        }
        return status;
    }

    public static CandidatePair ToContract(this DedupPair pair, int cluster) => new()
    {
        Subject = pair.Subject.ToContract(),
        Other = pair.Other.ToContract(),
        Scores = pair.Scores.ToContract(),
        Cluster = cluster,
    };

    public static Contracts.V1.DuplicateCluster ToContract(this Jobs.Results.DuplicateCluster cluster)
    {
        var result = new Contracts.V1.DuplicateCluster { Cluster = cluster.Number, Pairs = cluster.Pairs, BestScore = Math.Round(cluster.BestScore, 3) };
        result.Members.AddRange(cluster.Members.Select(m => m.ToContract()));
        return result;
    }

    private static JobSubject ToContract(this SubjectKey key) => new() { Gallery = key.Gallery, SubjectId = key.SubjectId };
}
