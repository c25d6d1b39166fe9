namespace Matcher.Fingerprint.Matching;

/// <summary>
/// A candidate edge (From, To) and one block of the probe's edge index with the lanes that matched it: those that count
/// for the probe-to-candidate direction, and those that count for the candidate-to-probe direction.
/// </summary>
internal readonly record struct EdgeLookup(byte From, byte To, ushort Forward, ushort Reverse, int Block);
