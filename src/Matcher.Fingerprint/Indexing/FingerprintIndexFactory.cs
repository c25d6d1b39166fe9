using Matcher.Core.Modalities;
using Matcher.Core.Subjects;

namespace Matcher.Fingerprint.Indexing;

/// <summary>Fingerprints as a gallery modality: a packed gallery per finger position in every shard.</summary>
public sealed class FingerprintIndexFactory : IModalityIndexFactory
{
    public Modality Modality => Modality.Fingerprint;

    public IModalityIndex CreateIndex() => new FingerprintIndex();

    public IModalityProbe? Prepare(IReadOnlyList<EnrolledSample> samples) =>
        samples.Count == 0 ? null : new FingerprintProbe(samples.Cast<EnrolledFinger>());
}
