namespace Matcher.Population.Validation;

/// <summary>One row of a validation: a modality, the two sets compared, and the tail of their impostor scores.</summary>
public sealed record ImpostorDistribution(string Modality, ImpostorComparison Comparison, TailQuantiles Scores);
