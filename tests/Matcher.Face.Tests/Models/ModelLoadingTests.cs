using System.Text.Json.Nodes;
using Matcher.Face.Tests.Support;
using Xunit;

namespace Matcher.Face.Tests.Models;

public sealed class ModelLoadingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("face-models-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void MissingModelFileNamesTheFileAndTheFetchCommand()
    {
        CopyManifest(_ => { });

        var error = Assert.Throws<FileNotFoundException>(() => FaceEngine.Load(new FaceEngineOptions { ModelDirectory = _directory }));

        Assert.Contains("fr_detect.onnx", error.Message);
        Assert.Contains("./scripts/fetch-models.sh", error.Message);
    }

    [Fact]
    public void ModelWhoseHashDiffersIsRefused()
    {
        CopyManifest(_ => { });
        File.WriteAllText(Path.Combine(_directory, "fr_detect.onnx"), "not the model the manifest names");

        var error = Assert.Throws<InvalidDataException>(() => FaceEngine.Load(new FaceEngineOptions { ModelDirectory = _directory }));

        Assert.Contains("SHA-256", error.Message);
        Assert.Contains("refusing", error.Message);
    }

    [Fact]
    public void ModelWithoutRecordedHashIsRefused()
    {
        CopyManifest(m => m["models"]!["detector"]!["sha256"] = "");
        File.WriteAllText(Path.Combine(_directory, "fr_detect.onnx"), "anything");

        var error = Assert.Throws<InvalidDataException>(() => FaceEngine.Load(new FaceEngineOptions { ModelDirectory = _directory }));

        Assert.Contains("fetch-models.sh", error.Message);
    }

    [Fact]
    public void ManifestShapeThatDisagreesWithTheModelIsRefused()
    {
        RequireModels();
        CopyManifest(m => m["models"]!["detector"]!["input"]!["shape"] = new JsonArray(1, 3, 240, 321));
        File.Copy(Path.Combine(TestEngine.ModelDirectory, "fr_detect.onnx"), Path.Combine(_directory, "fr_detect.onnx"));

        var error = Assert.Throws<InvalidDataException>(() => FaceEngine.Load(new FaceEngineOptions { ModelDirectory = _directory }));

        Assert.Contains("240,321", error.Message);
    }

    [Fact]
    public void ManifestCanRenameTheModelAndCarryItsOwnCalibration()
    {
        RequireModels();
        CopyManifest(m =>
        {
            m["models"]!["embedding"]!["id"] = "operator-model";
            m["models"]!["embedding"]!["calibration"] = JsonNode.Parse("""{ "cosine": [-1, 1], "score": [0, 100] }""");
        });
        foreach (var model in new[] { "fr_detect.onnx", "fr_landmark.onnx", "fr_feature.onnx", "fr_liveness.onnx" })
        {
            File.CreateSymbolicLink(Path.Combine(_directory, model), Path.Combine(TestEngine.ModelDirectory, model));
        }

        using var engine = FaceEngine.Load(new FaceEngineOptions { ModelDirectory = _directory });
        var sample = engine.Extract(FaceImages.OrlBytes(1, 1));

        Assert.Equal("operator-model@87aacdfe5751", sample.Embedding.ModelId);
        Assert.Equal(100, engine.Compare(sample.Embedding, sample.Embedding).Score, 1e-4);
        var defaultEmbedding = TestEngine.RequireLenient().Extract(FaceImages.OrlBytes(1, 1)).Embedding;
        Assert.Equal("face.model_mismatch", Assert.Throws<Matcher.Core.Errors.BiometricInputException>(
            () => engine.Compare(sample.Embedding, defaultEmbedding)).ReasonCode);
    }

    [Fact]
    public void MissingManifestPointsAtTheSetting()
    {
        var error = Assert.Throws<FileNotFoundException>(() => FaceEngine.Load(new FaceEngineOptions { ModelDirectory = _directory }));

        Assert.Contains("MATCHER_MODELS", error.Message);
    }

    [Fact]
    public void DefaultModelsLoadAndNameTheEmbeddingModel()
    {
        var engine = TestEngine.RequireLenient();

        Assert.Equal("faceplugin-fr_feature-0.0.1@87aacdfe5751", engine.EmbeddingModelId);
    }

    [Fact]
    public void ThreadCountsBelowOneAreProgrammerErrors()
    {
        Assert.Throws<ArgumentException>(() => FaceEngine.Load(new FaceEngineOptions { ModelDirectory = _directory, IntraOpThreads = 0 }));
        Assert.Throws<ArgumentException>(() => FaceEngine.Load(new FaceEngineOptions { ModelDirectory = _directory, BatchParallelism = 0 }));
    }

    private void CopyManifest(Action<JsonNode> edit)
    {
        var source = Path.Combine(TestEngine.ModelDirectory, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(source))!;
        edit(manifest);
        File.WriteAllText(Path.Combine(_directory, "manifest.json"), manifest.ToJsonString());
    }

    private static void RequireModels()
    {
        if (!TestEngine.ModelsPresent)
        {
            Assert.Skip("Face models not fetched; run ./scripts/fetch-models.sh.");
        }
    }
}
