namespace Matcher.Fingerprint.Descriptors;

/// <summary>
/// What the background model expects of one descriptor: how many of its cells a typical other finger shares
/// (<see cref="Expectation"/>) and the inverse fourth root of that count's variance (<see cref="Spread"/>), so that the
/// similarity of two descriptors is (shared - expected) times both spreads.
/// </summary>
internal readonly record struct DescriptorNorm(float Expectation, float Spread);
