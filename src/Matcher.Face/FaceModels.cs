using Matcher.Face.Detection;
using Matcher.Face.Embedding;
using Matcher.Face.Landmarks;
using Matcher.Face.Liveness;
using Matcher.Face.Models;
using Matcher.Face.Scoring;
using Microsoft.ML.OnnxRuntime;

namespace Matcher.Face;

/// <summary>The four verified models of the pipeline, each behind the component that knows its input and output.</summary>
internal sealed class FaceModels : IDisposable
{
    private FaceModels(FaceDetector detector, LandmarkLocator landmarks, FaceEmbedder embedder, LivenessScorer liveness)
    {
        Detector = detector;
        Landmarks = landmarks;
        Embedder = embedder;
        Liveness = liveness;
    }

    public FaceDetector Detector { get; }

    public LandmarkLocator Landmarks { get; }

    public FaceEmbedder Embedder { get; }

    public LivenessScorer Liveness { get; }

    public static FaceModels Load(FaceEngineOptions options)
    {
        var directory = ModelDirectoryLocator.Resolve(options.ModelDirectory);
        var manifest = ModelManifest.Load(directory);
        using var sessionOptions = new SessionOptions
        {
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        var loaded = new List<OnnxModel>();
        try
        {
            OnnxModel Load(ModelEntry entry)
            {
                var model = OnnxModel.Load(directory, entry, sessionOptions);
                loaded.Add(model);
                return model;
            }
            return new FaceModels(
                new FaceDetector(Load(manifest.Models.Detector)),
                new LandmarkLocator(Load(manifest.Models.Landmarks)),
                CreateEmbedder(Load(manifest.Models.Embedding), manifest.Models.Embedding),
                new LivenessScorer(Load(manifest.Models.Liveness)));
        }
        catch
        {
            loaded.ForEach(m => m.Dispose());
            throw;
        }
    }

    private static FaceEmbedder CreateEmbedder(OnnxModel model, ModelEntry entry) =>
        new(model, FaceScoreCalibration.For(model.Sha256, entry.Calibration, entry.File));

    public void Dispose()
    {
        Detector.Model.Dispose();
        Landmarks.Model.Dispose();
        Embedder.Model.Dispose();
        Liveness.Model.Dispose();
    }
}
