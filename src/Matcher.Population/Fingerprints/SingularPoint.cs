namespace Matcher.Population.Fingerprints;

/// <summary>A core (a pole of the orientation field, +1/2 turn) or a delta (a zero, -1/2 turn), in image pixels.</summary>
internal readonly record struct SingularPoint(double X, double Y, bool IsCore);
