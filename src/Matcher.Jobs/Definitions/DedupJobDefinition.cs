namespace Matcher.Jobs.Definitions;

/// <summary>
/// What a dedup job was asked to do, fixed when it is queued. <see cref="AgainstGallery"/> null: the gallery against
/// itself, each unordered pair reported once; otherwise every subject of <see cref="Gallery"/> is searched in the other.
/// </summary>
public sealed record DedupJobDefinition(
    string JobId,
    string Gallery,
    string? AgainstGallery,
    JobModalities Modalities,
    double TargetFalsePositiveIdentificationRate,
    int MaxCandidatesPerSubject,
    string? RequestId,
    string Label,
    DateTimeOffset CreatedAt)
{
    public bool IsSelfDedup => AgainstGallery is null;

    /// <summary>The gallery the job's subjects are searched in.</summary>
    public string SearchedGallery => AgainstGallery ?? Gallery;

    /// <summary>Whether another start request asks for the same work (a retry with the same request id must).</summary>
    public bool SameWorkAs(DedupJobRequest request) =>
        Gallery == request.Gallery && AgainstGallery == request.AgainstGallery && Modalities == request.Modalities
        && TargetFalsePositiveIdentificationRate.Equals(request.TargetFalsePositiveIdentificationRate)
        && MaxCandidatesPerSubject == request.MaxCandidatesPerSubject && Label == request.Label;
}
