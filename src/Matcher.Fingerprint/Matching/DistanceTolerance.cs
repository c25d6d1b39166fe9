namespace Matcher.Fingerprint.Matching;

/// <summary>How far apart two paired minutiae may lie after a root alignment: more the farther from the root.</summary>
internal static class DistanceTolerance
{
    private const float AlwaysAcceptedSquared = MatchingParameters.PairDistanceBase * MatchingParameters.PairDistanceBase;

    private const float NeverAcceptedSquared = MatchingParameters.PairDistanceMax * MatchingParameters.PairDistanceMax;

    /// <summary>
    /// Whether a pair at <paramref name="squaredDistance"/> whose probe minutia lies at (x, y) agrees with the root.
    /// Most candidate pairs are far off or very close, which is decided without the square root.
    /// </summary>
    public static bool Accepts(in RigidTransform transform, float x, float y, float squaredDistance)
    {
        if (squaredDistance > NeverAcceptedSquared)
        {
            return false;
        }
        if (squaredDistance <= AlwaysAcceptedSquared)
        {
            return true;
        }
        var tolerance = FromRoot(transform, x, y);
        return squaredDistance <= tolerance * tolerance;
    }

    private static float FromRoot(in RigidTransform transform, float x, float y)
    {
        var dx = x - transform.CenterX;
        var dy = y - transform.CenterY;
        var fromRoot = MathF.Sqrt(dx * dx + dy * dy);
        return MathF.Min(MatchingParameters.PairDistanceMax, MatchingParameters.PairDistanceBase + MatchingParameters.PairDistanceSlope * fromRoot);
    }
}
