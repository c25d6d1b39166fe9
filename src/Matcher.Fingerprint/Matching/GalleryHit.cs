namespace Matcher.Fingerprint.Matching;

/// <summary>One result of a gallery scan: the template's index (in the order added) and its calibrated score.</summary>
public readonly record struct GalleryHit(int Index, double Score);
