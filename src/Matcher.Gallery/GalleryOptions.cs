using Matcher.Core.Modalities;
using Matcher.Gallery.Search;

namespace Matcher.Gallery;

/// <summary>How the in-memory galleries are laid out and searched.</summary>
public sealed record GalleryOptions
{
    /// <summary>Shards per gallery; one per core lets a search use every core.</summary>
    public int ShardCount { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Subjects each modality nominates per shard for full evaluation (every sample of every modality, fused). Larger
    /// lists cost time but let a candidate that is weak in one modality and strong in another still be found.
    /// </summary>
    public int ShortlistPerModality { get; init; } = 64;

    /// <summary>How searches choose the subjects they compare fully; subject-id filters always compare exactly those named.</summary>
    public SearchStrategy Strategy { get; init; } = SearchStrategy.Cascade;

    /// <summary>
    /// Subjects each shard compares fully after the cascade's first stage at least, whatever the probe's penetration:
    /// small galleries are then compared whole, and a list never gets too short to hold a weak mate. The rows the first
    /// stage ranks highest are the costly ones to compare fully (look-alikes run the whole pairing, most impostors stop
    /// early), about 40 us per finger on one core. Sixteen is more than a ten-finger probe asks of a 50,000-subject
    /// shard (0.02 %, 10), and the list the padded cascade tests find the planted real mates with (1 % of their shards).
    /// </summary>
    public int MinimumShortlistPerShard { get; init; } = DefaultMinimumShortlistPerShard;

    public const int DefaultMinimumShortlistPerShard = 16;

    /// <summary>
    /// The cascade compares a listed subject in two stages: the leading samples first (the face and two fingers, index
    /// fingers first), the rest only when those fuse to at least this score. A random impostor passes 16 dB about one
    /// time in forty, the look-alikes the first stage lists more often (17 % of a dedup job's listed subjects went on);
    /// so most listed subjects cost two finger comparisons instead of ten. A mate goes on with one leading finger at
    /// 25 dB when the other fails (without a face); the real mates' leading samples fused to 75 dB at least (120 probes
    /// of the CrossMatch and FVC ten-finger people). 0 compares every sample; searches whose threshold is at or below
    /// it (verifications) always do.
    /// </summary>
    public double ContinuationScore { get; init; } = 16;

    /// <summary>Deleted share of a shard's rows above which the shard is rebuilt in the background.</summary>
    public double CompactionThreshold { get; init; } = 0.25;

    /// <summary>
    /// The modalities a gallery holds, one factory each (registered by the host), in the order their evidence is fused.
    /// Fusion sums the evidence, and the rounding of a sum depends on its order: fingerprints before the face
    /// reproduces earlier scores to the last bit.
    /// </summary>
    public required IReadOnlyList<IModalityIndexFactory> Modalities { get; init; }

    /// <summary>The factory's place in <see cref="Modalities"/>, or -1 when the modality is not held.</summary>
    internal int SlotOf(Modality modality)
    {
        for (var slot = 0; slot < Modalities.Count; slot++)
        {
            if (Modalities[slot].Modality == modality)
            {
                return slot;
            }
        }
        return -1;
    }

    internal void Validate()
    {
        if (ShardCount < 1 || ShortlistPerModality < 1 || MinimumShortlistPerShard < 1)
        {
            throw new ArgumentException("Gallery options need at least one shard and shortlists of at least one.");
        }
        if (ContinuationScore < 0)
        {
            throw new ArgumentException("The continuation score is 0 (compare every sample) or a positive score.");
        }
        if (CompactionThreshold is <= 0 or >= 1)
        {
            throw new ArgumentException("The compaction threshold is a share of rows strictly between 0 and 1.");
        }
        if (Modalities.Count == 0 || Modalities.DistinctBy(m => m.Modality).Count() != Modalities.Count)
        {
            throw new ArgumentException("A gallery holds at least one modality, each once.");
        }
    }
}
