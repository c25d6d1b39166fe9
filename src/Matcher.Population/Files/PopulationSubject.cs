namespace Matcher.Population.Files;

/// <summary>
/// One subject of a population file: an id, its fingers and, when the population has faces, its face embedding (of the
/// model and dimension the file's <see cref="PopulationHeader"/> names).
/// </summary>
public sealed record PopulationSubject(string SubjectId, IReadOnlyList<PopulationFinger> Fingers, float[]? FaceEmbedding);

/// <summary>One finger: its ISO/IEC 19794 position (1 = right thumb .. 10 = left little) and an ISO/IEC 19794-2:2005 record.</summary>
public sealed record PopulationFinger(int Position, byte[] IsoTemplate);
