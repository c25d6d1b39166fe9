namespace Matcher.Population.Validation;

/// <summary>A real face embedding (unit length) and who it shows: embeddings of different people are impostors.</summary>
public sealed record RealFace(string Person, float[] Embedding);
