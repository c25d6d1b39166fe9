namespace Matcher.Gallery.Search;

/// <summary>The calibrated score of one probe finger against the candidate's finger at the same position.</summary>
public readonly record struct FingerScore(int Position, double Score);
