namespace Matcher.Population.Faces;

/// <summary>
/// The handful of numbers of <see cref="FaceEmbeddingModel"/>: weights of the mean direction, of the low-rank part
/// (of rank <see cref="Rank"/>) and of the isotropic noise, and the degrees of freedom of the per-face spread
/// (0 = no heavy tail).
/// </summary>
public sealed record FaceModelParameters(double MeanWeight, int Rank, double SubspaceWeight, double NoiseWeight, int TailDegreesOfFreedom);
