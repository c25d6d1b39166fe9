namespace Matcher.Fingerprint.Templates;

/// <summary>
/// One finger view of a minutiae record. <see cref="FingerPosition"/> uses the ISO/IEC 19794 codes (0 = unknown,
/// 1 = right thumb .. 10 = left little finger); <see cref="ViewNumber"/> tells several impressions of the same finger apart
/// (0..15); <see cref="ImpressionType"/> is the ISO code (0 live plain, 1 live rolled, 2 non-live plain, 3 non-live rolled,
/// 8 swipe).
/// </summary>
public sealed record FingerprintView(int FingerPosition, int ViewNumber, int ImpressionType, FingerprintTemplate Template);
