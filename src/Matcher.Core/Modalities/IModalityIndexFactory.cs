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

    /// <summary>
    /// The samples as a gallery keeps them to read back (a subject's record, snapshots, shard rebuilds): the same
    /// samples, in a form a heap of millions of subjects can afford; by default the samples themselves. Samples this
    /// modality could not store raise <see cref="ArgumentException"/>.
    /// </summary>
    IReadOnlyList<EnrolledSample> Keep(IReadOnlyList<EnrolledSample> samples) => samples;

    /// <summary>Prepares the probe's samples of this modality; null when it has none.</summary>
    /// <exception cref="ArgumentException">The samples cannot form one probe (for example a finger position twice).</exception>
    IModalityProbe? Prepare(IReadOnlyList<EnrolledSample> samples);
}
