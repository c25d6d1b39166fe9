using System.Numerics;

namespace Matcher.Fingerprint.Matching;

/// <summary>
/// Which pairs of a run of <see cref="RotationSortedPairs"/> agree with a root alignment: their directions turn by the
/// root's rotation within <see cref="MatchingParameters.PairAngleTolerance"/>, and the moved candidate minutia lands
/// within the root's distance tolerance of its probe minutia (<see cref="DistanceTolerance"/>). Geometry only; whether
/// a minutia is already taken is for the caller.
/// </summary>
internal static class ConsistentPairs
{
    /// <summary>1 &lt;&lt; lane in each lane: summing the lanes a mask keeps packs it into an integer.</summary>
    private static readonly Vector<int> LaneBits = new(Enumerable.Range(0, Vector<int>.Count).Select(lane => 1 << lane).ToArray());

    /// <summary>The width of one call: bit i of the result stands for pair start + i.</summary>
    public static int Width => Vector.IsHardwareAccelerated ? Vector<float>.Count : 1;

    /// <summary>Bit i set when pair start + i (i &lt; <paramref name="count"/> &lt;= <see cref="Width"/>) agrees.</summary>
    public static uint Mask(RotationSortedPairs pairs, int start, int count, in RigidTransform root)
    {
        if (!Vector.IsHardwareAccelerated)
        {
            return MaskScalar(pairs, start, count, root);
        }
        var turn = (Vector.LoadUnsafe(ref pairs.Turn[start]) - new Vector<int>(root.Rotation)) & new Vector<int>(255);
        var angleAgrees = Vector.LessThanOrEqual(Vector.Min(turn, new Vector<int>(256) - turn), new Vector<int>(MatchingParameters.PairAngleTolerance));
        var cx = Vector.LoadUnsafe(ref pairs.CandidateX[start]);
        var cy = Vector.LoadUnsafe(ref pairs.CandidateY[start]);
        var px = Vector.LoadUnsafe(ref pairs.ProbeX[start]);
        var py = Vector.LoadUnsafe(ref pairs.ProbeY[start]);
        var dx = new Vector<float>(root.Cos) * cx - new Vector<float>(root.Sin) * cy + new Vector<float>(root.ShiftX) - px;
        var dy = new Vector<float>(root.Sin) * cx + new Vector<float>(root.Cos) * cy + new Vector<float>(root.ShiftY) - py;
        var rx = px - new Vector<float>(root.CenterX);
        var ry = py - new Vector<float>(root.CenterY);
        var tolerance = Vector.Min(
            new Vector<float>(MatchingParameters.PairDistanceMax),
            new Vector<float>(MatchingParameters.PairDistanceBase) + new Vector<float>(MatchingParameters.PairDistanceSlope) * Vector.SquareRoot(rx * rx + ry * ry));
        var agrees = angleAgrees & Vector.LessThanOrEqual(dx * dx + dy * dy, tolerance * tolerance)
            & Vector.LessThan(Vector<int>.Indices, new Vector<int>(count));
        return (uint)Vector.Sum(agrees & LaneBits);
    }

    /// <summary>The plain reference the vector path must agree with.</summary>
    public static uint MaskScalar(RotationSortedPairs pairs, int start, int count, in RigidTransform root)
    {
        var mask = 0u;
        for (var i = 0; i < count; i++)
        {
            var slot = start + i;
            if (ByteAngle.Distance(pairs.Turn[slot], root.Rotation) > MatchingParameters.PairAngleTolerance)
            {
                continue;
            }
            float cx = pairs.CandidateX[slot], cy = pairs.CandidateY[slot];
            var dx = root.MapX(cx, cy) - pairs.ProbeX[slot];
            var dy = root.MapY(cx, cy) - pairs.ProbeY[slot];
            if (DistanceTolerance.Accepts(root, pairs.ProbeX[slot], pairs.ProbeY[slot], dx * dx + dy * dy))
            {
                mask |= 1u << i;
            }
        }
        return mask;
    }
}
