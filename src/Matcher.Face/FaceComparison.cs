namespace Matcher.Face;

/// <summary>
/// One face comparison: the raw cosine similarity and the calibrated score on the shared -10 log10(FMR) scale
/// (see Matcher.Core.Scoring.MatchScore), which can be fused with fingerprint scores.
/// </summary>
public readonly record struct FaceComparison(double Similarity, double Score);
