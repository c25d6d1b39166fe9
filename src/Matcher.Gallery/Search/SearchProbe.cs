using Matcher.Fingerprint.Matching;
using Matcher.Fingerprint.Templates;

namespace Matcher.Gallery.Search;

/// <summary>One probe finger, prepared once and compared against many candidates.</summary>
internal sealed record ProbeFinger(int Position, PreparedProbe Prepared);

/// <summary>
/// The samples of one search, prepared for comparison against a whole gallery: fingers keyed by position
/// (a finger is only compared with the enrolled finger at the same position) and an optional unit-length face embedding.
/// Immutable; safe to use from many shards at once.
/// </summary>
public sealed class SearchProbe
{
    public SearchProbe(IEnumerable<(int Position, FingerprintTemplate Template)> fingers, string? faceModelId, float[]? faceEmbedding)
    {
        Fingers = fingers.Select(f => new ProbeFinger(f.Position, new PreparedProbe(f.Template))).ToArray();
        if (Fingers.Select(f => f.Position).Distinct().Count() != Fingers.Count)
        {
            throw new ArgumentException("Each finger position may appear at most once in a probe.", nameof(fingers));
        }
        if ((faceEmbedding is null) != (faceModelId is null))
        {
            throw new ArgumentException("A face embedding needs its model id, and a model id its embedding.", nameof(faceEmbedding));
        }
        FaceModelId = faceModelId;
        FaceEmbedding = faceEmbedding;
    }

    internal IReadOnlyList<ProbeFinger> Fingers { get; }

    internal string? FaceModelId { get; }

    internal float[]? FaceEmbedding { get; }

    public bool IsEmpty => Fingers.Count == 0 && FaceEmbedding is null;
}
