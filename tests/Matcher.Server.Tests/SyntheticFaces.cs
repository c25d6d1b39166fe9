using System.Text.Json;
using Matcher.Contracts.V1;
using Matcher.Testing;

namespace Matcher.Server.Tests;

/// <summary>
/// Enrollments of synthetic people: a seeded unit-length 512-d embedding of the server's face model sent through the
/// embedding sample path, so no image is decoded and thousands enroll in seconds. Random vectors in 512 dimensions
/// are nearly orthogonal, so two people never match, and the same seed always gives the same face.
/// </summary>
internal static class SyntheticFaces
{
    /// <summary>The server names its embedding model by the manifest id and the first 12 hex digits of the file's SHA-256.</summary>
    public static readonly string ModelId = ReadModelId();
    private const int Dimension = 512;

    public static Contracts.V1.Samples Of(int person)
    {
        var random = new Random(person);
        var values = new float[Dimension];
        for (var i = 0; i < Dimension; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1);
        }
        var norm = MathF.Sqrt(values.Sum(v => v * v));
        return new Contracts.V1.Samples
        {
            Face = new Contracts.V1.FaceSample { Embedding = new FaceEmbedding { ModelId = ModelId, Values = { values.Select(v => v / norm) } } },
        };
    }

    public static EnrollRequest Enrollment(int person, string gallery, string requestId = "", DedupMode mode = DedupMode.InsertOnly) => new()
    {
        Gallery = gallery,
        SubjectId = $"P{person:D6}",
        Samples = Of(person),
        DedupMode = mode,
        RequestId = requestId,
    };

    private static string ReadModelId()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Datasets.RepositoryRoot, "models", "manifest.json")));
        var embedding = manifest.RootElement.GetProperty("models").GetProperty("embedding");
        return $"{embedding.GetProperty("id").GetString()}@{embedding.GetProperty("sha256").GetString()![..12]}";
    }
}
