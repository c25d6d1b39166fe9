using System.Collections.Concurrent;
using Matcher.Core.Subjects;

namespace Matcher.Gallery.Search;

/// <summary>
/// What the searches of one batch of subjects against their own gallery (a dedup job) have already compared with the
/// full matchers, so each unordered pair is compared once. A search of subject A puts every row whose first-stage
/// evidence reaches its list's cut-off on its short list; the cut-off per shard is all that is kept of it. A later
/// search of B, in whose list A appears, skips A when B's evidence for A lies above A's cut-off for B's shard: A's
/// search then compared B already. That is exact because the first-stage evidence is symmetric (the fingerprint
/// descriptors' standardised shared bits, the face's int8 cosine of two vectors quantised alike) up to float rounding,
/// which <see cref="EvidenceMargin"/> covers, and the full scores are symmetric. A search whose candidates were cut at
/// the asked maximum is not recorded, so no pair it dropped is skipped later. Thread-safe.
/// </summary>
public sealed class ComparedPairs
{
    /// <summary>Far above the float rounding of two evidence sums in either order, far below any gap between rows.</summary>
    public const float EvidenceMargin = 1e-3f;

    private readonly ConcurrentDictionary<SubjectKey, float[]> _cutoffs = new();

    /// <summary>Subjects whose search is recorded.</summary>
    public int Count => _cutoffs.Count;

    /// <summary>
    /// Whether the recorded search of <paramref name="searched"/> compared every row of shard <paramref name="shard"/>
    /// with at least <paramref name="evidence"/> (null: unknown, the later search ranked nothing there).
    /// </summary>
    internal bool Covers(SubjectKey searched, int shard, float? evidence) =>
        _cutoffs.TryGetValue(searched, out var cutoffs)
        && (float.IsNegativeInfinity(cutoffs[shard]) || evidence is { } value && value > cutoffs[shard] + EvidenceMargin);

    /// <summary>
    /// Records a search: per shard of its gallery, the lowest evidence its list took (negative infinity where it took
    /// every row, NaN where it ranked nothing, which covers no row).
    /// </summary>
    internal void Record(SubjectKey searched, float[] cutoffsByShard) => _cutoffs[searched] = cutoffsByShard;
}
