namespace Matcher.Fingerprint.Matching;

/// <summary>A directed edge between two probe minutiae, described by features that survive rotation and translation.</summary>
internal readonly record struct ProbeEdge(byte From, byte To, byte Length, byte FromAngle, byte ToAngle);
