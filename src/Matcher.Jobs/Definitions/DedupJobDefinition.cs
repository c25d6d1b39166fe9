namespace Matcher.Jobs.Definitions;

/// <summary>
/// What a dedup job was asked to do, fixed when it is queued: the request that started it, its id and when.
/// <see cref="AgainstGallery"/> null: the gallery against itself, each unordered pair reported once; otherwise every
/// subject of <see cref="Gallery"/> is searched in the other.
/// </summary>
public sealed record DedupJobDefinition(string JobId, DedupJobRequest Request, DateTimeOffset CreatedAt)
{
    public string Gallery => Request.Gallery;

    public string? AgainstGallery => Request.AgainstGallery;

    public JobModalities Modalities => Request.Modalities;

    public double TargetFalsePositiveIdentificationRate => Request.TargetFalsePositiveIdentificationRate;

    public int MaxCandidatesPerSubject => Request.MaxCandidatesPerSubject;

    public string? RequestId => Request.RequestId;

    public string Label => Request.Label;

    public bool IsSelfDedup => AgainstGallery is null;

    /// <summary>The gallery the job's subjects are searched in.</summary>
    public string SearchedGallery => AgainstGallery ?? Gallery;
}
