using Matcher.Fingerprint.Templates;

namespace Matcher.Population.Validation;

/// <summary>
/// A template of a real finger impression. <see cref="FingerGroup"/> names the set of fingers its database shows
/// (databases recorded from the same fingers share one); impressions with the same group and finger id are mates.
/// </summary>
public sealed record RealFingerprint(string FingerGroup, string Finger, FingerprintTemplate Template)
{
    public bool IsMateOf(RealFingerprint other) => FingerGroup == other.FingerGroup && Finger == other.Finger;
}
