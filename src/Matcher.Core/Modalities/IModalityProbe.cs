namespace Matcher.Core.Modalities;

/// <summary>
/// A probe's samples of one modality, prepared once by that modality (for example hashed finger edges, a quantised
/// face query) and compared with many rows of many shards. Immutable, so shards may use it from many threads.
/// </summary>
public interface IModalityProbe
{
    Modality Modality { get; }
}
