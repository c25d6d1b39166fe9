namespace Matcher.Fingerprint.Matching;

/// <summary>
/// A directed edge from a probe minutia to its neighbour of the given rank (0 = nearest), described by features that
/// survive rotation and translation.
/// </summary>
internal readonly record struct ProbeEdge(byte From, byte To, byte Rank, byte Length, byte FromAngle, byte ToAngle);
