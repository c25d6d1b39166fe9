namespace Matcher.Core.Modalities;

/// <summary>
/// A probe's samples of one modality, prepared once by that modality (for example hashed finger edges, a quantised
/// face query) and compared with many rows of many shards. Immutable, so shards may use it from many threads.
/// </summary>
public interface IModalityProbe
{
    Modality Modality { get; }

    /// <summary>The probe's samples of this modality: the most scores one comparison with a row can give.</summary>
    int SampleCount { get; }

    /// <summary>
    /// The share of a gallery the first stage must keep, ranked by this probe's evidence, to hold the mates the full
    /// comparison would find: smaller for stronger evidence (ten fingers, a face), measured per modality.
    /// </summary>
    double FirstStagePenetration { get; }

    /// <summary>
    /// Whether this evidence alone keeps every mate within <see cref="FirstStagePenetration"/>, whatever another
    /// modality adds to the sum: then a probe with several modalities lists only as deep as this one asks. Ten fingers
    /// do; a face or a few fingers do not, so beside them the deepest list any modality asks is kept.
    /// </summary>
    bool KeepsEveryMateAlone { get; }
}
