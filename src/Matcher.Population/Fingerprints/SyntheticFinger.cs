using Matcher.Fingerprint.Templates;

namespace Matcher.Population.Fingerprints;

/// <summary>One synthetic finger: its ISO position (1-10), the pattern class it was drawn from, and its template.</summary>
public sealed record SyntheticFinger(int Position, PatternClass Pattern, FingerprintTemplate Template);
