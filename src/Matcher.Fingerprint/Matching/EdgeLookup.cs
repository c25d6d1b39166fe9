namespace Matcher.Fingerprint.Matching;

/// <summary>A candidate edge (From, To) and one block of the probe's edge index with the lanes that matched it.</summary>
internal readonly record struct EdgeLookup(byte From, byte To, ushort Similar, int Block);
