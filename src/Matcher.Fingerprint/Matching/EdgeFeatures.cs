namespace Matcher.Fingerprint.Matching;

/// <summary>
/// The rotation- and translation-invariant description of a directed edge from minutia i to minutia j: its length,
/// the edge's direction relative to i's direction, and j's direction relative to i's direction.
/// </summary>
internal static class EdgeFeatures
{
    public static (byte Length, byte FromAngle, byte ToAngle) Describe(int dx, int dy, byte fromDirection, byte toDirection)
    {
        var shape = ByteAngle.EdgeShape(dx, dy);
        return ((byte)shape, (byte)((shape >> 8) - fromDirection), (byte)(toDirection - fromDirection));
    }

    public const int LengthBuckets = (MatchingParameters.MaxEdgeLength + MatchingParameters.EdgeLengthTolerance) / MatchingParameters.EdgeLengthBucket + 1;

    public const int AngleBuckets = 256 / MatchingParameters.EdgeAngleBucket;

    public const int BucketCount = LengthBuckets * AngleBuckets * AngleBuckets;

    public static int Bucket(int lengthBucket, int fromAngleBucket, int toAngleBucket) =>
        (lengthBucket * AngleBuckets + fromAngleBucket) * AngleBuckets + toAngleBucket;

    public static int BucketOf(byte length, byte fromAngle, byte toAngle) =>
        Bucket(
            Math.Min(length / MatchingParameters.EdgeLengthBucket, LengthBuckets - 1),
            fromAngle / MatchingParameters.EdgeAngleBucket,
            toAngle / MatchingParameters.EdgeAngleBucket);
}
