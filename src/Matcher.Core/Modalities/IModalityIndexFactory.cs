using Matcher.Core.Subjects;

namespace Matcher.Core.Modalities;

/// <summary>
/// A modality as the gallery sees it: makes the index of one shard and prepares probes for it. The host registers one
/// per modality; a gallery searches them in registration order. Thread-safe.
/// </summary>
public interface IModalityIndexFactory
{
    Modality Modality { get; }

    IModalityIndex CreateIndex();

    /// <summary>Prepares the probe's samples of this modality; null when it has none.</summary>
    /// <exception cref="ArgumentException">The samples cannot form one probe (for example a finger position twice).</exception>
    IModalityProbe? Prepare(IReadOnlyList<EnrolledSample> samples);
}
