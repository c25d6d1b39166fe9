using System.Text.Json;
using System.Text.Json.Serialization;

namespace Matcher.Face.Models;

/// <summary>
/// models/manifest.json: where each model comes from and what it must look like. The engine trusts a model file only
/// when its SHA-256 matches the manifest, so swapping a model is a deliberate edit of this file.
/// </summary>
internal sealed record ModelManifest(ModelSource Source, ManifestModels Models)
{
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static ModelManifest Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Face model manifest '{path}' not found. Point FaceEngineOptions.ModelDirectory or {ModelDirectoryLocator.EnvironmentVariable} at the models folder.",
                path);
        }
        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(path), JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Face model manifest '{path}' is not valid JSON: {e.Message}", e);
        }
        if (manifest?.Source is null || manifest.Models is null)
        {
            throw new InvalidDataException($"Face model manifest '{path}' needs a 'source' and a 'models' section.");
        }
        foreach (var (role, entry) in manifest.Models.All)
        {
            if (entry is null || string.IsNullOrWhiteSpace(entry.File) || string.IsNullOrWhiteSpace(entry.Id) || entry.Input is null)
            {
                throw new InvalidDataException($"Face model manifest '{path}': the '{role}' model needs an id, a file and an input.");
            }
            if (entry.Outputs is null || entry.Outputs.Prepend(entry.Input).Any(t => t is null || string.IsNullOrEmpty(t.Name) || t.Shape is null))
            {
                throw new InvalidDataException($"Face model manifest '{path}': every input and output of the '{role}' model needs a name and a shape.");
            }
            if (entry.Calibration is { } knots && (knots.Cosine is null || knots.Score is null))
            {
                throw new InvalidDataException($"Face model manifest '{path}': the '{role}' model's calibration needs its cosine and score knots.");
            }
        }
        return manifest;
    }
}

internal sealed record ModelSource(string NpmPackage, string Version, string Licence);

internal sealed record ManifestModels(ModelEntry Detector, ModelEntry Landmarks, ModelEntry Embedding, ModelEntry Liveness)
{
    [JsonIgnore]
    public IEnumerable<(string Role, ModelEntry Entry)> All =>
        [("detector", Detector), ("landmarks", Landmarks), ("embedding", Embedding), ("liveness", Liveness)];
}

internal sealed record ModelEntry(
    string Id,
    string File,
    string? PathInPackage,
    string? Sha256,
    TensorSpec Input,
    IReadOnlyList<TensorSpec> Outputs,
    CalibrationKnots? Calibration = null);

/// <summary>Cosine-to-score knots for an embedding model other than the default one.</summary>
internal sealed record CalibrationKnots(IReadOnlyList<double> Cosine, IReadOnlyList<double> Score);

internal sealed record TensorSpec(string Name, IReadOnlyList<long> Shape);
