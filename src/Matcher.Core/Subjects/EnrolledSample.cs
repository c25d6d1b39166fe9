using Matcher.Core.Modalities;

namespace Matcher.Core.Subjects;

/// <summary>
/// One biometric sample ready for matching (a finger template, a face embedding, ...), enrolled or used as a probe.
/// Each modality defines its own kind beside its engine. <see cref="Quality"/> is 0..100. Sensitive: never log it.
/// </summary>
public abstract record EnrolledSample(int Quality)
{
    public abstract Modality Modality { get; }
}
