using Matcher.Fingerprint.Templates;

namespace Matcher.Fingerprint.Matching;

/// <summary>
/// A probe template made ready for many comparisons: its edges are hashed once. Immutable, so one instance can be
/// compared against any number of candidates from any number of threads.
/// </summary>
public sealed class PreparedProbe
{
    public PreparedProbe(FingerprintTemplate template)
    {
        Minutiae = TemplatePacker.Pack(template);
        Edges = ProbeEdgeIndex.Build(Minutiae);
        Lanes = new ProbeLanes(Minutiae);
    }

    /// <summary>Minutiae the matcher uses (at most <c>MatchingParameters.MaxMinutiae</c>).</summary>
    public int MinutiaCount => Minutiae.Count;

    internal PackedMinutiae Minutiae { get; }

    internal ProbeEdgeIndex Edges { get; }

    internal ProbeLanes Lanes { get; }
}
