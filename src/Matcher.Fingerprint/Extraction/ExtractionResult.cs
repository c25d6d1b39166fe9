using Matcher.Fingerprint.Templates;

namespace Matcher.Fingerprint.Extraction;

/// <summary>
/// What an extraction produced: the template (500 dpi frame), the sample quality 0..100 (also stored in the template)
/// and the fraction of the image that shows ridges.
/// </summary>
public sealed record ExtractionResult(FingerprintTemplate Template, int Quality, double ForegroundFraction);
