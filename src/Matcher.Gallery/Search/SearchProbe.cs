using Matcher.Core.Modalities;

namespace Matcher.Gallery.Search;

/// <summary>
/// The samples of one search, each modality's prepared once by that modality (<see cref="SubjectIndex.Prepare"/>) for
/// comparison against a whole gallery. Immutable; safe to use from many shards at once.
/// </summary>
public sealed class SearchProbe
{
    internal SearchProbe(GalleryOptions preparedFor, IReadOnlyList<IModalityProbe?> modalities)
    {
        PreparedFor = preparedFor;
        Modalities = modalities;
    }

    public bool IsEmpty => Modalities.All(m => m is null);

    internal GalleryOptions PreparedFor { get; }

    /// <summary>One entry per modality of <see cref="PreparedFor"/>, in its order; null where the probe has no sample.</summary>
    internal IReadOnlyList<IModalityProbe?> Modalities { get; }
}
