using System.Numerics;

namespace Matcher.Fingerprint.Matching;

/// <summary>
/// For one aligned candidate minutia: the nearest probe minutia whose direction agrees within
/// <see cref="MatchingParameters.PairAngleTolerance"/> and which lies within <see cref="MatchingParameters.RefinedPairDistance"/>
/// (ties go to the lowest index), and which probe minutiae lie within <see cref="MatchingParameters.OverlapRadius"/>.
/// Every probe minutia is tested, a vector at a time; with at most 100 of them that beats any spatial index.
/// <see cref="Vector{T}"/> takes the widest vectors the runtime prefers (128 or 256 bits; 512 when so configured).
/// </summary>
internal static class NearestProbe
{
    /// <summary>What a lane of the near marks holds once a candidate minutia came within the overlap radius.</summary>
    public const int Near = -1;

    private const float OverlapSquared = MatchingParameters.OverlapRadius * MatchingParameters.OverlapRadius;

    private const float PairSquared = MatchingParameters.RefinedPairDistance * MatchingParameters.RefinedPairDistance;

    /// <summary>
    /// Returns the index of the nearest agreeing probe minutia (-1 if none) and its squared distance, sets lane p of
    /// <paramref name="near"/> (one int per lane of <paramref name="probe"/>) to <see cref="Near"/> for every probe
    /// minutia p within the overlap radius, and says whether there was any.
    /// </summary>
    public static int Find(ProbeLanes probe, float x, float y, int direction, Span<int> near, out float bestSquared, out bool anyNear)
    {
        if (!Vector.IsHardwareAccelerated || ProbeLanes.Stride % Vector<float>.Count != 0)
        {
            return FindScalar(probe, x, y, direction, near, out bestSquared, out anyNear);
        }
        var lanes = Vector<float>.Count;
        var bestDistance = new Vector<float>(float.PositiveInfinity);
        var bestIndex = Vector<int>.Zero;
        var nearAny = Vector<int>.Zero;
        for (var p = 0; p < probe.PaddedCount; p += lanes)
        {
            var dx = Vector.LoadUnsafe(ref probe.X[p]) - new Vector<float>(x);
            var dy = Vector.LoadUnsafe(ref probe.Y[p]) - new Vector<float>(y);
            var squared = dx * dx + dy * dy;
            var isNear = Vector.LessThanOrEqual(squared, new Vector<float>(OverlapSquared));
            (Vector.LoadUnsafe(ref near[p]) | isNear).StoreUnsafe(ref near[p]);
            nearAny |= isNear;
            var turn = (Vector.LoadUnsafe(ref probe.Direction[p]) - new Vector<int>(direction)) & new Vector<int>(255);
            var angle = Vector.Min(turn, new Vector<int>(256) - turn);
            var better = Vector.LessThanOrEqual(angle, new Vector<int>(MatchingParameters.PairAngleTolerance))
                & Vector.LessThanOrEqual(squared, new Vector<float>(PairSquared))
                & Vector.LessThan(squared, bestDistance);
            bestDistance = Vector.ConditionalSelect(better, squared, bestDistance);
            bestIndex = Vector.ConditionalSelect(better, Vector<int>.Indices + new Vector<int>(p), bestIndex);
        }
        anyNear = nearAny != Vector<int>.Zero;
        return Vector.LessThanAny(bestDistance, new Vector<float>(float.PositiveInfinity))
            ? PickLane(bestDistance, bestIndex, out bestSquared)
            : NoneFound(out bestSquared);
    }

    /// <summary>The plain reference the vector path must agree with.</summary>
    public static int FindScalar(ProbeLanes probe, float x, float y, int direction, Span<int> near, out float bestSquared, out bool anyNear)
    {
        var best = NoneFound(out bestSquared);
        anyNear = false;
        for (var p = 0; p < probe.PaddedCount; p++)
        {
            var dx = probe.X[p] - x;
            var dy = probe.Y[p] - y;
            var squared = dx * dx + dy * dy;
            if (squared <= OverlapSquared)
            {
                near[p] = Near;
                anyNear = true;
            }
            if (squared <= PairSquared && squared < bestSquared
                && ByteAngle.Distance(probe.Direction[p], direction) <= MatchingParameters.PairAngleTolerance)
            {
                best = p;
                bestSquared = squared;
            }
        }
        return best;
    }

    /// <summary>Each lane kept its own nearest (earliest on ties); the overall nearest is the smallest, lowest index on ties.</summary>
    private static int PickLane(Vector<float> distance, Vector<int> index, out float bestSquared)
    {
        var best = NoneFound(out bestSquared);
        for (var lane = 0; lane < Vector<float>.Count; lane++)
        {
            if (distance[lane] < bestSquared || (distance[lane] == bestSquared && index[lane] < best))
            {
                best = index[lane];
                bestSquared = distance[lane];
            }
        }
        return best;
    }

    private static int NoneFound(out float bestSquared)
    {
        bestSquared = float.PositiveInfinity;
        return -1;
    }
}
