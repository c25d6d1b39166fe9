using Matcher.Face;
using Matcher.Testing;
using Xunit;

namespace Matcher.Face.Tests.Support;

/// <summary>
/// One engine shared by all tests of the run (loading four ONNX sessions per test would dominate the run time).
/// Tests that need it skip with the fetch command when the models are absent.
/// </summary>
internal static class TestEngine
{
    public static string ModelDirectory { get; } = Path.Combine(Datasets.RepositoryRoot, "models");

    private static readonly Lazy<FaceEngine?> Lenient = new(() => Load(new FaceEngineOptions { RejectUnusable = false }));

    private static readonly Lazy<FaceEngine?> Strict = new(() => Load(new FaceEngineOptions()));

    private static readonly Lazy<FaceModels?> Models = new(() =>
        ModelsPresent ? FaceModels.Load(new FaceEngineOptions { ModelDirectory = ModelDirectory }) : null);

    /// <summary>Reports quality problems instead of refusing the sample, as an evaluation does.</summary>
    public static FaceEngine RequireLenient() => Lenient.Value ?? Skip<FaceEngine>();

    /// <summary>Default options: unusable samples are refused.</summary>
    public static FaceEngine RequireStrict() => Strict.Value ?? Skip<FaceEngine>();

    /// <summary>The pipeline's models one by one, for tests of a single stage.</summary>
    public static FaceModels RequireModels() => Models.Value ?? Skip<FaceModels>();

    public static bool ModelsPresent => File.Exists(Path.Combine(ModelDirectory, "fr_feature.onnx"));

    private static FaceEngine? Load(FaceEngineOptions options) =>
        ModelsPresent ? FaceEngine.Load(options with { ModelDirectory = ModelDirectory }) : null;

    private static T Skip<T>()
    {
        Assert.Skip($"Face models not found in '{ModelDirectory}'. Run ./scripts/fetch-models.sh from the repository root.");
        return default!;
    }
}
