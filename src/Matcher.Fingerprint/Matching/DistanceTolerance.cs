namespace Matcher.Fingerprint.Matching;

/// <summary>How far apart two paired minutiae may lie after a root alignment: more the farther from the root.</summary>
internal static class DistanceTolerance
{
    public static float FromRoot(in RigidTransform transform, float x, float y)
    {
        var dx = x - transform.CenterX;
        var dy = y - transform.CenterY;
        var fromRoot = MathF.Sqrt(dx * dx + dy * dy);
        return MathF.Min(MatchingParameters.PairDistanceMax, MatchingParameters.PairDistanceBase + MatchingParameters.PairDistanceSlope * fromRoot);
    }
}
