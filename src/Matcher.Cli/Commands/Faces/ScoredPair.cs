namespace Matcher.Cli.Commands.Faces;

/// <summary>A compared pair: similarity (higher = more alike), ground truth and fold.</summary>
internal readonly record struct ScoredPair(double Similarity, bool Same, int? Fold);
