using Matcher.Face.Alignment;
using Matcher.Face.Landmarks;
using Matcher.Face.Models;

namespace Matcher.Face;

/// <summary>Per-thread scratch memory of the pipeline: every model's pinned input and output buffers.</summary>
internal sealed class FaceWorkspace : IDisposable
{
    public FaceWorkspace(FaceModels models)
    {
        Detector = models.Detector.Model.CreateBuffers();
        Landmarks = models.Landmarks.Model.CreateBuffers();
        Embedding = models.Embedder.Model.CreateBuffers();
        Liveness = models.Liveness.Model.CreateBuffers();
    }

    public ModelBuffers Detector { get; }

    public ModelBuffers Landmarks { get; }

    public ModelBuffers Embedding { get; }

    public ModelBuffers Liveness { get; }

    public double[] LandmarkPoints { get; } = new double[2 * LandmarkLocator.PointCount];

    public float[] AlignedGray { get; } = new float[FaceAligner.Size * FaceAligner.Size];

    public void Dispose()
    {
        Detector.Dispose();
        Landmarks.Dispose();
        Embedding.Dispose();
        Liveness.Dispose();
    }
}
