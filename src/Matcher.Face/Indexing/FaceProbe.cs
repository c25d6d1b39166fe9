using Matcher.Core.Modalities;
using Matcher.Simd.Scan;

namespace Matcher.Face.Indexing;

/// <summary>
/// The face of one search: the exact embedding for rescoring and its int8 query. The query is quantised once, on first
/// use by any shard: it depends only on the embedding, since every block it is scanned against has its dimension.
/// </summary>
internal sealed class FaceProbe(EnrolledFace face) : IModalityProbe
{
    private QuantizedQuery? _query;

    public Modality Modality => Modality.Face;

    public int SampleCount => 1;

    /// <summary>The int8 scan ranks faces almost exactly as the float rescoring does, so a short list keeps them.</summary>
    public double FirstStagePenetration => 0.001;

    /// <summary>A face does not carry a mate whose face is poor, so the fingers beside it keep their own list depth.</summary>
    public bool KeepsEveryMateAlone => false;

    public EnrolledFace Face { get; } = face;

    public QuantizedQuery QueryFor(Int8VectorBlock block) =>
        LazyInitializer.EnsureInitialized(ref _query, () => block.PrepareQuery(Face.Embedding));
}
