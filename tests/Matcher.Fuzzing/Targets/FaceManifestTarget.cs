using Matcher.Face.Models;

namespace Matcher.Fuzzing.Targets;

/// <summary>
/// The face model manifest read at start-up: a damaged one is refused with <see cref="InvalidDataException"/> naming
/// the file, and an accepted one has every field the loader then relies on.
/// </summary>
internal sealed class FaceManifestTarget : FuzzTarget
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"matcher-fuzz-manifest-{Environment.ProcessId}");

    public override string Name => "face-manifest";

    public override string Description => "the face model manifest (models/manifest.json)";

    public override FuzzOutcome Run(byte[] input)
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllBytes(Path.Combine(_directory, ModelManifest.FileName), input);
        try
        {
            var manifest = ModelManifest.Load(_directory);
            foreach (var (role, entry) in manifest.Models.All)
            {
                TensorSpec?[] tensors = [entry.Input, .. (IEnumerable<TensorSpec?>?)entry.Outputs ?? [null]];
                if (tensors.Any(t => t?.Name is null || t.Shape is null)
                    || entry.Calibration is { } knots && (knots.Cosine is null || knots.Score is null))
                {
                    throw new BrokenInvariantException($"The accepted manifest's '{role}' model lacks a tensor name, shape or calibration list the loader reads.");
                }
            }
            return FuzzOutcome.Accepted;
        }
        catch (InvalidDataException)
        {
            return FuzzOutcome.Refused;
        }
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        yield return ("manifest", File.ReadAllBytes(Path.Combine(RepositoryModels(), ModelManifest.FileName)));
    }

    private static string RepositoryModels()
    {
        // The harness runs from a published copy outside the checkout, so the working directory is searched too.
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var models = Path.Combine(directory.FullName, "models");
                if (File.Exists(Path.Combine(models, ModelManifest.FileName)) && File.Exists(Path.Combine(directory.FullName, "Matcher.sln")))
                {
                    return models;
                }
            }
        }
        throw new DirectoryNotFoundException($"No models/{ModelManifest.FileName} of the repository above {Environment.CurrentDirectory}.");
    }
}
