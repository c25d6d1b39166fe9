namespace Matcher.Jobs.Definitions;

/// <summary>A request to start a dedup job, already validated for form by the host.</summary>
public sealed record DedupJobRequest(
    string Gallery,
    string? AgainstGallery,
    JobModalities Modalities,
    double TargetFalsePositiveIdentificationRate,
    int MaxCandidatesPerSubject,
    string? RequestId,
    string Label);
