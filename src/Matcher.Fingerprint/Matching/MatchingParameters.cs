namespace Matcher.Fingerprint.Matching;

/// <summary>
/// Every tuning constant of the matcher, in one place. Distances are pixels at 500 dpi; angles are in byte units
/// (256 per full turn) so that wrap-around is plain 8-bit arithmetic.
/// </summary>
internal static class MatchingParameters
{
    /// <summary>Minutiae kept per template; the rest (lowest quality first) are dropped so a packed template stays small.</summary>
    public const int MaxMinutiae = 100;

    /// <summary>
    /// Nearest neighbours whose edges the candidate side of one direction looks up in the probe side's edges. Fewer than
    /// the probe side offers (<see cref="ProbeNeighborCount"/>), so a candidate's nearest-neighbour edge is still found
    /// when the probe has a spurious minutia in between.
    /// </summary>
    public const int NeighborCount = 6;

    /// <summary>
    /// Nearest neighbours whose edges the probe side of one direction offers, and how many every packed template keeps
    /// (nearest first): the score is the mean of both directions, and a gallery template takes the probe's role in one of
    /// them without being prepared (see <see cref="ComparisonKernel"/>).
    /// </summary>
    public const int ProbeNeighborCount = 10;

    /// <summary>Longest edge (and largest |dx|, |dy|) considered in local structures.</summary>
    public const int MaxEdgeLength = 120;

    /// <summary>How far an edge's length may differ between the two prints (elastic distortion, position noise).</summary>
    public const int EdgeLengthTolerance = 8;

    /// <summary>How far an edge's relative angles may differ (6 = 8.4 degrees).</summary>
    public const int EdgeAngleTolerance = 6;

    /// <summary>
    /// Bucket widths of the probe's edge hash. A lookup tests a whole block of 16 edges at once, so fuller buckets cost
    /// nothing extra while fewer of them keep the probe's index small enough to stay in cache; at least twice the
    /// tolerances, so a probe edge is filed under at most two buckets per axis.
    /// </summary>
    public const int EdgeLengthBucket = 16;

    public const int EdgeAngleBucket = 32;

    /// <summary>
    /// Edge matches kept per direction of a comparison; a bound on work for pathological, minutia-dense templates. Which
    /// matches are kept beyond it depends on the order they are found in, so it lies far above what real prints produce
    /// (the densest FVC and CrossMatch pair, a print against itself, finds 2,165) to keep both directions' scores order-free.
    /// </summary>
    public const int MaxEdgeMatches = 16384;

    /// <summary>Root alignments tried per comparison, taken from the edge matches with the strongest local support.</summary>
    public const int RootCount = 10;

    /// <summary>Distance tolerance for a supported pair to agree with a root alignment: a base plus a share of its distance
    /// from the root, because elastic distortion grows with distance from where the two prints were aligned.</summary>
    public const float PairDistanceBase = 10f;

    public const float PairDistanceSlope = 0.05f;

    public const float PairDistanceMax = 28f;

    /// <summary>Direction tolerance for a paired minutia (14 = 20 degrees).</summary>
    public const int PairAngleTolerance = 14;

    /// <summary>Distance tolerance of the final pairing, under the transform fitted by least squares to the supported pairs
    /// (distortion is then spread over the whole overlap, not piled up far from the root).</summary>
    public const float RefinedPairDistance = 18f;

    /// <summary>A minutia counts as lying in the common area when a minutia of the other print lies within this distance.</summary>
    public const float OverlapRadius = 40f;

    /// <summary>Counts below this do not support a score at all: a few paired minutiae occur between any two fingers.</summary>
    public const int MinimumPairs = 3;

    /// <summary>A best root alignment that keeps fewer supported pairs together than this ends the comparison at zero.</summary>
    public const int MinimumRootSupport = 4;
}
