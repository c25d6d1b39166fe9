namespace Matcher.Gallery;

/// <summary>How the in-memory galleries are laid out and searched.</summary>
public sealed record GalleryOptions
{
    /// <summary>Shards per gallery; one per core lets a search use every core.</summary>
    public int ShardCount { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Subjects each modality nominates per shard for full evaluation (all fingers and the face, fused). Larger lists
    /// cost time but let a candidate that is weak in one modality and strong in another still be found.
    /// </summary>
    public int ShortlistPerModality { get; init; } = 64;

    /// <summary>Rows per int8 face block; blocks are allocated whole, 64-byte aligned.</summary>
    public int FaceBlockCapacity { get; init; } = 4096;

    /// <summary>Deleted share of a shard's rows above which the shard is rebuilt in the background.</summary>
    public double CompactionThreshold { get; init; } = 0.25;

    /// <summary>Maps the cosine similarity of two face embeddings to the calibrated score scale (from the face engine).</summary>
    public required Func<double, double> FaceScoreOfSimilarity { get; init; }

    internal void Validate()
    {
        if (ShardCount < 1 || ShortlistPerModality < 1 || FaceBlockCapacity < 64)
        {
            throw new ArgumentException("Gallery options need at least one shard, a shortlist of one and face blocks of 64 rows.");
        }
        if (CompactionThreshold is <= 0 or >= 1)
        {
            throw new ArgumentException("The compaction threshold is a share of rows strictly between 0 and 1.");
        }
    }
}
