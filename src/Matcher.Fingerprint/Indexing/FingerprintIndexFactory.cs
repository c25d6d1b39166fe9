using Matcher.Core.Modalities;
using Matcher.Core.Subjects;

namespace Matcher.Fingerprint.Indexing;

/// <summary>Fingerprints as a gallery modality: a packed gallery per finger position in every shard.</summary>
public sealed class FingerprintIndexFactory : IModalityIndexFactory
{
    public Modality Modality => Modality.Fingerprint;

    public IModalityIndex CreateIndex() => new FingerprintIndex();

    /// <summary>In the native template format, one array per subject (<see cref="KeptFingers"/>).</summary>
    public IReadOnlyList<EnrolledSample> Keep(IReadOnlyList<EnrolledSample> samples) => KeptFingers.Of(samples);

    public IModalityProbe? Prepare(IReadOnlyList<EnrolledSample> samples) =>
        samples.Count == 0 ? null : new FingerprintProbe(samples.Cast<EnrolledFinger>());
}
