using System.Collections;
using Matcher.Core.Subjects;

namespace Matcher.Gallery.Shards;

/// <summary>
/// A subject's samples as its shard keeps them: each modality's kept list (<see cref="Core.Modalities.IModalityIndexFactory.Keep"/>),
/// in the gallery's modality order, read through as one list. Immutable.
/// </summary>
internal sealed class KeptSamples(IReadOnlyList<EnrolledSample>[] byModality) : IReadOnlyList<EnrolledSample>
{
    public int Count { get; } = byModality.Sum(samples => samples.Count);

    public EnrolledSample this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            foreach (var samples in byModality)
            {
                if (index < samples.Count)
                {
                    return samples[index];
                }
                index -= samples.Count;
            }
            throw new ArgumentOutOfRangeException(nameof(index), "The subject has fewer samples.");
        }
    }

    public IEnumerator<EnrolledSample> GetEnumerator() => byModality.SelectMany(samples => samples).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
