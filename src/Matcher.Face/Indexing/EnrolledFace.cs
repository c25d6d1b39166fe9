using Matcher.Core.Modalities;
using Matcher.Core.Subjects;

namespace Matcher.Face.Indexing;

/// <summary>A face: a unit-length embedding, the model that made it, and the sample quality (0-100).</summary>
public sealed record EnrolledFace(string ModelId, float[] Embedding, int Quality) : EnrolledSample(Quality)
{
    public override Modality Modality => Modality.Face;
}
