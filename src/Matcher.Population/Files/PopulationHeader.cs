namespace Matcher.Population.Files;

/// <summary>
/// What a population file says about all its subjects: the seed that generated them, how many there are, and the
/// face model whose embeddings they carry (<paramref name="EmbeddingDimension"/> 0 and an empty model id when the
/// population has no faces).
/// </summary>
public sealed record PopulationHeader(ulong Seed, long SubjectCount, string FaceModelId, int EmbeddingDimension);
